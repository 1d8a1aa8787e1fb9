package noexit

import (
	"sync"
	"time"
)

type Cache struct {
	mu    sync.Mutex
	items map[string]int
	done  chan struct{}
	once  sync.Once
}

func (c *Cache) expire() {}

func NewCache() *Cache {
	c := &Cache{items: map[string]int{}}
	go func() { // want `goroutine never exits, so every call of NewCache leaks one: no path of it returns`
		for range time.Tick(time.Minute) {
			c.expire()
		}
	}()
	return c
}

func (c *Cache) StartJanitor() {
	t := time.NewTicker(time.Second)
	go func() { // want `goroutine never exits, so every call of StartJanitor leaks one`
		for range t.C {
			c.expire()
		}
	}()
}

func poll(c *Cache) {
	for {
		time.Sleep(time.Second)
		c.expire()
	}
}

func StartPolling(c *Cache) {
	go poll(c) // want `goroutine never exits`
}

func Spin(c *Cache, events <-chan int) {
	go func() { // want `goroutine never exits`
		for {
			select {
			case <-events:
				c.expire()
			case <-time.After(time.Second):
			}
		}
	}()
}

// A call cycle reached from an exported function: both run as often as
// Refresh, whichever is asked about first.
func refreshA(c *Cache, n int) {
	go poll(c) // want `goroutine never exits`
	if n > 0 {
		refreshB(c, n-1)
	}
}

func refreshB(c *Cache, n int) {
	go poll(c) // want `goroutine never exits`
	if n > 0 {
		refreshA(c, n-1)
	}
}

func Refresh(c *Cache) { refreshA(c, 2) }
