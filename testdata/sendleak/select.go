package sendleak

import (
	"context"
	"log"
	"time"
)

func firstOfUnsigned(n uint) int {
	answers := make(chan int)
	for range n {
		go func() {
			answers <- compute() // want `goroutines started in a loop block forever on send: the function receives only one value`
		}()
	}
	return <-answers
}

// Both cases are empty: they continue in the same block, which must not
// count as a receive for the case that timed out.
func warmWithDeadline(items []string, limit time.Duration) int {
	finished := make(chan bool)
	go func() {
		finished <- len(items) > 0 // want `goroutine blocks forever on send when another case wins: nobody receives from the channel afterwards`
	}()
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	select {
	case <-finished:
	case <-deadline.C:
	}
	return len(items)
}

func waitOrCancel(ctx context.Context) error {
	ready := make(chan struct{})
	go func() {
		compute()
		ready <- struct{}{} // want `goroutine blocks forever on send when the context is done first`
	}()
	select {
	case <-ctx.Done():
	case <-ready:
	}
	return ctx.Err()
}

// The timeout case only logs and then falls through to the return that
// the received case reaches too.
func logsOnTimeout(d time.Duration) {
	flushed := make(chan error)
	go func() {
		flushed <- check() // want `goroutine blocks forever on send when the timeout wins`
	}()
	select {
	case <-flushed:
	case <-time.After(d):
		log.Print("flush is slow")
	}
}

func logsOnTimeoutInIf(d time.Duration, verbose bool) int {
	acks := make(chan int)
	go func() {
		acks <- compute() // want `goroutine blocks forever on send when the timeout wins`
	}()
	n := 0
	select {
	case n = <-acks:
	case <-time.After(d):
		if verbose {
			log.Print("no ack")
		}
	}
	return n
}
