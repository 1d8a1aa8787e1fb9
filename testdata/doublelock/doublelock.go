package doublelock

import "sync"

type Cache struct {
	mu    sync.Mutex
	rw    sync.RWMutex
	items map[string]int
}

func (c *Cache) evict() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.items {
		delete(c.items, k)
		return
	}
}

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
	if len(c.items) > 100 {
		c.evict() // want `call of evict blocks forever: it calls Lock on a mutex this path already holds`
	}
}

func (c *Cache) twice(k string) int {
	c.mu.Lock()
	v := c.items[k]
	c.mu.Lock() // want `Lock of a mutex this path already holds blocks forever`
	c.mu.Unlock()
	return v
}

func (c *Cache) upgrade(k string) {
	c.rw.RLock()
	defer c.rw.RUnlock()
	if _, ok := c.items[k]; !ok {
		c.rw.Lock() // want `Lock of a mutex this path already holds blocks forever`
		c.items[k] = 0
		c.rw.Unlock()
	}
}

var (
	mu    sync.Mutex
	total int
)

func add(n int) {
	mu.Lock()
	total += n
	mu.Unlock()
}

func addAll(ns []int) {
	mu.Lock()
	defer mu.Unlock()
	for _, n := range ns {
		add(n) // want `call of add blocks forever: it calls Lock on a mutex this path already holds`
	}
}

func (c *Cache) size() int {
	c.rw.RLock()
	defer c.rw.RUnlock()
	return len(c.items)
}

func (c *Cache) grow() {
	c.rw.Lock()
	defer c.rw.Unlock()
	if c.size() > 10 { // want `call of size blocks forever: it calls RLock on a mutex this path already holds`
		return
	}
	c.items["x"] = 1
}

// A writer (grow, upgrade) can queue between the two read locks.
func (c *Cache) readTwice() int {
	c.rw.RLock()
	defer c.rw.RUnlock()
	return c.size() // want `call of size deadlocks once a Lock waits: it read-locks again a mutex this path read-holds`
}

func (c *Cache) readNested() int {
	c.rw.RLock()
	n := len(c.items)
	c.rw.RLock() // want `recursive RLock deadlocks once a Lock waits between the two: this path already read-holds the mutex`
	n += len(c.items)
	c.rw.RUnlock()
	c.rw.RUnlock()
	return n
}
