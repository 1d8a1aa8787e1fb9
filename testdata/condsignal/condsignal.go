package condsignal

import "sync"

// Readers wait for data that writers add without waking them.
type buffer struct {
	mu       sync.Mutex
	nonEmpty *sync.Cond
	lines    []string
}

func newBuffer() *buffer {
	b := &buffer{}
	b.nonEmpty = sync.NewCond(&b.mu)
	return b
}

func (b *buffer) pop() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.lines) == 0 {
		b.nonEmpty.Wait() // want `Wait blocks forever: nothing calls Signal or Broadcast on this Cond`
	}
	l := b.lines[0]
	b.lines = b.lines[1:]
	return l
}

func (b *buffer) push(l string) {
	b.mu.Lock()
	b.lines = append(b.lines, l)
	b.mu.Unlock()
}

// A Cond held by value, with its Locker set by the constructor.
type barrier struct {
	mu      sync.Mutex
	arrived sync.Cond
	n, want int
}

func newBarrier(want int) *barrier {
	b := &barrier{want: want}
	b.arrived.L = &b.mu
	return b
}

func (b *barrier) await() {
	b.mu.Lock()
	b.n++
	for b.n < b.want {
		b.arrived.Wait() // want `Wait blocks forever: nothing calls Signal or Broadcast on this Cond`
	}
	b.mu.Unlock()
}

var (
	stateMu sync.Mutex
	stateCh = sync.NewCond(&stateMu)
	started bool
)

func waitStarted() {
	stateMu.Lock()
	for !started {
		stateCh.Wait() // want `Wait blocks forever`
	}
	stateMu.Unlock()
}
