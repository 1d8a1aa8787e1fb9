// Package timeafterloop defines an Analyzer that reports time.After and
// time.Tick evaluated on every iteration of a loop.
//
// # Analyzer timeafterloop
//
// timeafterloop: report time.After and time.Tick called on every loop iteration
//
// The usual place is a select case inside a for loop:
//
//	for {
//		select {
//		case msg := <-msgs:
//			handle(msg)
//		case <-time.After(time.Minute):
//			return errIdle
//		}
//	}
//
// Every iteration allocates and arms a new timer. Before Go 1.23 none of
// them can be collected until it fires, so a busy loop holds one timer per
// message for a whole minute; from Go 1.23 on they are collected, but
// each iteration still allocates one, and the timeout restarts whenever
// another case wins: the loop above never times out while messages keep
// coming, however slowly. time.Tick in a loop starts a new ticker per
// iteration, which before Go 1.23 is never collected at all.
//
// Create one timer before the loop and reset it where the select starts:
//
//	timer := time.NewTimer(time.Minute)
//	for {
//		timer.Reset(time.Minute)
//		select {
//		case msg := <-msgs:
//			handle(msg)
//		case <-timer.C:
//			return errIdle
//		}
//	}
//
// For files at Go 1.23 or later, where Reset discards a stale expiry, this
// is exactly the original behaviour with a single timer, and it is offered
// as a suggested fix when the call is the only time.After of a select case
// directly in the loop and its duration can be evaluated before the loop.
// When the timeout is meant to bound the whole loop, create the channel
// once before it instead: timeout := time.After(d).
package timeafterloop
