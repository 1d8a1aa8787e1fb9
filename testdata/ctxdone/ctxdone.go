package ctxdone

import (
	"context"
	"net/http"
	"time"
)

type Client struct {
	updates chan string
	ticker  *time.Ticker
	ctx     context.Context
	n       int
}

func (c *Client) Poll(ctx context.Context) error {
	for c.n < 100 {
		select { // want `^select in a loop ignores ctx \(parameter of Poll\), so the loop goes on after it is cancelled$`
		case msg := <-c.updates:
			c.n += len(msg)
		case <-c.ticker.C:
			c.n++
		}
	}
	return nil
}

// The loop ends on success only: a cancelled ctx makes try fail, and the
// loop sleeps on.
func Retry(ctx context.Context, try func(context.Context) error) error {
	var err error
	for i := 0; i < 5; i++ {
		if err = try(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second) // want `^time.Sleep in a loop ignores ctx \(parameter of Retry\), so the loop goes on after it is cancelled$`
	}
	return err
}

// The error of the call given ctx is only logged.
func Logged(ctx context.Context, try func(context.Context) error, log func(error)) {
	for i := 0; i < 5; i++ {
		if err := try(ctx); err != nil {
			log(err)
			continue
		}
		time.Sleep(time.Second) // want `time.Sleep in a loop ignores ctx`
	}
}

func Drain(ctx context.Context, in <-chan int, out chan<- int) {
	for {
		v, ok := <-in // want `receive from in in a loop ignores ctx`
		if !ok {
			return
		}
		out <- v * 2 // want `send on out in a loop ignores ctx`
	}
}

// A goroutine captures the context of the function that starts it.
func (c *Client) Start(ctx context.Context) {
	go func() {
		for c.n >= 0 {
			<-c.ticker.C // want `receive from c.ticker.C in a loop ignores ctx \(parameter of Start\)`
			c.n++
		}
	}()
}

// The request's context.
func Handler(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 3; i++ {
		time.Sleep(time.Millisecond) // want `time.Sleep in a loop ignores r.Context\(\) \(request given to Handler\)`
	}
}

// A handler written as a closure.
func Handle(delay time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 3; i++ {
			time.Sleep(delay) // want `time.Sleep in a loop ignores r.Context\(\) \(request given to the function literal\)`
		}
	}
}

// Endless loops that never look at ctx, with and without a goroutine.
func Produce(ctx context.Context, out chan<- int) {
	for i := 0; ; i++ {
		out <- i // want `send on out in a loop ignores ctx \(parameter of Produce\)`
	}
}

func Publish(ctx context.Context, events chan<- string, next func() string) {
	go func() {
		for {
			events <- next() // want `send on events in a loop ignores ctx`
		}
	}()
}

func Forever(ctx context.Context, in <-chan int, handle func(int)) {
	for {
		handle(<-in) // want `receive from in in a loop ignores ctx`
	}
}

// A loop written with goto.
func Wait(ctx context.Context, ready func() bool) {
again:
	if !ready() {
		time.Sleep(10 * time.Millisecond) // want `time.Sleep in a loop ignores ctx \(parameter of Wait\)`
		goto again
	}
}

func Pump(ctx context.Context, out chan<- int) {
	n := 0
loop:
	n++
	out <- n // want `send on out in a loop ignores ctx`
	goto loop
}

// A derived context that is never observed does not count either.
func Derived(ctx context.Context, in <-chan int) {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = tctx
	for i := 0; i < 3; i++ {
		<-in // want `receive from in in a loop ignores ctx`
	}
}

// A request given without its ResponseWriter (a helper of a handler, a
// RoundTrip) carries the context to honour all the same.
func Relay2(req *http.Request, in <-chan int) {
	for i := 0; i < 3; i++ {
		<-in // want `receive from in in a loop ignores req.Context\(\) \(request given to Relay2\)`
	}
}
