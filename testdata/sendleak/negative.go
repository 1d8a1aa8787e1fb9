package sendleak

import (
	"context"
	"errors"
	"time"
)

func buffered() (int, error) {
	ch := make(chan int, 1)
	go func() {
		ch <- compute()
	}()
	if err := check(); err != nil {
		return 0, err
	}
	return <-ch, nil
}

func alwaysReceives() int {
	ch := make(chan int)
	go func() {
		ch <- compute()
	}()
	return <-ch
}

func receivesThenChecks() (int, error) {
	ch := make(chan int)
	go func() {
		ch <- compute()
	}()
	v := <-ch
	if err := check(); err != nil {
		return 0, err
	}
	return v, nil
}

func senderSelects(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() {
		select {
		case ch <- compute():
		case <-ctx.Done():
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func returned() <-chan int {
	ch := make(chan int)
	go func() {
		ch <- compute()
	}()
	return ch
}

func handedToOtherPackage(ctx context.Context) error {
	ch := make(chan int)
	go func() {
		ch <- compute()
	}()
	return drainElsewhere(ctx, ch)
}

var drainElsewhere = func(ctx context.Context, ch chan int) error { <-ch; return nil }

func sendsOnlyOnError() error {
	errc := make(chan error)
	go func() {
		if err := check(); err != nil {
			errc <- err
		}
	}()
	if compute() > 0 {
		return nil
	}
	return <-errc
}

func receivesAll(servers []string) []string {
	ch := make(chan string)
	for _, s := range servers {
		go func() {
			ch <- query(s)
		}()
	}
	var out []string
	for range servers {
		out = append(out, <-ch)
	}
	return out
}

func bufferedForAll(servers []string) string {
	ch := make(chan string, len(servers))
	for _, s := range servers {
		go func() {
			ch <- query(s)
		}()
	}
	return <-ch
}

func panicsInstead() int {
	ch := make(chan int)
	go func() {
		ch <- compute()
	}()
	if err := check(); err != nil {
		panic(err)
	}
	return <-ch
}

func pingPong() int {
	ch := make(chan int)
	go func() {
		ch <- compute()
		<-ch
	}()
	if compute() < 0 {
		return 0
	}
	v := <-ch
	ch <- v
	return v
}

type holder struct{ ch chan int }

func storedInField(h *holder) error {
	ch := make(chan int)
	h.ch = ch
	go func() {
		ch <- compute()
	}()
	if err := check(); err != nil {
		return err
	}
	return nil
}

func receiveDeferred() error {
	ch := make(chan int)
	go func() {
		ch <- compute()
	}()
	defer func() { <-ch }()
	return check()
}

func closureHandedOn(run func(func())) error {
	ch := make(chan int)
	run(func() {
		ch <- compute()
	})
	if err := check(); err != nil {
		return err
	}
	return errors.New("x")
}

func timeoutButBuffered() (int, error) {
	ch := make(chan int, 1)
	go func() {
		ch <- compute()
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(time.Second):
		return 0, errors.New("timeout")
	}
}

func newChannelPerIteration(jobs []int) int {
	sum := 0
	for range jobs {
		ch := make(chan int)
		go func() {
			ch <- compute()
		}()
		sum += <-ch
	}
	return sum
}

func retriesUntilAnswer(attempts int) int {
	ch := make(chan int)
	go func() {
		ch <- compute()
	}()
	for i := 0; i < attempts; i++ {
		if v := <-ch; v > 0 {
			return v
		}
	}
	return <-ch
}

func oneSendPerBranch(accept func() (int, error)) (int, error) {
	ch := make(chan any, 1)
	go func() {
		v, err := accept()
		if err != nil {
			ch <- err
			return
		}
		ch <- v
	}()
	select {
	case r := <-ch:
		if err, ok := r.(error); ok {
			return 0, err
		}
		return r.(int), nil
	case <-time.After(time.Second):
		return 0, errors.New("timed out")
	}
}

func returnAfterError(load func() (int, error)) error {
	errc := make(chan error)
	go func() {
		v, err := load()
		if err != nil {
			errc <- err
			return
		}
		_ = v
		errc <- nil
	}()
	return <-errc
}

func twoSendsTwoReceives(load func() int) int {
	ch := make(chan int)
	go func() {
		ch <- load()
		ch <- load()
	}()
	return <-ch + <-ch
}

func twoSendsBuffered(load func() int) int {
	ch := make(chan int, 1)
	go func() {
		ch <- load()
		ch <- load()
	}()
	return <-ch
}

// Empty case bodies, but the other case receives before returning.
func emptyCasesThenDrain(ctx context.Context) int {
	out := make(chan int)
	go func() {
		out <- compute()
	}()
	select {
	case <-out:
	case <-ctx.Done():
		<-out
	}
	return 1
}

// Empty case bodies in a loop that only ends once the value arrived.
func emptyCasesUntilReceived(tick <-chan time.Time) int {
	res := make(chan int)
	go func() {
		res <- compute()
	}()
	for {
		select {
		case <-res:
		case <-tick:
			continue
		}
		return 0
	}
}

// The timeout falls through, but the sender has room for its value.
func logsOnTimeoutBuffered(d time.Duration) {
	flushed := make(chan error, 1)
	go func() {
		flushed <- check()
	}()
	select {
	case <-flushed:
	case <-time.After(d):
		println("flush is slow")
	}
}
