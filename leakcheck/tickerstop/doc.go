// Package tickerstop defines an Analyzer that reports tickers and timers
// that are never stopped, in files written for Go before 1.23.
//
// # Analyzer tickerstop
//
// tickerstop: report time.NewTicker and time.NewTimer never stopped (before Go 1.23)
//
// Before Go 1.23 the runtime keeps every active ticker and timer
// reachable: an unstopped ticker is never collected and keeps firing for
// the life of the process, and an unstopped timer is held until it fires.
// A function that creates one per call and returns without stopping it
// leaks one per call:
//
//	func waitReady(ready func() bool) {
//		t := time.NewTicker(10 * time.Millisecond) // never stopped
//		for range t.C {
//			if ready() {
//				return
//			}
//		}
//	}
//
// Stop it when done:
//
//	t := time.NewTicker(10 * time.Millisecond)
//	defer t.Stop()
//
// From Go 1.23 on, tickers and timers that nothing references are
// collected even when not stopped, so files at go1.23 or later are not
// reported. Only tickers and timers used in the function alone (their
// channel read, Reset called) are judged: one stored, returned, passed on
// or captured by a closure may be stopped elsewhere.
package tickerstop
