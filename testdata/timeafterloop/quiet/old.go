//go:build go1.22

package quiet

import "time"

// This file is at Go 1.22: the timers pile up until they fire.
func idleOld(msgs <-chan string) {
	for {
		select {
		case <-msgs:
		case <-time.After(time.Minute): // want `time.After in a loop creates a new timer on every iteration, and before Go 1.23 none is collected until it fires`
			return
		}
	}
}
