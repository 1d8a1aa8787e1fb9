// Package ctxdone defines an Analyzer that reports loops that block
// without observing the context in scope.
//
// # Analyzer ctxdone
//
// ctxdone: report loops that block without observing the context in scope
//
// A loop in a function that has a context (a parameter, a request's
// Context(), a receiver's context field, or one captured by a goroutine)
// should end when that context is cancelled. A loop that blocks on
// something else, and never looks at the context, goes on after its
// caller gave up, or blocks forever:
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
// Reported in a loop whose body neither selects on ctx.Done() nor calls
// ctx.Err() (nor Done() to pass on): a blocking select (no default) with
// no case that leaves the loop, time.Sleep, and a send or receive on a
// channel that the function does not make itself (a handshake with its own
// goroutines is its business). The report says which operation ignores
// which context. A loop with no way out at all is left to noexit, and a
// range over a channel ends when the channel is closed.
package ctxdone
