package go122

import (
	"context"
	"time"
)

func idle(msgs <-chan string) {
	for {
		select {
		case <-msgs:
		case <-time.After(time.Minute): // want `time.After in a loop grows memory with the iteration rate: before Go 1.23 no timer is collected until it fires`
			return
		}
	}
}

func poll(n int, check func() bool) {
	for range n {
		<-time.Tick(time.Second) // want `time.Tick in a loop leaks a ticker per iteration: before Go 1.23 no ticker is ever collected`
		if check() {
			return
		}
	}
}

func sleepLike(n int) {
	for range n {
		<-time.After(time.Millisecond)
	}
}

func deadline(msgs <-chan string) {
	timeout := time.After(time.Minute)
	for {
		select {
		case <-msgs:
		case <-timeout:
			return
		}
	}
}

// Runs at most once per loop: first is cleared by the branch.
func firstOnly(events <-chan int, swapped <-chan struct{}) {
	first := true
	for range events {
		if first {
			select {
			case <-swapped:
			case <-time.After(time.Second):
				return
			}
			first = false
		}
	}
}

// The cancellable sleep of a retry loop.
func retry(ctx context.Context, try func() error) error {
	for {
		if try() == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// Each iteration waits for one event with its own timeout: before Go
// 1.23 every timer lives until it fires.
func fiveEvents(ch <-chan int, fail func(int)) {
	for i := 0; i < 5; i++ {
		select {
		case <-ch:
		case <-time.After(time.Second): // want `time.After in a loop grows memory with the iteration rate`
			fail(i)
		}
	}
}
