// Package inner has a lock a goroutine of package dump blocks on.
package inner

import "sync"

type Cache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *Cache) Get(k string) string {
	c.mu.Lock() // want `a goroutine leaked blocked on sync.Mutex.Lock: nothing can ever wake it \(goroutineleak profile\); started by example.com/dump.Locked at leaky.go:27`
	defer c.mu.Unlock()
	return c.m[k]
}
