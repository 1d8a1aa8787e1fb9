package ctxdone

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// A test server's handler streams on a schedule, ignoring the request's
// context on purpose: the test ends the server itself.
func TestStreaming(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for range 4 {
			time.Sleep(10 * time.Millisecond)
			w.Write([]byte("x"))
		}
	}))
	defer srv.Close()
}

// A stub dial hook that retries on a schedule, as a slow network would,
// without the dialer's context.
func TestSlowDial(t *testing.T) {
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			for range 3 {
				time.Sleep(time.Millisecond)
			}
			return nil, net.ErrClosed
		},
	}
	defer tr.CloseIdleConnections()
}

// A helper declared in a test file watches its context like any function.
func waitRounds(ctx context.Context, rounds int) {
	for range rounds {
		time.Sleep(time.Millisecond) // want `^time.Sleep in a loop ignores ctx \(parameter of waitRounds\): the loop goes on after it is cancelled$`
	}
}

// A literal that captures the helper's context still ignores it.
func pollWith(ctx context.Context, in <-chan int) func() {
	return func() {
		for range 3 {
			<-in // want `^receive from in in a loop ignores ctx \(parameter of pollWith\): the loop goes on after it is cancelled$`
		}
	}
}

// A fake server of the test answers slowly, ignoring the served request's
// context on purpose.
type slowServer struct{ chunks int }

func (s *slowServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for range s.chunks {
		time.Sleep(time.Millisecond)
		w.Write([]byte("."))
	}
}
