package heldlock

import (
	"context"
	"errors"
	"sync"
)

type conn struct{ id int }

type pool struct {
	mu     sync.Mutex
	idle   []*conn
	closed bool
}

// Both returns have a nil error: the error does not tell the caller
// that the lock is held.
func (p *pool) take() (*conn, error) {
	p.mu.Lock() // want `mutex stays locked on a path that returns, so the next Lock blocks forever`
	if len(p.idle) == 0 {
		return nil, nil
	}
	c := p.idle[0]
	p.idle = p.idle[1:]
	p.mu.Unlock()
	return c, nil
}

// The cancelled case returns without unlocking.
func (p *pool) wait(ctx context.Context, ready <-chan *conn) (*conn, error) {
	p.mu.Lock() // want `mutex stays locked on a path that returns`
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case c := <-ready:
		p.idle = append(p.idle, c)
	}
	p.mu.Unlock()
	return nil, nil
}

// A flag parameter skips the Lock, but the early return forgets the
// Unlock when the function took it.
func (p *pool) put(c *conn, locked bool) {
	if !locked {
		p.mu.Lock() // want `mutex stays locked on a path that returns`
	}
	if p.closed {
		return
	}
	p.idle = append(p.idle, c)
	if !locked {
		p.mu.Unlock()
	}
}

// Locked in a loop; one iteration returns with it.
func (p *pool) drop(id int) {
	for i, c := range p.idle {
		p.mu.Lock() // want `mutex stays locked on a path that returns`
		if c.id == id {
			p.idle = append(p.idle[:i], p.idle[i+1:]...)
			return
		}
		p.mu.Unlock()
	}
}

var errClosed = errors.New("closed")

// The error tells the caller the lock is held when it is nil.
func (p *pool) acquire() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return errClosed
	}
	return nil
}

// The caller passes true where it holds the lock.
func (p *pool) release(c *conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.put(c, true)
}

// A flag set next to the Lock says whether to unlock.
func (p *pool) peek(fast bool) *conn {
	var c *conn
	if len(p.idle) > 0 && fast {
		c = p.idle[0]
	}
	mine := false
	if c == nil {
		p.mu.Lock()
		mine = true
		if len(p.idle) > 0 {
			c = p.idle[0]
		}
	}
	if c == nil {
		if mine {
			p.mu.Unlock()
		}
		return nil
	}
	if mine {
		p.mu.Unlock()
	}
	return c
}

const tracing = false

// A constant condition: the return is dead code.
func (p *pool) size() int {
	p.mu.Lock()
	if tracing {
		return -1
	}
	n := len(p.idle)
	p.mu.Unlock()
	return n
}

// flushLocked is entered with the lock held and returns with it held on
// every path, unlocking around the write.
func (p *pool) flushLocked(write func() error) error {
	p.mu.Unlock()
	err := write()
	p.mu.Lock()
	if err != nil {
		return err
	}
	p.idle = nil
	return nil
}

// Read-locked n times, read-unlocked n times.
func readN(rw *sync.RWMutex, n int, work func()) {
	for i := 0; i < n; i++ {
		rw.RLock()
	}
	work()
	for j := n; j > 0; j-- {
		rw.RUnlock()
	}
}

// A baton handed between goroutines: the worker gives it back and takes
// it again, and ends holding it.
func relay(turns int, step func()) {
	var baton sync.Mutex
	baton.Lock()
	finished := make(chan bool)
	go func() {
		for i := 0; ; i++ {
			step()
			baton.Unlock()
			baton.Lock()
			if i == turns {
				finished <- true
				return
			}
		}
	}()
	for range turns {
		baton.Lock()
		baton.Unlock()
	}
	<-finished
}

// A helper two calls down unlocks on the early return.
func (p *pool) closeIdle() error {
	p.mu.Lock()
	if p.closed {
		return p.failClosed()
	}
	p.closed = true
	p.mu.Unlock()
	return nil
}

func (p *pool) failClosed() error { return p.unlockWith(errClosed) }

func (p *pool) unlockWith(err error) error {
	p.mu.Unlock()
	return err
}

// The same type assertion guards the Lock and the Unlock.
func guarded(x any) {
	if p, ok := x.(*pool); ok {
		p.mu.Lock()
	}
	println(x)
	if p, ok := x.(*pool); ok {
		p.mu.Unlock()
	}
}

// The kept lock is recorded in a field; next releases it.
type cursor struct {
	mu   sync.RWMutex
	hold bool
	buf  []byte
}

func (c *cursor) scan(into *[]byte, raw bool) error {
	c.mu.RLock()
	*into = c.buf
	if raw {
		c.hold = true
	} else {
		c.mu.RUnlock()
	}
	return nil
}

func (c *cursor) next() {
	if c.hold {
		c.hold = false
		c.mu.RUnlock()
	}
}

// Hand-over-hand down a chain: the node unlocked last is the one the
// loop reached, locked on every node but the first, which the caller
// holds.
type rope struct {
	mu          sync.Mutex
	left, right *rope
	s           string
}

func (x *rope) collect(out []string) []string {
	y := x
	for y.right != nil {
		y.right.mu.Lock()
		out = append(out, y.right.s)
		y.right.mu.Unlock()
		l := y.left
		if y != x {
			y.mu.Unlock()
		}
		l.mu.Lock()
		y = l
	}
	s := y.s
	if y != x {
		y.mu.Unlock()
	}
	return append(out, s)
}
