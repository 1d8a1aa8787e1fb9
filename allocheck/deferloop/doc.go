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
// A deferred cancel of a context made in the iteration keeps every
// iteration's context (and the timer of a WithTimeout) alive until the
// function returns: call cancel at the end of the iteration instead.
//
// Any loop counts: for, range (over channels and iterator functions too),
// for {} and benchmark loops (for b.Loop(), for i := 0; i < b.N; i++). A
// defer after which the loop is always left (the body returns or breaks
// right after it) runs at most once and is not reported, nor is a defer
// inside a function literal called in the iteration, nor one in a loop
// whose trip count is a small constant, at most 4 (a range over an array
// or a literal of at most 4 elements, or over a variable set only to such
// a literal or to slices of itself; range 4; for i := 0; i < 4; i++): at
// most 4 deferred calls stay until return (two capability probes, a
// two-entry table of cases). Nested in another loop, such a loop repeats
// with it, which is reported unless the product of the counts stays at
// most 4 too. Nor is a defer in a lazy set-up that runs once: the body of
// an if v == nil that sets v (directly or through a function literal it
// calls), v being a variable outside the loop that nothing else in the
// loop sets.
//
// Loops in test files (_test.go) are not reported: a test runs once, its
// loops run over a few cases (a table, fixtures, retries), and what they
// defer is released when the test returns, often held on purpose
// (connections kept open for the whole test). Benchmarks' loops are
// reported: a loop driven by b.Loop() or b.N, any loop inside one, any
// loop of a function taking a *testing.B. So is a test's loop counted to
// a constant beyond 64, which is not a few cases.
//
// A loop that is the last work of a function literal called at once is
// not reported: the literal is there to release what the loop holds when
// the loop ends. A loop made with goto has no statement that scopes the
// iteration and is not reported either.
//
// A deferred Unlock or RUnlock (of a sync.Mutex, sync.RWMutex or
// sync.Locker), alone or in a literal that does nothing else, is not
// reported: what stays held is a lock, not memory, and holding each
// iteration's lock until return is a pattern ("lock each in turn, work,
// release at return"); locking the same mutex twice deadlocks, which is
// doublelock's concern.
//
// Only what piles up is reported: the deferred call holds a value made in
// the iteration (by a call, a receive, an allocation; not the elements of
// a ranged slice or map, which exist before the loop) that is dead after
// the iteration. A value that must live until return is not reported:
// one stored outside the loop (files = append(files, f), a field, a map,
// a global), sent on a channel, captured by a goroutine or by a function
// literal kept for later, or made by the same call as such a value (a
// server kept in a slice and its cleanup function). A value returned from
// inside the loop is kept by the iteration that returns only: the earlier
// iterations' values (each attempt's context when the loop returns the
// first connection that succeeds) pile up and are reported. Loops that
// only defer the release of values made before them release a batch at
// return on purpose, and so do defers on loop-invariant values (closing
// scopes pushed per element, giving back every semaphore slot taken). A
// deferred close of a channel handed to a goroutine tells it that the
// function has returned.
//
// The suggested fix wraps the body in func() { ... }() and so runs the
// defers at the end of each iteration. It is offered only where that
// provably keeps the program's meaning:
//   - the body has no break, continue, return or goto that would change
//     meaning, no deferred closure that touches named results, no recover;
//   - every value the deferred calls of the body act on is made in the
//     iteration and used in it only in ways that cannot keep it: compared,
//     read through fields of basic type, reassigned. Passed to any call
//     (a callee may start a goroutine that reads it), a method called on
//     it, captured by any closure: no fix. Values yielded by an iterator
//     function get no fix either (the iterator may use them after yield
//     returns), nor values of outer variables, which the moved call would
//     act on earlier;
//   - no defer statement follows the loop in the function (the order in
//     which deferred calls run would change);
//   - before Go 1.22, a deferred function literal does not read a
//     variable of the loop statement, shared by all iterations.
//
// A resource whose other end is outside the process (a connection seen by
// a server) is judged by its uses in the process only: closing it earlier
// is the point of the fix.
package deferloop
