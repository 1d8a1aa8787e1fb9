// Package callers calls the functions of package locks.
package callers

import (
	"sync"
	"time"

	"example.com/lockfacts/locks"
)

type cache struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *cache) refresh() {
	c.mu.Lock()
	defer c.mu.Unlock()
	locks.WithLock(&c.mu, func() { c.m = nil }) // want `call of WithLock blocks forever: it calls Lock on a mutex this path already holds`
}

func acquireTwice() {
	var mu sync.Mutex
	locks.Acquire(&mu)
	mu.Lock() // want `Lock of a mutex this path already holds blocks forever`
}

func counter(c *locks.Counter) {
	c.Mu.Lock()
	defer c.Mu.Unlock()
	c.Add() // want `call of Add blocks forever: it calls Lock on a mutex this path already holds`
}

func global() {
	locks.Global.Lock()
	defer locks.Global.Unlock()
	locks.WithGlobal(func() {}) // want `call of WithGlobal blocks forever: it calls Lock on a mutex this path already holds`
}

// Negative: the callee locks its own mutex.
func own(c *cache) {
	c.mu.Lock()
	defer c.mu.Unlock()
	locks.WithOwn(&c.mu, func() {})
}

// Negative: the callee unlocks first, as its contract says.
func wait(c *cache) {
	c.mu.Lock()
	defer c.mu.Unlock()
	locks.Wait(&c.mu, time.Millisecond)
}

// Negative: TryLock does not block.
func try(c *cache) {
	c.mu.Lock()
	defer c.mu.Unlock()
	locks.TryWith(&c.mu, func() {})
}

// Negative: a different mutex, or the lock released before the call.
func other(c, d *cache) {
	c.mu.Lock()
	locks.WithLock(&d.mu, func() {})
	c.mu.Unlock()
	locks.WithLock(&c.mu, func() {})
}

// Negative: two read locks of an RWMutex the package never write-locks.
func reads(rw *sync.RWMutex) {
	rw.RLock()
	defer rw.RUnlock()
	locks.Read(rw, func() {})
}

// Negative: the flag tells Maybe the lock is held.
func flagged(c *cache) {
	c.mu.Lock()
	defer c.mu.Unlock()
	locks.Maybe(&c.mu, true)
}

func always(c *cache) {
	c.mu.Lock()
	defer c.mu.Unlock()
	locks.Always(&c.mu, false) // want `call of Always blocks forever`
}
