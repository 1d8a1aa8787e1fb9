// Package ctxdone defines an Analyzer that reports loops that block
// without observing the context in scope.
//
// # Analyzer ctxdone
//
// ctxdone: report loops that block without observing the context in scope
//
// A loop in a function that was given a context (a parameter, the
// Context() of an *http.Request parameter, or one captured by a
// goroutine) should end when that context is cancelled. A loop that
// blocks on something else, and never looks at the context, goes on after
// its caller gave up, or blocks forever:
//
//	func (c *Client) poll(ctx context.Context) error {
//		for {
//			select {
//			case msg := <-c.updates:
//				c.apply(msg)
//			case <-c.ticker.C:
//				c.refresh()
//			}
//		}
//	}
//
// Add the context's Done channel to the select, or check ctx.Err() in
// every iteration:
//
//	for {
//		select {
//		case <-ctx.Done():
//			return ctx.Err()
//		case msg := <-c.updates:
//			...
//
// Reported, in a loop (for, range, or a label and a goto back to it): a
// blocking select (no default) with no case that leaves the loop,
// time.Sleep, and a send or receive on a channel that the function does
// not make itself (a handshake with its own goroutines is its business).
// The report names the operation and the context it ignores; its related
// positions point at the loop, with the fix, and at the context.
//
// A loop observes the context, and is not reported, when its condition,
// post statement or body calls Done or Err on it, on a copy or on a
// context derived from it (which ends when it ends), or receives from its
// Done channel kept in a variable (done := ctx.Done()); and when it
// passes the context to a call whose failure ends the loop (an
// if err != nil that leaves it, or a condition err == nil): once the
// context is cancelled, that call fails and the loop stops. Waiting on a
// channel that a goroutine of the function closes after observing the
// context is waiting for the context too, and so is waiting on a channel
// that another function closes once it observes a context: a struct
// field closed by any function of the package that watches a context (a
// method started with go s.run(ctx) that closes s.done, a goroutine that
// another method starts), or a channel handed to a function started as a
// goroutine (go closeOnDone(ctx, done)) that closes that parameter and
// watches a context, in this package or another (a ClosesOnDone fact).
//
// In test files, the contexts of function literals and the requests
// that fake servers serve are not watched: handlers of test servers and
// hooks given to code under test ignore the context the test made on
// purpose, and the test ends them itself (as for ctxrequest). Functions
// declared in test files and given a context are reported.
//
// A receiver's context field is not a context the method was given: it
// bounds the object's lifetime, which the object ends itself (a Close
// that stops its loops, then cancels), and its methods may block on the
// object's own channels. A range over a channel ends when the channel is
// closed.
package ctxdone
