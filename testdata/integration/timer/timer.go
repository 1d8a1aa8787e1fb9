// Package timer waits with a timeout in a loop: time.After makes a timer
// per iteration, which timeafterloop's fix replaces by one timer, reset.
// It imports only time, for a go vet -fix run with few dependencies.
package timer

import "time"

// Count counts events until none arrives for a minute.
func Count(events <-chan string) (n int) {
	for {
		select {
		case <-events:
			n++
		case <-time.After(time.Minute):
			return n
		}
	}
}
