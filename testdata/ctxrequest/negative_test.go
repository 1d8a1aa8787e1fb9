package ctxrequest

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// A test server's handler that proxies to a backend without the incoming
// request's context: the test ends both servers itself.
func TestProxyStub(t *testing.T) {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer backend.Close()
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get(backend.URL)
		if err != nil {
			t.Error(err)
			return
		}
		resp.Body.Close()
	}))
	defer front.Close()
}

// A dial hook that counts dials and ignores the dialer's context, as a
// plain network would.
func TestCountingDialer(t *testing.T) {
	dials := 0
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			dials++
			return net.Dial(network, addr)
		},
	}
	defer tr.CloseIdleConnections()
}

type refuseKey struct{}

// A stub returned by a helper of the test.
func stubDialer() func(context.Context, string, string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if ctx.Value(refuseKey{}) != nil {
			return nil, net.ErrClosed
		}
		return net.DialTimeout(network, addr, time.Second)
	}
}

// A fake server of the test relays to an upstream without the served
// request's context: the test made that request.
type fakeGateway struct {
	t        *testing.T
	upstream string
}

func (g *fakeGateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, err := net.Dial("tcp", g.upstream)
	if err != nil {
		g.t.Error(err)
		return
	}
	c.Close()
}
