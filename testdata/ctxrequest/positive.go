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
	rows, err := s.db.Query("SELECT name FROM users WHERE id = ?", id) // want `\(\*sql.DB\).Query cannot be cancelled: ctx is in scope \(parameter of Lookup\) but the call keeps going when it is done; use the variant that takes a context`
	if err != nil {
		return err
	}
	rows.Close()
	req, err := http.NewRequest("GET", s.url+id, nil) // want `http.NewRequest cannot be cancelled: ctx is in scope`
	if err != nil {
		return err
	}
	_ = req
	conn, err := net.Dial("tcp", "localhost:80") // want `net.Dial cannot be cancelled`
	if err != nil {
		return err
	}
	return conn.Close()
}

func (s *Server) Fetch(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get(s.url) // want `http.Get cannot be cancelled: r.Context\(\) is in scope \(the context of the request Fetch serves\) but the call keeps going when it is done; build the request with http.NewRequestWithContext and send it with Client.Do`
	if err == nil {
		resp.Body.Close()
	}
	resp, err = s.client.Post(s.url, "text/plain", nil) // want `\(\*http.Client\).Post cannot be cancelled`
	if err == nil {
		resp.Body.Close()
	}
}

func Tx(ctx context.Context, db *sql.DB, args ...any) error {
	tx, err := db.Begin() // want `\(\*sql.DB\).Begin cannot be cancelled`
	if err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE t SET n = n + 1", args...); err != nil { // want `\(\*sql.Tx\).Exec cannot be cancelled`
		return err
	}
	stmt, err := db.Prepare("SELECT 1") // want `\(\*sql.DB\).Prepare cannot be cancelled`
	if err != nil {
		return err
	}
	stmt.QueryRow()                   // want `\(\*sql.Stmt\).QueryRow cannot be cancelled`
	if err := db.Ping(); err != nil { // want `\(\*sql.DB\).Ping cannot be cancelled`
		return err
	}
	return tx.Commit()
}

func Dial(ctx context.Context, addr string) (net.Conn, error) {
	c, err := net.DialTimeout("tcp", addr, 3*time.Second) // want `net.DialTimeout cannot be cancelled`
	if err == nil {
		return c, nil
	}
	d := net.Dialer{KeepAlive: time.Minute}
	return d.Dial("tcp", addr) // want `\(\*net.Dialer\).Dial cannot be cancelled`
}

type Job struct {
	ctx context.Context
	db  *sql.DB
}

func (j *Job) Run() error {
	_, err := j.db.Exec("DELETE FROM jobs") // want `j.ctx is in scope \(field of Run's receiver\)`
	return err
}

// Two contexts: reported without a fix.
func Two(ctx context.Context, r *http.Request, db *sql.DB) error {
	return db.Ping() // want `\(\*sql.DB\).Ping cannot be cancelled: ctx is in scope`
}
