package outer

import "time"

var timer = time.NewTimer(time.Hour)

// A nested scope after the loop uses the package's timer, which a new
// one would capture.
func nestedUse(in <-chan int, d time.Duration, flush bool) {
	for i := 0; i < 3; i++ {
		select {
		case <-in:
		case <-time.After(d): // want `time.After in a loop restarts the timeout whenever another case wins`
		}
	}
	if flush {
		timer.Stop()
	}
}
