package collide

import "time"

// A goto might jump over a declaration inserted before the loop: no fix.
func laterTimer(in <-chan int, d time.Duration) *time.Timer {
	for {
		select {
		case <-in:
		case <-time.After(d): // want `time.After in a loop restarts the timeout whenever another case wins`
			goto out
		}
	}
out:
	timer := time.NewTimer(d)
	return timer
}

// Later in the same block a timer is declared: the fix picks timer2.
func laterDecl(in <-chan int, d time.Duration) *time.Timer {
	for i := 0; i < 3; i++ {
		select {
		case <-in:
		case <-time.After(d): // want `time.After in a loop restarts the timeout whenever another case wins`
		}
	}
	timer := time.NewTimer(d)
	return timer
}

// A nested scope after the loop declares a timer, which would shadow
// the new one.
func nestedDecl(in <-chan int, d time.Duration, again bool) {
	for i := 0; i < 3; i++ {
		select {
		case <-in:
		case <-time.After(d): // want `time.After in a loop restarts the timeout whenever another case wins`
		}
	}
	if again {
		timer := time.NewTimer(d)
		<-timer.C
	}
}
