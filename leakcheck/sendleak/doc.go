// Package sendleak defines an Analyzer that reports goroutines that block
// forever on a send because the function that started them stops
// receiving.
//
// # Analyzer sendleak
//
// sendleak: report goroutines stranded on a send that nobody will receive
//
// A goroutine that hands its result back on an unbuffered channel blocks
// until someone receives. When the function that started it can return
// without receiving, on an error path, when a timeout or a cancelled
// context wins a select, or after taking the first of several results, the
// goroutine is stranded: it blocks forever, with everything it references,
// and every call leaks one more.
//
//	func fetch(ctx context.Context, url string) (*Page, error) {
//		ch := make(chan *Page)
//		go func() {
//			ch <- download(url) // blocks forever once fetch has returned
//		}()
//		select {
//		case p := <-ch:
//			return p, nil
//		case <-ctx.Done():
//			return nil, ctx.Err() // nobody will ever receive from ch
//		}
//	}
//
// Give the channel room for every value that may be abandoned, so that
// the sends complete whether or not anyone receives:
//
//	ch := make(chan *Page, 1)
//
// The same holds for goroutines started in a loop that all send on one
// channel while the function receives only once (the first answer wins):
// the others block forever unless the buffer holds all of them.
//
// Unbuffered channels kept in a field or variable the package owns (an
// unexported field, any field of an unexported type, an unexported
// variable) are judged across the package: a send outside a select is
// reported when nothing receives from the channel, or when the only
// receiver is one goroutine's loop that can leave on a condition computed
// by a call (an error) while the senders go on; select on a channel the
// goroutine closes when it ends, too. A loop that stops on a value it
// received or after a count ends by agreement with its senders. A
// buffered one is reported when the function that made the value (a
// composite literal, or a constructor that calls nothing) sends more
// values than the buffer holds, in its top-level statements and loops of
// constant count, before handing the value to anything that could
// receive.
//
// sendleak reports only what is certain on the code as written: the
// channel is made in the function and reaches no code the analysis cannot
// follow (another package, a field, an interface); the goroutine sends on
// it, outside a select, on every path; and some path of the function
// returns normally without receiving. For a single goroutine that sends
// once on an unbuffered channel, the suggested fix gives the channel a
// buffer of one; for goroutines started once per iteration of a range
// over xs or n, a buffer of len(xs), or max(n, 0) for a signed n (make
// panics on a negative size; no fix before Go 1.21). A select case with
// an empty body continues where the other cases do: reaching that point
// does not mean the value was received. A path that fails a test (t.Error,
// t.Fatal and their kin) strands the sender in a run that already reports
// the failure: it is not counted.
package sendleak
