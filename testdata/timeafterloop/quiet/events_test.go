package quiet

import (
	"testing"
	"time"
)

// Each iteration waits for one distinct event with its own timeout.
func TestEvents(t *testing.T) {
	ch := make(chan int, 3)
	go func() {
		for i := range 3 {
			ch <- i
		}
	}()
	for i := range 3 {
		select {
		case <-ch:
		case <-time.After(time.Second):
			t.Fatalf("event %d did not arrive", i)
		}
	}
}
