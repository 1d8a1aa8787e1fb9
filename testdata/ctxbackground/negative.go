package ctxbackground

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"time"
)

// No context in scope.
func NoContext(db *sql.DB) error {
	return db.PingContext(context.Background())
}

func main() {
	ctx := context.Background()
	_ = ctx
	run(context.Background())
}

func init() {
	ctx := context.Background()
	run(ctx)
	run(context.TODO())
}

func run(ctx context.Context) {}

// A nil guard assigns the context variable itself.
func Guard(ctx context.Context, db *sql.DB) error {
	if ctx == nil {
		ctx = context.Background()
	}
	return db.PingContext(ctx)
}

// A goroutine meant to outlive the request.
func Detach(ctx context.Context, db *sql.DB) {
	go func() {
		db.PingContext(context.Background())
	}()
	go run(context.Background())
}

// A callback that may run after the function returns.
func Later(ctx context.Context, db *sql.DB) {
	time.AfterFunc(time.Second, func() {
		db.PingContext(context.Background())
	})
}

// Cleanup that must run even when ctx is done.
func Cleanup(ctx context.Context, db *sql.DB) {
	defer db.PingContext(context.Background())
	run(ctx)
}

// Graceful shutdown after the context ended.
func Serve(ctx context.Context, srv *http.Server) error {
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// Cleanup after the context reported an error.
func Rollback(ctx context.Context, tx *sql.Tx) error {
	if err := ctx.Err(); err != nil {
		tx.ExecContext(context.Background(), "ROLLBACK")
		return err
	}
	return nil
}

// A context stored for something that outlives the call.
type Server struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *Server) Start(ctx context.Context) {
	s.ctx, s.cancel = context.WithCancel(context.Background())
}

func NewServer(ctx context.Context) *Server {
	base, cancel := context.WithCancel(context.Background())
	return &Server{ctx: base, cancel: cancel}
}

func Root(ctx context.Context) context.Context {
	return context.Background()
}

var global context.Context

func SetGlobal(ctx context.Context) {
	global = context.Background()
}

// A context captured from the enclosing function is not the literal's own.
func Captured(ctx context.Context, db *sql.DB) func() error {
	return func() error {
		return db.PingContext(context.Background())
	}
}

// The context is declared after the call.
func After(db *sql.DB) error {
	err := db.PingContext(context.Background())
	ctx := context.TODO()
	_ = ctx
	return err
}

// A context passed into a closure variable handed elsewhere.
func Escapes(ctx context.Context, f func(func() context.Context)) {
	bg := context.Background()
	f(func() context.Context { return bg })
}

// A shadowed request: r is not an *http.Request here.
func Shadow(w http.ResponseWriter, r *http.Request) {
	{
		r := os.Stdout
		_ = r
	}
}

// A one-statement variant without a context, delegating to the one with:
// the receiver's context is not the caller's.
func (w *Worker) Ping() error {
	return w.db.PingContext(context.Background())
}

// Contexts the function makes itself are not contexts it was given.
func Independent(db *sql.DB) error {
	first, cancel := context.WithCancel(context.Background())
	defer cancel()
	second := context.Background()
	if err := db.PingContext(first); err != nil {
		return err
	}
	return db.PingContext(second)
}
