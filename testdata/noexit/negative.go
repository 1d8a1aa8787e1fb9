package noexit

import (
	"context"
	"sync/atomic"
	"time"
)

func init() {
	go func() {
		for {
			time.Sleep(time.Hour)
		}
	}()
}

func (c *Cache) StartStoppable() {
	t := time.NewTicker(time.Second)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-t.C:
				c.expire()
			case <-c.done:
				return
			}
		}
	}()
}

func WithContext(ctx context.Context, c *Cache) {
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
				c.expire()
			}
		}
	}()
}

func Consume(c *Cache, work <-chan int) {
	go func() {
		for range work {
			c.expire()
		}
	}()
}

func (c *Cache) StartOnce() {
	c.once.Do(func() {
		go func() {
			for {
				time.Sleep(time.Minute)
				c.expire()
			}
		}()
	})
}

func Bounded(c *Cache) {
	go func() {
		for range 10 {
			c.expire()
		}
	}()
}

func UntilClosed(c *Cache, events <-chan int) {
	go func() {
		for {
			if _, ok := <-events; !ok {
				return
			}
			c.expire()
		}
	}()
}

var starter = func(c *Cache) {
	go func() {
		for {
			c.expire()
		}
	}()
}

func startBackground(c *Cache) {
	go func() {
		for {
			time.Sleep(time.Minute)
			c.expire()
		}
	}()
}

var global = &Cache{}

func init() { setup() }

func setup() { startBackground(global) }

var started atomic.Bool

func StartOnceFlag(c *Cache) {
	if started.CompareAndSwap(false, true) {
		go func() {
			for {
				time.Sleep(time.Minute)
				c.expire()
			}
		}()
	}
}

var workers, maxWorkers = 0, 4

func GrowPool(c *Cache, work chan int) {
	for workers < maxWorkers {
		workers++
		go func() {
			for {
				<-work
				c.expire()
			}
		}()
	}
}

// The watcher's only way out is a panic, which ends the process with it:
// it is not a goroutine left behind.
func (c *Cache) WatchInvariant(sizes <-chan int) {
	go func() {
		for n := range endlessSizes(sizes) {
			if n < 0 {
				panic("negative cache size")
			}
			c.expire()
		}
	}()
}

func endlessSizes(in <-chan int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for {
			if !yield(<-in) {
				return
			}
		}
	}
}

func (c *Cache) MustNotStall(beats <-chan struct{}) {
	go func() {
		for {
			select {
			case <-beats:
				c.expire()
			case <-time.After(time.Minute):
				panic("heartbeat lost")
			}
		}
	}()
}
