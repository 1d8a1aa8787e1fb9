// Package recvleak defines an Analyzer that reports receives that can
// never complete: from a channel that nothing sends on or closes, ranges
// over a channel that nothing closes, and operations on nil channels.
//
// # Analyzer recvleak
//
// recvleak: report receives and ranges that no send or close can ever end
//
// A range over a channel ends only when the channel is closed. When
// nothing closes it, the loop blocks forever after the last value, and so
// does the goroutine running it:
//
//	results := make(chan int)
//	for _, job := range jobs {
//		go func() { results <- job.Run() }()
//	}
//	for r := range results { // never ends: nothing closes results
//		total += r
//	}
//
// Close the channel once every sender is done, for example after a
// sync.WaitGroup's Wait in a goroutine of its own.
//
// A receive from a channel that nothing sends on or closes, and a send or
// receive on a nil channel outside a select, block forever too.
//
// recvleak reports only channels made in the function's package that
// reach no code the analysis cannot follow (another package, an
// interface, a field or variable other packages can set), so that every
// send and close is known. A channel kept in a field or variable the
// package owns (an unexported field, any field of an unexported type, an
// unexported variable) is judged across the package's functions; one
// handed out receive-only, as <-chan T, can still be neither sent on nor
// closed outside. A nil channel in a
// select case is the usual way to disable the case and is not reported,
// nor is <-make(chan T), a receive from a channel no name ever holds: a
// goroutine parked forever on purpose, like select {}.
package recvleak
