package ctxrequest

import (
	"context"
	"database/sql"
	"net"
	"net/http"
	"time"
)

type Server struct {
	db     *sql.DB
	client *http.Client
	url    string
}

func (s *Server) Lookup(ctx context.Context, id string) error {
	rows, err := s.db.Query("SELECT name FROM users WHERE id = ?", id) // want `\(\*sql.DB\).Query ignores ctx \(parameter of Lookup\): it cannot be cancelled$`
	if err != nil {
		return err
	}
	rows.Close()
	req, err := http.NewRequest("GET", s.url+id, nil) // want `http.NewRequest ignores ctx`
	if err != nil {
		return err
	}
	if resp, err := s.client.Do(req); err == nil {
		resp.Body.Close()
	}
	conn, err := net.Dial("tcp", "localhost:80") // want `net.Dial ignores .*: it cannot be cancelled`
	if err != nil {
		return err
	}
	return conn.Close()
}

func (s *Server) Fetch(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get(s.url) // want `http.Get ignores r.Context\(\) \(request given to Fetch\): it cannot be cancelled$`
	if err == nil {
		resp.Body.Close()
	}
	resp, err = s.client.Post(s.url, "text/plain", nil) // want `\(\*http.Client\).Post ignores .*: it cannot be cancelled`
	if err == nil {
		resp.Body.Close()
	}
}

func Tx(ctx context.Context, db *sql.DB, args ...any) error {
	tx, err := db.Begin() // want `\(\*sql.DB\).Begin ignores .*: it cannot be cancelled`
	if err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE t SET n = n + 1", args...); err != nil { // want `\(\*sql.Tx\).Exec ignores .*: it cannot be cancelled`
		return err
	}
	stmt, err := db.Prepare("SELECT 1") // want `\(\*sql.DB\).Prepare ignores .*: it cannot be cancelled`
	if err != nil {
		return err
	}
	stmt.QueryRow()                   // want `\(\*sql.Stmt\).QueryRow ignores .*: it cannot be cancelled`
	if err := db.Ping(); err != nil { // want `\(\*sql.DB\).Ping ignores .*: it cannot be cancelled`
		return err
	}
	return tx.Commit()
}

func Dial(ctx context.Context, addr string) (net.Conn, error) {
	c, err := net.DialTimeout("tcp", addr, 3*time.Second) // want `net.DialTimeout ignores .*: it cannot be cancelled`
	if err == nil {
		return c, nil
	}
	d := net.Dialer{KeepAlive: time.Minute}
	return d.Dial("tcp", addr) // want `\(\*net.Dialer\).Dial ignores .*: it cannot be cancelled`
}

type Job struct {
	ctx context.Context
	db  *sql.DB
}

func (j *Job) Run() error {
	_, err := j.db.Exec("DELETE FROM jobs") // want `ignores j.ctx \(field of Run.s receiver\)`
	return err
}

// Two contexts: reported without a fix.
func Two(ctx context.Context, w http.ResponseWriter, r *http.Request, db *sql.DB) error {
	return db.Ping() // want `\(\*sql.DB\).Ping ignores ctx`
}

// A request handed to a helper that sends it, without a context.
func (s *Server) Notify(ctx context.Context, msg string) error {
	req, err := http.NewRequest("POST", s.url, nil) // want `http.NewRequest ignores ctx`
	if err != nil {
		return err
	}
	return s.send(req)
}

func (s *Server) send(req *http.Request) error { // want send:`sends \[0\] attaches \[\]`
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A request returned to the caller, which will send it.
func Build(ctx context.Context, url string) (*http.Request, error) {
	return http.NewRequest("GET", url, nil) // want `http.NewRequest ignores .*: it cannot be cancelled`
}

// A request copied, then sent through a transport.
func Copied(ctx context.Context, rt http.RoundTripper, url string) error {
	req, err := http.NewRequest("GET", url, nil) // want `http.NewRequest ignores .*: it cannot be cancelled`
	if err != nil {
		return err
	}
	out := req
	resp, err := rt.RoundTrip(out)
	if err == nil {
		resp.Body.Close()
	}
	return err
}

// A handler written as a closure.
func Proxy(url string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Head(url) // want `http.Head ignores r.Context\(\) \(request given to the function literal\)`
		if err == nil {
			resp.Body.Close()
		}
	}
}

// A transport's outgoing request carries the context to dial with.
type transport struct{ addr string }

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	c, err := net.Dial("tcp", t.addr) // want `net.Dial ignores req.Context\(\) \(request given to RoundTrip\)`
	if err != nil {
		return nil, err
	}
	c.Close()
	return nil, nil
}
