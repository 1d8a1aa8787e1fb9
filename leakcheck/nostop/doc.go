// Package nostop defines an Analyzer that reports values whose goroutine
// only a Stop method ends, started and then dropped without stopping.
//
// # Analyzer nostop
//
// nostop: report values started and dropped without the Stop that ends their goroutine
//
// A type that runs a goroutine until told to stop
//
//	func (w *Watcher) Start() {
//		go func() {
//			for {
//				select {
//				case <-w.quit:
//					return
//				case ev := <-w.events:
//					w.handle(ev)
//				}
//			}
//		}()
//	}
//
//	func (w *Watcher) Stop() { close(w.quit) }
//
// leaks that goroutine (and everything it references) whenever a caller
// starts a value and drops it without calling Stop:
//
//	func check(path string) error {
//		w := &Watcher{quit: make(chan struct{}), events: make(chan Event)}
//		w.Start()
//		return w.scan(path) // w.Stop is never called
//	}
//
// Stop the value when done with it, typically with defer w.Stop().
//
// The goroutine must have no way out but a receive from a channel field
// of the value (or the Done channel of a context field), whatever the
// order of the select's cases, and the type a method that closes or sends
// on that channel (or calls a cancel function field). Pointer and value
// receivers alike: a copy of the struct shares its channels.
// Only callers in the same package are checked, and only values they
// make themselves and keep to themselves: a value returned, stored,
// passed to a function other than its own methods, or captured by a
// function literal may be stopped elsewhere and is not reported. main and
// init are not reported: their values live as long as the process.
package nostop
