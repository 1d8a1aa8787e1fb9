package condsignal

import "sync"

// Signalled by the producer.
type queue struct {
	mu    sync.Mutex
	ready *sync.Cond
	items []int
}

func newQueue() *queue {
	q := &queue{}
	q.ready = sync.NewCond(&q.mu)
	return q
}

func (q *queue) get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.ready.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func (q *queue) put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.ready.Signal()
}

// Broadcast from a helper that is handed the Cond.
type latch struct {
	mu   sync.Mutex
	cond sync.Cond
	open bool
}

func wakeAll(c *sync.Cond) { c.Broadcast() }

func (l *latch) release() {
	l.mu.Lock()
	l.open = true
	l.mu.Unlock()
	wakeAll(&l.cond)
}

func (l *latch) wait() {
	l.mu.Lock()
	for !l.open {
		l.cond.Wait()
	}
	l.mu.Unlock()
}

// Handed out: others may signal it.
type gate struct{ c *sync.Cond }

func (g *gate) Cond() *sync.Cond { return g.c }
func (g *gate) block()           { g.c.Wait() }

// Given by the caller.
type follower struct{ c *sync.Cond }

func newFollower(c *sync.Cond) *follower { return &follower{c: c} }
func (f *follower) block()               { f.c.Wait() }

// An exported field of an exported type.
type Monitor struct{ Changed *sync.Cond }

func (m *Monitor) Block() { m.Changed.Wait() }
