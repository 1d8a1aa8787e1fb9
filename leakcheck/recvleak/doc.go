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
// reach no code the analysis cannot follow (another package, a field, an
// interface), so that every send and close is known. A nil channel in a
// select case is the usual way to disable the case and is not reported.
package recvleak
