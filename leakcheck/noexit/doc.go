// Package noexit defines an Analyzer that reports goroutines that can
// never exit, started from functions that may run many times.
//
// # Analyzer noexit
//
// noexit: report goroutines with no exit path started by ordinary functions
//
// A goroutine whose every path leads back into its loop, with no return
// on a cancelled context, a closed channel or a stop signal, runs until
// the process ends. Started from a function that is called more than
// once (a constructor, a request handler, a method), every call leaks one
// more goroutine, with its stack and everything it references:
//
//	func NewCache() *Cache {
//		c := &Cache{items: map[string]item{}}
//		go func() {
//			for range time.Tick(time.Minute) { // ticker channels are never closed
//				c.expire()
//			}
//		}()
//		return c
//	}
//
// Give the goroutine a way out, and the owner a way to take it:
//
//	go func() {
//		t := time.NewTicker(time.Minute)
//		defer t.Stop()
//		for {
//			select {
//			case <-t.C:
//				c.expire()
//			case <-c.done: // closed by c.Close
//				return
//			}
//		}
//	}()
//
// noexit reports a go statement only when no path of the goroutine's
// function returns (a range over a time.Ticker's channel or time.Tick
// counts as endless; a panic or os.Exit ends the process, so it counts
// as an exit) and the statement is in a named function other than
// main and init, which run once. Functions of test files run as often as
// the tests that call them (a test, or one disabled by renaming it, runs
// once), exported or not: only the package's tests can call them. In a main package the wording says the
// goroutines live as long as the process; in a library, that each call
// leaks one.
package noexit
