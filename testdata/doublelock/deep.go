package doublelock

import (
	"errors"
	"sync"
)

// Server locks again two calls down.
type Server struct {
	mu      sync.Mutex
	pending []string
	closed  bool
}

func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.drain() // want `call of drain blocks forever: it calls Lock on a mutex this path already holds`
}

func (s *Server) drain() {
	for len(s.pending) > 0 {
		s.flushOne()
	}
}

func (s *Server) flushOne() {
	s.mu.Lock()
	s.pending = s.pending[1:]
	s.mu.Unlock()
}

// A closure that locks, called with the lock held.
func (s *Server) Enqueue(item string) {
	push := func() {
		s.mu.Lock()
		s.pending = append(s.pending, item)
		s.mu.Unlock()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		push() // want `call of the function literal blocks forever: it calls Lock`
	}
}

// A method value.
func (s *Server) Reopen() {
	reset := s.flushOne
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = false
	reset() // want `call of flushOne blocks forever: it calls Lock`
}

// A method of a generic type calls another that locks.
type Set[T comparable] struct {
	mu    sync.Mutex
	items map[T]bool
}

func (s *Set[T]) Has(v T) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.items[v]
}

func (s *Set[T]) AddNew(v T) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Has(v) { // want `call of Has blocks forever: it calls Lock`
		return false
	}
	s.items[v] = true
	return true
}

// An interface method with one implementation in the package.
type counter interface{ total() int }

type tally struct {
	mu sync.Mutex
	n  int
}

func (t *tally) total() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n
}

func (t *tally) Report() int {
	var c counter = t
	t.mu.Lock()
	defer t.mu.Unlock()
	return c.total() // want `call of total blocks forever: it calls Lock`
}

// The hasLock flag says the wrong thing.
type table struct {
	mu   sync.RWMutex
	rows map[string]int
}

func (t *table) lookup(k string, locked bool) int {
	if !locked {
		t.mu.RLock()
		defer t.mu.RUnlock()
	}
	return t.rows[k]
}

func (t *table) Bump(k string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rows[k] = t.lookup(k, false) + 1 // want `call of lookup blocks forever: it calls RLock`
}

// continue skips the Unlock: the next round locks again.
type worker struct {
	mu    sync.Mutex
	queue []int
	stop  bool
}

var errStopped = errors.New("stopped")

func (w *worker) loop(handle func(int)) error {
	for {
		w.mu.Lock() // want `Lock of a mutex this path already holds blocks forever`
		if w.stop {
			w.mu.Unlock()
			return errStopped
		}
		if len(w.queue) == 0 {
			continue
		}
		job := w.queue[0]
		w.queue = w.queue[1:]
		w.mu.Unlock()
		handle(job)
	}
}
