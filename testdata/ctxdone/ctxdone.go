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
		select { // want `select in a loop ignores ctx: it blocks with no way to observe cancellation; select on it together with <-ctx.Done\(\)`
		case msg := <-c.updates:
			c.n += len(msg)
		case <-c.ticker.C:
			c.n++
		}
	}
	return nil
}

func Retry(ctx context.Context, try func(context.Context) error) error {
	var err error
	for i := 0; i < 5; i++ {
		if err = try(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second) // want `time.Sleep in a loop ignores ctx: it blocks with no way to observe cancellation; wait in a select on <-ctx.Done\(\) and a timer`
	}
	return err
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
			<-c.ticker.C // want `receive from c.ticker.C in a loop ignores ctx`
			c.n++
		}
	}()
}

// The request's context.
func Handler(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 3; i++ {
		time.Sleep(time.Millisecond) // want `time.Sleep in a loop ignores r.Context\(\)`
	}
}

// The receiver's context field.
func (c *Client) Wait() {
	for c.n < 10 {
		<-c.updates // want `receive from c.updates in a loop ignores c.ctx`
		c.n++
	}
}
