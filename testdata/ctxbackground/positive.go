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

func (s *Store) Get(ctx context.Context, id string) error {
	row := s.db.QueryRowContext(context.Background(), "SELECT 1 WHERE id = ?", id) // want `context.Background\(\) cuts off cancellation and deadlines: ctx is in scope \(parameter of Get\)`
	return row.Err()
}

func (s *Store) Put(ctx context.Context, id string) error {
	tctx, cancel := context.WithTimeout(context.TODO(), time.Second) // want `context.TODO\(\) cuts off cancellation and deadlines: ctx is in scope`
	defer cancel()
	_, err := s.db.ExecContext(tctx, "INSERT INTO t VALUES (?)", id)
	return err
}

func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := context.Background() // want `context.Background\(\) cuts off cancellation and deadlines: r.Context\(\) is in scope \(the context of the request ServeHTTP serves\)`
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
	return w.db.PingContext(context.Background()) // want `w.ctx is in scope \(field of Flush's receiver\); use it, or context.WithoutCancel\(w.ctx\) to detach on purpose`
}

// Two contexts in scope: reported, without a fix.
func Both(ctx context.Context, r *http.Request, db *sql.DB) error {
	return db.PingContext(context.Background()) // want `ctx is in scope`
}

// A local context declared before the call.
func Local(db *sql.DB, parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	_ = ctx
	return db.PingContext(context.WithValue(context.Background(), key{}, 1)) // want `context.Background\(\) cuts off cancellation and deadlines: parent is in scope`
}

type key struct{}
