package ctxbackground

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

type Store struct {
	db *sql.DB
}

func (s *Store) Get(ctx context.Context, id string) error { // want Get:`ignores \[0\]`
	row := s.db.QueryRowContext(context.Background(), "SELECT 1 WHERE id = ?", id) // want `context.Background\(\) cuts off ctx \(parameter of Get\), so what it starts is not cancelled$`
	return row.Err()
}

func (s *Store) Put(ctx context.Context, id string) error { // want Put:`ignores \[0\]`
	tctx, cancel := context.WithTimeout(context.TODO(), time.Second) // want `context.TODO\(\) cuts off ctx`
	defer cancel()
	_, err := s.db.ExecContext(tctx, "INSERT INTO t VALUES (?)", id)
	return err
}

func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := context.Background() // want `context.Background\(\) cuts off r.Context\(\) \(request given to ServeHTTP\)`
	s.db.PingContext(c)
}

type Worker struct {
	ctx context.Context
	db  *sql.DB
}

func (w *Worker) Flush() error {
	if w.db == nil {
		return nil
	}
	return w.db.PingContext(context.Background()) // want `cuts off w.ctx \(field of Flush's receiver\)`
}

// Two contexts in scope: reported, without a fix.
func Both(ctx context.Context, w http.ResponseWriter, r *http.Request, db *sql.DB) error { // want Both:`ignores \[0\]`
	return db.PingContext(context.Background()) // want `cuts off ctx`
}

// A local context declared before the call.
func Local(db *sql.DB, parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	_ = ctx
	return db.PingContext(context.WithValue(context.Background(), key{}, 1)) // want `context.Background\(\) cuts off parent`
}

type key struct{}

// Handlers written as closures.
func (s *Store) Handler() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.db.PingContext(context.Background()) // want `context.Background\(\) cuts off r.Context\(\) \(request given to the function literal\)`
	}
}

func Routes(mux *http.ServeMux, s *Store) {
	mux.HandleFunc("/ping", func(w http.ResponseWriter, req *http.Request) {
		bg := context.TODO() // want `context.TODO\(\) cuts off req.Context\(\)`
		s.db.PingContext(bg)
	})
}

// A new root returned in place of the context the function was given.
func (s *Store) scope(ctx context.Context) context.Context { // want scope:`ignores \[0\]`
	return context.Background() // want `context.Background\(\) cuts off ctx \(parameter of scope\)`
}

func Tagged(ctx context.Context, tag string) context.Context {
	if tag == "" {
		return ctx
	}
	return context.WithValue(context.Background(), key{}, tag) // want `context.Background\(\) cuts off ctx`
}
