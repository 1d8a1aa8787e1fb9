package sendleak

import (
	"context"
	"errors"
	"time"
)

func compute() int { return 42 }

func check() error { return nil }

func earlyReturn() (int, error) {
	ch := make(chan int)
	go func() {
		ch <- compute() // want `goroutine blocks forever on send: the function that started it can return without receiving`
	}()
	if err := check(); err != nil {
		return 0, err
	}
	return <-ch, nil
}

func timeout() (int, error) {
	ch := make(chan int)
	go func() {
		ch <- compute() // want `goroutine blocks forever on send when the timeout wins: nobody receives from the channel afterwards`
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(time.Second):
		return 0, errors.New("timeout")
	}
}

func cancelled(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- compute() // want `goroutine blocks forever on send when the context is done first`
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func poll() (int, bool) {
	ch := make(chan int)
	go func() {
		ch <- compute() // want `goroutine blocks forever on send when the select's default case runs`
	}()
	select {
	case v := <-ch:
		return v, true
	default:
		return 0, false
	}
}

func worker(out chan<- int, n int) {
	out <- n * 2 // want `goroutine blocks forever on send: the function that started it can return`
}

func namedWorker(n int) (int, error) {
	results := make(chan int)
	go worker(results, n)
	if n < 0 {
		return 0, errors.New("negative")
	}
	return <-results, nil
}

func retriesTimeOut(attempts int) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- compute() // want `goroutine blocks forever on send when the timeout wins`
	}()
	for range attempts {
		select {
		case v := <-ch:
			return v, nil
		case <-time.After(time.Second):
		}
	}
	return 0, errors.New("no answer")
}

func neverReceived(run func() error) error {
	done := make(chan error)
	go func() {
		err := run()
		done <- err // want `goroutine blocks forever on send: nothing ever receives from the channel`
	}()
	return run()
}

func firstAnswer(servers []string) string {
	ch := make(chan string)
	for _, s := range servers {
		go func() {
			ch <- query(s) // want `goroutines started in a loop block forever on send: the function receives only one value`
		}()
	}
	return <-ch
}

func fanOutEarlyReturn(servers []string) (string, error) {
	ch := make(chan string)
	for _, s := range servers {
		go func() {
			ch <- query(s) // want `goroutines started in a loop block forever on send: the function that started it can return without receiving`
		}()
	}
	if len(servers) > 3 {
		return "", errors.New("too many")
	}
	return <-ch, nil
}

func firstOfN(n int) int {
	ch := make(chan int)
	for i := range n {
		go func() {
			ch <- compute() + i // want `goroutines started in a loop block forever on send: the function receives only one value`
		}()
	}
	return <-ch
}
