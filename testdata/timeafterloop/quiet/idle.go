// Package quiet holds loops that restart a timeout per event in Go 1.23
// or later, where the timers are collected: silent unless
// -timeafterloop.restart is given.
package quiet

import (
	"errors"
	"time"
)

// An idle timeout, restarted by every message on purpose.
func drain(msgs <-chan string, handle func(string)) error {
	for {
		select {
		case m, ok := <-msgs:
			if !ok {
				return nil
			}
			handle(m)
		case <-time.After(time.Second):
			return errors.New("idle")
		}
	}
}

// A heartbeat that restarts whenever work arrives.
func heartbeat(work <-chan func(), beat func()) {
	for {
		select {
		case f := <-work:
			f()
		case <-time.Tick(10 * time.Second):
			beat()
		}
	}
}
