// Package lockedsend defines an Analyzer that reports a channel send made
// while holding a mutex that the goroutine receiving from the channel
// must lock before it can receive again.
//
// # Analyzer lockedsend
//
// lockedsend: report a send made while holding a mutex the receiver needs
//
// An unbuffered send waits for a receiver. When the only receiver loop
// locks the sender's mutex between two receives, a send made while
// holding that mutex deadlocks as soon as the receiver is busy with the
// previous value: the receiver waits for the mutex, the sender for the
// receiver.
//
//	func (x *index) Add(term string) {
//		x.mu.Lock()
//		defer x.mu.Unlock()
//		x.hits <- term // waits for follow, which waits for x.mu
//	}
//
//	func (x *index) follow() {
//		for t := range x.hits {
//			x.mu.Lock()
//			x.n++
//			x.mu.Unlock()
//		}
//	}
//
// Send after unlocking, or hand the value over through a buffered
// channel the receiver drains without the lock.
//
// The channel is a field of the package's own type that the package
// alone fills, with unbuffered channels only; every receive from it is in
// a loop that takes the mutex (at any call depth) on the way back to the
// receive. The mutex is the same field or package variable. Read locks on
// both sides do not wait for each other and are not reported.
package lockedsend
