package ctxdone

import (
	"context"
	"sync"
	"time"
)

// Selects on ctx.Done.
func Watch(ctx context.Context, updates <-chan string) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-updates:
		}
	}
}

// Checks ctx.Err every iteration.
func Backoff(ctx context.Context, try func() error) error {
	for i := 0; i < 5; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if try() == nil {
			return nil
		}
		time.Sleep(time.Millisecond)
	}
	return nil
}

// No context in scope.
func Sleepy(n int) {
	for i := 0; i < n; i++ {
		time.Sleep(time.Millisecond)
	}
}

// A select with a default does not block.
func Poll(ctx context.Context, ch <-chan int) int {
	n := 0
	for i := 0; i < 10; i++ {
		select {
		case v := <-ch:
			n += v
		default:
		}
	}
	return n
}

// A select with another way out of the loop.
func Until(ctx context.Context, ch <-chan int, quit <-chan struct{}) {
	for {
		select {
		case <-ch:
		case <-quit:
			return
		}
	}
}

// A handshake with the function's own goroutines.
func Fanout(ctx context.Context, jobs []int, work func(context.Context, int) int) int {
	results := make(chan int)
	for _, j := range jobs {
		go func() { results <- work(ctx, j) }()
	}
	sum := 0
	for range jobs {
		sum += <-results
	}
	return sum
}

// A range over a channel ends when it is closed.
func Consume(ctx context.Context, in <-chan int) int {
	n := 0
	for v := range in {
		n += v
	}
	return n
}

// An endless loop with no way out is noexit's.
func Forever(ctx context.Context, in <-chan int) {
	for {
		<-in
	}
}

// A Cond wait cannot observe a context; not reported.
func WaitCond(ctx context.Context, mu *sync.Mutex, c *sync.Cond, ready *bool) {
	mu.Lock()
	for !*ready {
		c.Wait()
	}
	mu.Unlock()
}

func main() {
	ctx := context.Background()
	_ = ctx
	for i := 0; i < 3; i++ {
		time.Sleep(time.Millisecond)
	}
}

// Passes the context's Done on.
func Forward(ctx context.Context, in <-chan int, wait func(<-chan struct{}, <-chan int)) {
	for i := 0; i < 3; i++ {
		wait(ctx.Done(), in)
	}
}

// A channel used as a lock: the token is taken and given back.
type Shared struct{ mu chan int }

func (s *Shared) Each(ctx context.Context, items []int, do func(context.Context, int)) {
	for _, it := range items {
		v := <-s.mu
		do(ctx, it)
		s.mu <- v
	}
}

// A context the function makes itself is not one it was given.
func OwnContext(in <-chan int) {
	ctx := context.Background()
	_ = ctx
	for i := 0; i < 3; i++ {
		time.Sleep(time.Millisecond)
	}
}

// A goroutine handing work to its starter on a channel the starter made.
func Accept(ctx context.Context, accept func() (int, error)) {
	conns := make(chan int)
	go func() {
		defer close(conns)
		for {
			c, err := accept()
			if err != nil {
				return
			}
			conns <- c
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case c, ok := <-conns:
			if !ok {
				return
			}
			_ = c
		}
	}
}
