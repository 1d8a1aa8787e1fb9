package ctxrequest

import (
	"bytes"
	"context"
	"database/sql"
	"net"
	"net/http"
	"net/http/httputil"
	"reflect"
	"time"
)

// No context in scope.
func NoContext(db *sql.DB, url string) error {
	if _, err := db.Exec("DELETE FROM t"); err != nil {
		return err
	}
	resp, err := http.Get(url)
	if err == nil {
		resp.Body.Close()
	}
	return err
}

// The context variants.
func WithContext(ctx context.Context, db *sql.DB, url string) error {
	if _, err := db.ExecContext(ctx, "DELETE FROM t"); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", "localhost:80")
	if err == nil {
		c.Close()
	}
	return err
}

// Cleanup after the context ended must not be cancelled.
func Cleanup(ctx context.Context, tx *sql.Tx) error {
	select {
	case <-ctx.Done():
		_, err := tx.Exec("ROLLBACK")
		return err
	default:
	}
	return nil
}

// A literal may run after the function returns: captured contexts are
// not its own.
func Callback(ctx context.Context, db *sql.DB) func() error {
	return func() error {
		_, err := db.Exec("DELETE FROM t")
		return err
	}
}

func main() {
	ctx := context.Background()
	_ = ctx
	http.Get("http://localhost")
}

// Methods with the same names on other types.
type Store struct{}

func (Store) Query(q string) error { return nil }

func Other(ctx context.Context, s Store) error {
	return s.Query("x")
}

// A function literal with its own context parameter, in a function that
// has none.
func Handler(db *sql.DB) func(context.Context) error {
	return func(ctx context.Context) error {
		return db.PingContext(ctx)
	}
}

// A context the function makes itself is not one it was given.
func OwnContext(db *sql.DB) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_ = ctx
	_, err := db.Exec("DELETE FROM t")
	return err
}

// A one-statement variant without a context.
type Conn struct {
	ctx context.Context
	db  *sql.DB
}

func (t *Conn) Ping() error { return t.db.Ping() }

// The request gets the context after it is made.
func Later(ctx context.Context, url string) error {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err == nil {
		resp.Body.Close()
	}
	return err
}

// The request gets its context in the function it is handed to.
func Delegated(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	return do(ctx, c, req)
}

func do(ctx context.Context, c *http.Client, req *http.Request) error { // want do:`sends \[\] attaches \[2\]`
	resp, err := c.Do(req.Clone(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Built only to be compared with what was sent, or dumped: never sent.
func Same(ctx context.Context, got *http.Request, url string, body []byte) (bool, error) {
	want, err := http.NewRequest("POST", url, bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	w, err := httputil.DumpRequestOut(want, true)
	if err != nil {
		return false, err
	}
	g, err := httputil.DumpRequestOut(got, true)
	return bytes.Equal(w, g), err
}

func Expected(ctx context.Context, got *http.Request) bool {
	want, _ := http.NewRequest("GET", "http://example.com/", nil)
	return want.URL.String() == got.URL.String() && reflect.DeepEqual(want.Header, got.Header)
}

// The receiver's context is its lifetime, cancelled by Exit after the loop
// has returned.
type daemon struct {
	ctx    context.Context
	cancel context.CancelFunc
	exit   chan struct{}
}

func (d *daemon) stats(addr string, tick <-chan time.Time) {
	for {
		select {
		case <-d.exit:
			return
		case <-tick:
			if c, err := net.DialTimeout("udp", addr, time.Second); err == nil {
				c.Close()
			}
		}
	}
}
