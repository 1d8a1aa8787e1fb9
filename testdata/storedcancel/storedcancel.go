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
	w.stops[id] = stop // want `cancel func is stored in stops but never called: the context lives until its parent is done`
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
	s.ctx, s.cancel = context.WithTimeout(parent, time.Minute) // want `cancel func is stored in cancel but never called`
	return s
}

func (s *session) close() { s.ctx = nil }

var stopLoop context.CancelCauseFunc

func startLoop() context.Context {
	ctx, cancel := context.WithCancelCause(context.Background())
	stopLoop = cancel // want `cancel func is stored in stopLoop but never called`
	return ctx
}
