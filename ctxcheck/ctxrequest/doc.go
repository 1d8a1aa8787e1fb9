// Package ctxrequest defines an Analyzer that reports outgoing calls that
// ignore the context the function has, so that they cannot be cancelled.
//
// # Analyzer ctxrequest
//
// ctxrequest: report requests, queries and dials made without the context in scope
//
// A function that has a context (a context.Context parameter, an
// *http.Request's Context(), a context field of its receiver) and calls
// an API that takes none keeps going when the caller gives up: the HTTP
// request, the database query or the dial runs to its end or its own
// timeout, holding a connection and a goroutine.
//
//	func (s *Server) Lookup(ctx context.Context, id string) (*User, error) {
//		rows, err := s.db.Query("SELECT name FROM users WHERE id = ?", id)
//		...
//		req, err := http.NewRequest("GET", s.url+id, nil)
//		...
//		conn, err := net.Dial("tcp", s.addr)
//		...
//	}
//
// Use the variant that takes the context:
//
//	rows, err := s.db.QueryContext(ctx, "SELECT name FROM users WHERE id = ?", id)
//	req, err := http.NewRequestWithContext(ctx, "GET", s.url+id, nil)
//	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", s.addr)
//
// Reported: http.Get, Head, Post and PostForm (as functions and as
// *http.Client methods: build the request with NewRequestWithContext and
// call Do), http.NewRequest, the methods of *sql.DB, *sql.Tx and
// *sql.Stmt that have a ...Context variant (Query, QueryRow, Exec,
// Prepare, Ping, Begin, Tx.Stmt), net.Dial, net.DialTimeout and
// (*net.Dialer).Dial. The fix, when exactly one context is in scope,
// switches to the context variant with that context.
//
// As for ctxbackground, only the function's own contexts count (not those
// a function literal captures), and calls made after the function has
// observed its context end (ctx.Done(), ctx.Err()) are not reported:
// cleanup after cancellation must not be cancelled. In test files, the
// contexts of function literals and the requests that fake servers serve
// are the test's own: handlers of test servers and dial hooks given to a
// client under test ignore them on purpose, acting as a plain server or
// network would, and the test ends them itself. Functions declared in
// test files (helpers given a context) are reported.
//
// A request made with http.NewRequest is reported only when it may be
// sent without a context: it reaches a call that returns the
// *http.Response (Client.Do, a RoundTripper), a function that sends it
// (a RequestParams fact, exported for every function that takes a
// request), an unknown function, or the caller; and neither this function
// nor one it hands the request to attaches a context (req.WithContext,
// req.Clone). A request only compared, dumped (its response discarded) or
// inspected never waits on the network. A receiver's context field is not
// used when the receiver also holds its CancelFunc: that context is the
// object's lifetime, which it ends itself.
//
// The message names the call and the context it ignores; the related
// position points at the context, with the fix. go vet's lostcancel
// and httpresponse cover the other common mistakes with these APIs.
package ctxrequest
