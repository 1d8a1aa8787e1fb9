package ctxdone

import (
	"context"
	"time"

	"example.com/ctxdone/lifetime"
)

// A method started with go s.run(ctx) closes s.done once ctx is done:
// the loop waiting on s.done waits for ctx.
type pump struct {
	done chan struct{}
	out  chan int
}

func (p *pump) run(ctx context.Context) {
	defer close(p.done)
	<-ctx.Done()
}

func (p *pump) Serve(ctx context.Context, in <-chan int) {
	p.done = make(chan struct{})
	go p.run(ctx)
	for running := true; running; {
		select {
		case v := <-in:
			p.out <- v
		case <-p.done:
			running = false
		}
	}
}

// The goroutine that closes the field is started by another method.
type session struct {
	closed chan struct{}
	msgs   chan string
}

func (s *session) Open(ctx context.Context) {
	s.closed = make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
		case <-time.After(time.Hour):
		}
		close(s.closed)
	}()
}

func (s *session) Read(ctx context.Context, handle func(string)) {
	for running := true; running; {
		select {
		case m := <-s.msgs:
			handle(m)
		case <-s.closed:
			running = false
		}
	}
}

// A helper function closes its parameter when ctx ends.
func closeWhenDone(ctx context.Context, ch chan struct{}) { // want closeWhenDone:`closes \[1\] on done`
	for {
		if ctx.Err() != nil {
			close(ch)
			return
		}
		time.Sleep(time.Millisecond)
	}
}

func DrainUntilDone(ctx context.Context, src <-chan int, sink func(int)) {
	stop := make(chan struct{})
	go closeWhenDone(ctx, stop)
	for running := true; running; {
		select {
		case v := <-src:
			sink(v)
		case <-stop:
			running = false
		}
	}
}

// The helper called from a function literal started as a goroutine.
func RelayUntilDone(ctx context.Context, src <-chan int, dst chan<- int) {
	quit := make(chan struct{})
	go func() {
		closeWhenDone(ctx, quit)
	}()
	for running := true; running; {
		select {
		case v := <-src:
			dst <- v
		case <-quit:
			running = false
		}
	}
}

// The helper lives in another package: its fact says it closes ch.
func ForwardUntilDone(ctx context.Context, src <-chan string, dst chan<- string) {
	over := make(chan struct{})
	go lifetime.CloseOnDone(ctx, over)
	for running := true; running; {
		select {
		case s := <-src:
			dst <- s
		case <-over:
			running = false
		}
	}
}

// A plain receive from the field: it returns once ctx is done.
func (p *pump) Settle(ctx context.Context, rounds int, step func()) {
	for range rounds {
		step()
		<-p.done
	}
}
