package timeafterloop

import (
	"context"
	"errors"
	"time"
)

// A select guarded by a flag that its branch clears runs at most once per
// loop: its timer is never abandoned for a restart.
func firstEvent(events <-chan int, swapped <-chan struct{}) error {
	first := true
	for ev := range events {
		if ev > 0 && first {
			select {
			case <-swapped:
			case <-time.After(50 * time.Millisecond):
				return errors.New("swap timed out")
			}
			first = false
		}
	}
	return nil
}

func untilDone(events <-chan int, ack <-chan struct{}, wait time.Duration) int {
	n := 0
	var done bool
	for range events {
		n++
		if !done {
			done = true
			select {
			case <-ack:
			case <-time.After(wait):
			}
		}
	}
	return n
}

// The cancellable sleep of a retry loop: the other case is a context's
// Done, which stays ready once closed, so the timer is never restarted.
func retry(ctx context.Context, try func() error, backoff time.Duration) error {
	for {
		if err := try(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff *= 2
	}
}

func retryUntilCancelled(ctx context.Context, try func() error) {
	done := ctx.Done()
	for ctx.Err() == nil {
		if try() == nil {
			return
		}
		select {
		case <-done:
		case <-time.After(time.Second):
		}
	}
}

// The flag is set again in the loop: the select runs on many iterations.
func rearmed(events <-chan int, ack <-chan struct{}) {
	first := true
	for ev := range events {
		if first {
			select {
			case <-ack:
			case <-time.After(time.Second): // want `time.After in a loop restarts the timeout whenever another case wins`
			}
			first = false
		}
		if ev == 0 {
			first = true
		}
	}
}

// The branch can go on to the next iteration before clearing the flag.
func skipsClear(events <-chan int, ack <-chan struct{}) {
	first := true
	for ev := range events {
		if first {
			select {
			case <-ack:
				continue
			case <-time.After(time.Second): // want `time.After in a loop restarts the timeout whenever another case wins`
			}
			first = false
		}
		_ = ev
	}
}

// Another case than ctx.Done can come back: the timeout restarts.
func retryWithEvents(ctx context.Context, events <-chan int, backoff time.Duration) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-events:
		case <-time.After(backoff): // want `time.After in a loop restarts the timeout whenever another case wins`
			return
		}
	}
}

// Only the first iteration waits: the counter takes each value once.
func warmup(jobs []func(), ready <-chan struct{}, wait time.Duration) {
	for i, job := range jobs {
		if i == 0 {
			select {
			case <-ready:
			case <-time.After(wait):
			}
		}
		job()
	}
}

func lastRound(n int, ready <-chan struct{}) {
	for round := 0; round < n; round++ {
		if 2 == round {
			select {
			case <-ready:
			case <-time.After(time.Second):
			}
		}
	}
}

// The counter is changed in the body: it may equal 0 again.
func rewound(n int, ready <-chan struct{}) {
	for i := 0; i < n; i++ {
		if i == 0 {
			select {
			case <-ready:
			case <-time.After(time.Second): // want `time.After in a loop restarts the timeout whenever another case wins`
			}
		}
		if n > 10 {
			i = -1
			n--
		}
	}
}
