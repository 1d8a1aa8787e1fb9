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

func run(ctx context.Context) {} // want run:`ignores \[0\]`

// A nil guard assigns the context variable itself.
func Guard(ctx context.Context, db *sql.DB) error {
	if ctx == nil {
		ctx = context.Background()
	}
	return db.PingContext(ctx)
}

// A goroutine meant to outlive the request.
func Detach(ctx context.Context, db *sql.DB) { // want Detach:`ignores \[0\]`
	go func() {
		db.PingContext(context.Background())
	}()
	go run(context.Background())
}

// A callback that may run after the function returns.
func Later(ctx context.Context, db *sql.DB) { // want Later:`ignores \[0\]`
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

func (s *Server) Start(ctx context.Context) { // want Start:`ignores \[0\]`
	s.ctx, s.cancel = context.WithCancel(context.Background())
}

func NewServer(ctx context.Context) *Server { // want NewServer:`ignores \[0\]`
	base, cancel := context.WithCancel(context.Background())
	return &Server{ctx: base, cancel: cancel}
}

// A nil guard returning a root context.
func Root(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}

var global context.Context

func SetGlobal(ctx context.Context) { // want SetGlobal:`ignores \[0\]`
	global = context.Background()
}

// A context captured from the enclosing function is not the literal's own.
func Captured(ctx context.Context, db *sql.DB) func() error { // want Captured:`ignores \[0\]`
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
func Escapes(ctx context.Context, f func(func() context.Context)) { // want Escapes:`ignores \[0\]`
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

// The callee discards its context: nothing is cut off.
type informer struct{}

func newInformer(_ context.Context) *informer { return &informer{} } // want newInformer:`ignores \[0\]`

func (i *informer) run(stop <-chan struct{}) { <-stop }

func Start(ctx context.Context) {
	inf := newInformer(context.Background())
	go inf.run(ctx.Done())
}

func newCache(context.Context, int) map[string]int { return nil } // want newCache:`ignores \[0\]`

func unused(ctx context.Context, n int) int { return n } // want unused:`ignores \[0\]`

func Caches(ctx context.Context) int { // want Caches:`ignores \[0\]`
	c := newCache(context.TODO(), 10)
	bg := context.Background()
	return len(c) + unused(bg, 1)
}

// The receiver holds its context's CancelFunc: the object's lifetime.
type Loop struct {
	ctx    context.Context
	cancel context.CancelFunc
	db     *sql.DB
}

func (l *Loop) Flush() error {
	if l.db == nil {
		return nil
	}
	return l.db.PingContext(context.Background())
}

// A closure handler that detaches work on purpose.
func Async(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		go db.PingContext(context.Background())
	}
}
