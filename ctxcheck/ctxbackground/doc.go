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
// reported; a handler written as a literal has its own request, and is.
// A receiver's context field is not used when the receiver also holds its
// CancelFunc (the object's own lifetime).
//
// Reported: a new context that only goes to calls the function makes
// itself, and a new context returned in place of a context parameter
// (func scope(ctx context.Context) context.Context { return
// context.Background() }), whose caller will use it for its work.
// Deliberately detached contexts are not reported: a new context stored
// in a field, a global or a struct, one used in a go or defer statement,
// one assigned to the context variable itself or returned under a nil
// test of it (if ctx == nil { ctx = context.Background() }), one created
// after the function has observed its context end (ctx.Done(),
// ctx.Err()), as a graceful shutdown does, and one handed only to
// functions that discard that parameter (blank, unnamed or unused: the
// IgnoredContexts fact), which cuts nothing off. main, init and TestMain
// are not reported.
//
// The message names the context cut off and where it comes from; the
// related position points at it, with the fix.
package ctxbackground
