package heldlock

import (
	"errors"
	"sync"
)

var errMissing = errors.New("missing")

type cache struct {
	mu    sync.Mutex
	rw    sync.RWMutex
	items map[string]int
}

func (c *cache) get(key string) (int, error) {
	c.mu.Lock() // want `mutex stays locked on a path that returns, so the next Lock blocks forever`
	v, ok := c.items[key]
	if !ok {
		return 0, errMissing
	}
	c.mu.Unlock()
	return v, nil
}

func (c *cache) peek(key string) (int, bool) {
	c.rw.RLock() // want `mutex stays locked on a path that returns, so the next RLock blocks forever`
	if c.items == nil {
		return 0, false
	}
	v, ok := c.items[key]
	c.rw.RUnlock()
	return v, ok
}

var (
	mu    sync.Mutex
	count int
)

func incr(limit int) error {
	mu.Lock() // want `mutex stays locked on a path that returns`
	if count >= limit {
		return errors.New("limit")
	}
	count++
	mu.Unlock()
	return nil
}

func local(xs []int) int {
	var m sync.Mutex
	total := 0
	for _, x := range xs {
		m.Lock() // want `mutex stays locked on a path that returns`
		if x < 0 {
			return total
		}
		total += x
		m.Unlock()
	}
	return total
}

func switchCase(c *cache, op string) error {
	c.mu.Lock() // want `mutex stays locked`
	switch op {
	case "clear":
		c.items = nil
	case "bad":
		return errors.New("bad op")
	}
	c.mu.Unlock()
	return nil
}

// As in testing.(*common).makeTempDir in Go 1.26: the error return leaves
// the mutex locked.
func (c *cache) statOrFail(stat func() (bool, error)) (int, error) {
	c.mu.Lock() // want `mutex stays locked on a path that returns`
	missing := c.items == nil
	if !missing {
		gone, err := stat()
		missing = gone
		if err != nil && !missing {
			return 0, err
		}
	}
	n := len(c.items)
	c.mu.Unlock()
	return n, nil
}
