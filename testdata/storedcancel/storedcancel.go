package storedcancel

import (
	"context"
	"time"
)

// Watches are cancelled by removing them from the map, which does not
// call the cancel func.
type watcher struct {
	stops map[int]context.CancelFunc
}

func (w *watcher) watch(parent context.Context, id int, ev chan<- int) {
	ctx, stop := context.WithCancel(parent)
	w.stops[id] = stop // want `context lives until its parent is done: the cancel func stored in stops is never called`
	go func() {
		<-ctx.Done()
		ev <- id
	}()
}

func (w *watcher) unwatch(id int) { delete(w.stops, id) }

// A session keeps its timeout's cancel func and forgets it.
type session struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func open(parent context.Context) *session {
	s := &session{}
	s.ctx, s.cancel = context.WithTimeout(parent, time.Minute) // want `the cancel func stored in cancel is never called`
	return s
}

func (s *session) close() { s.ctx = nil }

var stopLoop context.CancelCauseFunc

func startLoop() context.Context {
	ctx, cancel := context.WithCancelCause(context.Background())
	stopLoop = cancel // want `the cancel func stored in stopLoop is never called`
	return ctx
}
