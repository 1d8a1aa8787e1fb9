package ctxdone

import (
	"context"
	"errors"
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

// The loop condition observes ctx on every iteration.
func Feed(ctx context.Context, send func(int)) {
	for i := 0; ctx.Err() == nil; i++ {
		send(i)
		time.Sleep(time.Millisecond)
	}
}

func Spin(ctx context.Context, in <-chan int, handle func(int)) {
	for ctx.Err() == nil {
		handle(<-in)
	}
}

// The Done channel kept in a variable, and selected on.
func Backoff2(ctx context.Context, try func() bool) {
	done := ctx.Done()
	stop := false
	for !stop && !try() {
		t := time.NewTimer(time.Millisecond)
		select {
		case <-done:
			stop = true
		case <-t.C:
		}
		t.Stop()
	}
}

func Relay(parent context.Context, in <-chan int, out chan<- int) {
	var quit <-chan struct{} = parent.Done()
	for {
		select {
		case v := <-in:
			out <- v
		case <-quit:
			return
		}
	}
}

// A context derived from the one given ends when it does.
func Bounded(ctx context.Context, in <-chan int) int {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	sum := 0
	for {
		select {
		case v := <-in:
			sum += v
		case <-tctx.Done():
			return sum
		}
	}
}

// A copy of the context.
func Copy(ctx context.Context, in <-chan int) {
	c := ctx
	for c.Err() == nil {
		<-in
	}
}

type caller interface {
	Call(ctx context.Context) (bool, error)
}

// ctx goes to the call whose failure ends the loop: once ctx is
// cancelled, the next call fails and the loop returns.
func Retry2(ctx context.Context, c caller) error {
	for attempt := 0; attempt < 10; attempt++ {
		ok, err := c.Call(ctx)
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return nil
}

func Until2(ctx context.Context, step func(context.Context) error) {
	for {
		if err := step(ctx); err != nil {
			break
		}
		time.Sleep(time.Millisecond)
	}
}

func While(ctx context.Context, step func(context.Context) error) error {
	var err error
	for err == nil {
		err = step(ctx)
		time.Sleep(time.Millisecond)
	}
	return err
}

func Direct(ctx context.Context, step func(context.Context) error, in <-chan int) {
	for {
		<-in
		if step(ctx) != nil || errors.Is(ctx.Err(), context.Canceled) {
			return
		}
	}
}

// The done channel of a goroutine that itself exits on ctx.
type watcher struct {
	done    chan struct{}
	stopped bool
}

func (w *watcher) Run(ctx context.Context, tick <-chan time.Time, flush func()) {
	go func() {
		defer close(w.done)
		<-ctx.Done()
	}()
	for !w.stopped {
		select {
		case <-tick:
			flush()
		case <-w.done:
			w.stopped = true
		}
	}
}

func Collect(ctx context.Context, results chan int, work func(context.Context) int) []int {
	var out []int
	done := make(chan struct{})
	go func() {
		for ctx.Err() == nil {
			results <- work(ctx)
		}
		close(done)
	}()
	for i := 0; i < 3; i++ {
		select {
		case v := <-results:
			out = append(out, v)
		case <-done:
		}
	}
	return out
}

// A receiver's context field is the object's lifetime, ended by the
// object itself once its loops have returned.
type pool struct {
	ctx  context.Context
	size int
}

func (p *pool) resize(want int, quit chan int, start func()) {
	for p.size != want {
		if p.size > want {
			quit <- 1
			p.size--
		} else {
			start()
			p.size++
		}
	}
}

type stream interface {
	Send(m []byte) error
	Done() <-chan struct{}
}

type call struct {
	ctx context.Context
	s   stream
}

func (c *call) sendAll(msgs [][]byte) {
	for _, m := range msgs {
		if c.s.Send(m) != nil {
			<-c.s.Done()
			return
		}
	}
}

// A goto loop that observes ctx, and a goto that jumps forward.
func Again(ctx context.Context, ready func() bool) error {
again:
	if err := ctx.Err(); err != nil {
		return err
	}
	if !ready() {
		time.Sleep(time.Millisecond)
		goto again
	}
	return nil
}

func Skip(ctx context.Context, in <-chan int, fast bool) {
	if fast {
		goto done
	}
	<-in
done:
	time.Sleep(time.Millisecond)
}
