package sendleak

import (
	"testing"
	"time"
)

func square(n int) int { return n * n }

// The worker is stranded only when the timeout wins, and the test has
// failed then: the failure is what the run reports.
func TestComputeFinishes(t *testing.T) {
	for _, n := range []int{1, 2, 3} {
		results := make(chan int)
		go func() {
			results <- square(n)
		}()
		select {
		case got := <-results:
			if got != n*n {
				t.Errorf("square(%d) = %d", n, got)
			}
		case <-time.After(time.Second):
			t.Errorf("square(%d) hung", n)
		}
	}
}

func TestComputeQuick(t *testing.T) {
	done := make(chan int)
	go func() { done <- square(7) }()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("square hung")
	}
}

// A watchdog whose alarm nobody takes once the work wins: one stranded
// goroutine per passing case.
func TestComputeWatchdog(t *testing.T) {
	for _, n := range []int{4, 5} {
		alarm := make(chan struct{})
		go func() {
			time.Sleep(time.Second)
			alarm <- struct{}{} // want `goroutine blocks forever on send when another case wins`
		}()
		finished := make(chan int, 1)
		finished <- square(n)
		select {
		case <-alarm:
			t.Errorf("square(%d) hung", n)
		case <-finished:
		}
	}
}
