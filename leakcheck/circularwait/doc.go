// Package circularwait defines an Analyzer that reports two sides that
// each block on a channel operation only the other can complete, and
// reach it only after their own blocked operation: both wait forever.
//
// # Analyzer circularwait
//
// circularwait: report channel operations that wait for each other in a cycle
//
// A function hands work to a goroutine it starts, and each side waits for
// the other first:
//
//	func run(job string) string {
//		ready := make(chan struct{})
//		jobs := make(chan string)
//		out := make(chan string, 1)
//		go func() {
//			j := <-jobs // waits for the job ...
//			close(ready)
//			out <- process(j)
//		}()
//		<-ready // ... which is sent only once the goroutine is ready
//		jobs <- job
//		return <-out
//	}
//
// The function waits on ready, which the goroutine closes only after its
// receive from jobs; the goroutine waits on jobs, which the function sends
// on only after its receive from ready. Neither ever proceeds. Put the
// operations in the same order on both sides (the goroutine announces it
// is ready before it waits for the job), or drop the extra handshake.
//
// The same holds for two goroutines a function starts, and for a method
// and the goroutine a constructor starts (go s.loop()) when the channels
// are fields the package owns.
//
// The check reports only what it can prove. Every channel involved is
// made in the package and never escapes, or is kept in an unexported
// field or variable the package alone fills and that no other code
// operates on: every send, receive and close is known. Each of these is
// placed in the function whose run it belongs to (a goroutine's function,
// the function that makes the channel, a method called from outside),
// through calls of the package's own functions. The blocked operation of
// each side is a send or receive outside a select that every run of its
// function reaches; a send blocks when the channel is unbuffered or the
// sends before it on every path fill the buffer. Every operation that
// could complete it (for a receive a send or close, for a send a receive
// or close, in a select or not) is in the other side's function and comes
// after that side's blocked operation on every path. A select with a
// default or another case, a third goroutine that can also complete the
// operation, a close on some path before the wait, or a channel handed to
// code the analysis does not see keep it silent.
package circularwait
