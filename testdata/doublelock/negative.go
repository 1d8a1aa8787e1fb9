package doublelock

import "sync"

func (c *Cache) unlockedBetween(k string) int {
	c.mu.Lock()
	v := c.items[k]
	c.mu.Unlock()
	c.mu.Lock()
	c.items[k] = v + 1
	c.mu.Unlock()
	return v
}

func (c *Cache) evictLocked() {
	for k := range c.items {
		delete(c.items, k)
	}
}

func (c *Cache) PutLocked(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
	c.evictLocked()
}

func (c *Cache) releaseFirst() {
	c.mu.Lock()
	c.items = nil
	c.mu.Unlock()
	c.evict()
}

// Recursive read locks of an RWMutex that the package never write-locks:
// no writer can come between them.
type Registry struct {
	rw    sync.RWMutex
	names []string
}

func (r *Registry) count() int {
	r.rw.RLock()
	defer r.rw.RUnlock()
	return len(r.names)
}

func (r *Registry) Describe() string {
	r.rw.RLock()
	defer r.rw.RUnlock()
	if r.count() == 0 {
		return "empty"
	}
	r.rw.RLock()
	n := r.names[0]
	r.rw.RUnlock()
	return n
}

// Read locks taken one after the other, not nested.
func (c *Cache) readSequence() int {
	c.rw.RLock()
	n := len(c.items)
	c.rw.RUnlock()
	return n + c.size()
}

func (c *Cache) otherMutex(other *Cache) {
	c.mu.Lock()
	defer c.mu.Unlock()
	other.evict()
}

func (c *Cache) perIteration(keys []string) {
	for _, k := range keys {
		c.mu.Lock()
		c.items[k]++
		c.mu.Unlock()
	}
}

func (c *Cache) conditional(write bool) {
	if write {
		c.mu.Lock()
	}
	c.items["x"]++
	if write {
		c.mu.Unlock()
	}
}

func (c *Cache) tryAgain() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.mu.TryLock()
}

func (c *Cache) helperUnlocks() {
	c.mu.Lock()
	c.unlock()
	c.mu.Lock()
	c.mu.Unlock()
}

func (c *Cache) unlock() { c.mu.Unlock() }

func (c *Cache) spawn() {
	c.mu.Lock()
	defer c.mu.Unlock()
	go c.evict()
}

func (c *Cache) deferredEvict() {
	c.mu.Lock()
	c.items = nil
	c.mu.Unlock()
	defer c.evict()
}

type pair struct {
	a, b sync.Mutex
}

func (p *pair) both() {
	p.a.Lock()
	p.b.Lock()
	p.b.Unlock()
	p.a.Unlock()
}

func (c *Cache) handOff(release func(*sync.Mutex)) {
	c.mu.Lock()
	release(&c.mu)
	c.mu.Lock()
	c.mu.Unlock()
}

// The mutex is a signal: the goroutine unlocks it, the second Lock waits.
func signal(work func()) {
	var m sync.Mutex
	m.Lock()
	go func() {
		work()
		m.Unlock()
	}()
	m.Lock()
}

func blockInGoroutine(wait func()) {
	var mu sync.Mutex
	go func() {
		mu.Lock()
		mu.Lock()
	}()
	wait()
	mu.Unlock()
}

// Each iteration locks a mutex of its own.
func perIterationMutex(rounds []int, work func(*sync.Mutex)) {
	for range rounds {
		var m sync.Mutex
		m.Lock()
		go work(&m)
		m.Lock()
	}
}

// A mutex local to one goroutine: no writer can come in between.
type padded struct {
	sync.RWMutex
	pad [8]uint32
}

func localReaders() {
	var rw padded
	rw.RLock()
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
}
