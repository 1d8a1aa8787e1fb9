// Package deferloop defines an Analyzer that reports defer statements
// that run once per loop iteration but execute only at function return.
//
// # Analyzer deferloop
//
// deferloop: report defer statements inside loops
//
// A deferred call runs when the surrounding function returns, not at the
// end of the loop iteration that deferred it. Inside a loop, deferred
// calls and everything they hold (open files, locks, connections, the
// closures themselves) pile up until the function returns:
//
//	for _, name := range names {
//		f, err := os.Open(name)
//		if err != nil {
//			return err
//		}
//		defer f.Close() // every file stays open until the function returns
//		...
//	}
//
// Move the iteration into a function so that each defer runs per
// iteration:
//
//	for _, name := range names {
//		if err := func() error {
//			f, err := os.Open(name)
//			...
//			defer f.Close()
//			...
//		}(); err != nil {
//			return err
//		}
//	}
//
// Any loop counts: for, range (over channels and iterator functions too),
// for {} and loops made with goto. A defer after which the loop is always
// left (the body returns or breaks right after it) runs at most once and
// is not reported, nor is a defer inside a function literal called in the
// iteration.
//
// Only a defer that holds a value of the iteration (a variable declared in
// the loop, such as the file opened in it) is reported, and not when that
// value is also kept for after the loop (files = append(files, f)): then
// it must stay open until return. A defer on loop-invariant values only,
// such as closing scopes pushed per element or giving back every
// semaphore slot taken, is kept until return on purpose.
//
// When the loop body has no break, continue, return or goto that would
// change meaning, and no deferred closure that touches named results or
// calls recover, the suggested fix wraps the body in func() { ... }().
package deferloop
