package dump

import (
	"net"
	"sync"
	"time"
)

// Serve's goroutines are blocked too, but not on what a leak waits on,
// not for long, or not leaked: the dumps report none of them.
func Serve(l net.Listener, mu *sync.Mutex, ready chan bool) {
	go func() {
		c, _ := l.Accept() // IO wait, for hours
		c.Close()
	}()
	go func() {
		<-ready // blocked for 3 minutes only
	}()
	go func() {
		mu.Lock() // blocked under a minute
		mu.Unlock()
	}()
	go func() {
		time.Sleep(time.Hour) // sleeping, not blocked
	}()
}

// Ready is the line of a goroutine of the leak profile that is not marked
// leaked: a live channel may still wake it.
func Ready(ready chan bool) {
	go func() {
		ready <- true
	}()
}
