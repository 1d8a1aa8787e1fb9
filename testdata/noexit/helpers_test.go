package noexit

import (
	"testing"
	"time"
)

// A test switched off by renaming it, and an exported helper of a test
// file: only the package's tests can call them, so each runs as often as
// the tests that call it, once per test run.

func DisabledTestRefresh(t *testing.T) {
	c := &Cache{}
	go func() {
		for {
			time.Sleep(time.Millisecond)
			c.expire()
		}
	}()
}

func StartBackgroundExpiry(c *Cache) {
	go func() {
		for range time.Tick(time.Millisecond) {
			c.expire()
		}
	}()
}

func TestBackgroundExpiry(t *testing.T) {
	StartBackgroundExpiry(&Cache{})
}
