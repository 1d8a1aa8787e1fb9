// Package ctxbackground defines an Analyzer that reports
// context.Background() and context.TODO() in functions that already have
// a context.
//
// # Analyzer ctxbackground
//
// ctxbackground: report context.Background and context.TODO where a context is in scope
//
// A function that receives a context (a context.Context parameter, an
// *http.Request whose Context() ends with the client's request, or a
// context field of its receiver) and starts work with a new root context
// cuts that work off from cancellation and deadlines: when the caller
// gives up, the query, the request or the goroutine goes on.
//
//	func (s *Server) Handle(ctx context.Context, id string) error {
//		row := s.db.QueryRowContext(context.Background(), query, id)
//		...
//	}
//
// Use the context in scope:
//
//	func (s *Server) Handle(ctx context.Context, id string) error {
//		row := s.db.QueryRowContext(ctx, query, id)
//		...
//	}
//
// The fix is offered when exactly one context is in scope.
//
// Only the function's own contexts count: a function literal may run
// after its enclosing function has returned (a callback, a goroutine
// meant to outlive a request), so a context it merely captures is not
// reported. Deliberately detached contexts are not reported either: a new
// context stored in a field, a global or a result (it belongs to
// something that outlives the call), one used in a go or defer statement,
// one assigned to the context variable itself (a nil guard such as
// if ctx == nil { ctx = context.Background() }), and one created after
// the function has observed its context end (ctx.Done(), ctx.Err()), as a
// graceful shutdown does. main, init and TestMain are not reported.
package ctxbackground
