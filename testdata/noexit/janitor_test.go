package noexit

import (
	"testing"
	"time"
)

func TestJanitor(t *testing.T) {
	c := &Cache{}
	go func() {
		for range time.Tick(time.Second) {
			c.expire()
		}
	}()
}
