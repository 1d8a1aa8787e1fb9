//go:build go1.22

package quiet

import "time"

// This file is at Go 1.22: the timers pile up until they fire.
func idleOld(msgs <-chan string) {
	for {
		select {
		case <-msgs:
		case <-time.After(time.Minute): // want `time.After in a loop grows memory with the iteration rate: before Go 1.23 no timer is collected until it fires`
			return
		}
	}
}
