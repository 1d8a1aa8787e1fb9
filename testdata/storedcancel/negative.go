package storedcancel

import (
	"context"
	"time"
)

// Cancelled on removal.
type tracker struct {
	cancels map[string]context.CancelFunc
}

func (t *tracker) track(parent context.Context, key string) context.Context {
	ctx, cancel := context.WithCancel(parent)
	t.cancels[key] = cancel
	return ctx
}

func (t *tracker) untrack(key string) {
	if cancel, ok := t.cancels[key]; ok {
		cancel()
		delete(t.cancels, key)
	}
}

// Cancelled all at once, ranging over the map.
type fanout struct {
	stops map[int]context.CancelFunc
}

func (f *fanout) add(parent context.Context, id int) {
	_, stop := context.WithCancel(parent)
	f.stops[id] = stop
}

func (f *fanout) stopAll() {
	for _, stop := range f.stops {
		stop()
	}
}

// Deferred where it is made, and kept too.
type job struct{ abort context.CancelFunc }

func (j *job) run(parent context.Context) {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(time.Second))
	defer cancel()
	j.abort = cancel
	<-ctx.Done()
}

// Handed out: the caller cancels.
type server struct{ shutdown context.CancelFunc }

func (s *server) Shutdown() context.CancelFunc { return s.shutdown }

func newServer() *server {
	_, cancel := context.WithCancel(context.Background())
	return &server{shutdown: cancel}
}

// A cancel func given by the caller.
type worker struct{ quit context.CancelFunc }

func newWorker(quit context.CancelFunc) *worker { return &worker{quit: quit} }

// Passed to another package's function, which may call it.
type timed struct{ expire context.CancelFunc }

func (t *timed) arm(parent context.Context) {
	_, cancel := context.WithCancel(parent)
	t.expire = cancel
	time.AfterFunc(time.Second, t.expire)
}

// Exported field of an exported type.
type Handle struct{ Cancel context.CancelFunc }

func NewHandle(parent context.Context) *Handle {
	_, cancel := context.WithCancel(parent)
	return &Handle{Cancel: cancel}
}

// Called through a slice.
type stack struct{ undo []context.CancelFunc }

func (s *stack) push(parent context.Context) {
	_, c := context.WithCancel(parent)
	s.undo = append(s.undo, c)
}

func (s *stack) unwind() {
	for i := len(s.undo) - 1; i >= 0; i-- {
		s.undo[i]()
	}
}
