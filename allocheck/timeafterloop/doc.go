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
// message for a whole minute. time.Tick in a loop starts a new ticker per
// iteration, which before Go 1.23 is never collected at all. These are
// reported in files at Go 1.22 or earlier.
//
// From Go 1.23 the timers are collected, and what is left is a timeout
// that restarts whenever another case wins: the loop above never times
// out while messages keep coming, however slowly. That is usually the
// intent (an idle timeout), so files at Go 1.23 or later are reported
// only with -timeafterloop.restart, for teams that want every restarted
// timeout made explicit.
//
// Never reported: a select that runs at most once per loop (guarded by a
// flag, such as first or !done, that its branch clears and nothing sets
// again, or by the loop's counter equal to a constant, i == 0), a select
// whose other cases all leave the loop, and the
// cancellable sleep of a retry loop, select { case <-ctx.Done(): ...;
// case <-time.After(backoff): }, whose other case stays ready once the
// context is done. The body of a range over a function counts as a loop.
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
// as a suggested fix (with -timeafterloop.restart) when the call is the
// only time.After of a select case directly in the loop, its duration can
// be evaluated before the loop, and the function has no goto. The timer's
// name is one that nothing from the loop to the end of its block spells.
// When the timeout is meant to bound the whole loop, create the channel
// once before it instead: timeout := time.After(d). For time.Tick, create
// one time.NewTicker before the loop and Stop it when the loop ends.
package timeafterloop
