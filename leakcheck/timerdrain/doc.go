// Package timerdrain defines an Analyzer that reports drains of a timer's
// channel that block forever because the tick was already received.
//
// # Analyzer timerdrain
//
// timerdrain: report `if !t.Stop() { <-t.C }` on a timer whose tick another receive may have taken
//
// Stop reports false when the timer has already fired. The usual drain,
// `if !t.Stop() { <-t.C }`, then receives the tick the timer sent; but if
// another receive already took that tick and did not re-arm the timer,
// there is nothing left to receive and the drain blocks forever:
//
//	func (r *retrier) rearm(d time.Duration) {
//		if !r.backoff.Stop() {
//			<-r.backoff.C // blocks when run took the tick
//		}
//		r.backoff.Reset(d)
//	}
//
//	func (r *retrier) run() {
//		for {
//			select {
//			case <-r.backoff.C:
//				r.try() // the timer is not re-armed here
//			case <-r.nudge:
//				r.rearm(10 * time.Millisecond)
//			}
//		}
//	}
//
// Drain without blocking (select { case <-t.C: default: }), or keep track
// of whether the tick was taken. From Go 1.23 on, Reset and Stop discard
// a pending tick, so the drain is not needed at all.
//
// timerdrain judges only timers kept in a field or variable the package
// owns (an unexported field, any field of an unexported type, an
// unexported variable), made by time.NewTimer in the package, that reach
// no code the analysis cannot see. It reports a drain when a receive of
// the same timer's channel has a path to a return, or back to itself,
// that does not Reset the timer. A receive that deletes the map entry it
// found the timer through, when every drain finds the timer through the
// same map, retires the timer instead: the drain can no longer find it
// (an expiry sweep that removes what expired).
package timerdrain
