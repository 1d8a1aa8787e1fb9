package lockorder

import "sync"

// Three calls down on one side, two on the other.
type Catalog struct {
	mu    sync.Mutex
	log   *Journal
	names map[string]int
}

type Journal struct {
	mu    sync.Mutex
	lines []string
}

func (c *Catalog) Rename(from, to string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.names[to] = c.names[from]
	c.record(to) // want `lock order inversion can deadlock: Journal.mu is locked while Catalog.mu is held here`
}

func (c *Catalog) record(line string) { c.log.write(line) }

func (j *Journal) write(line string) { j.append(line) }

func (j *Journal) append(line string) {
	j.mu.Lock()
	j.lines = append(j.lines, line)
	j.mu.Unlock()
}

func (j *Journal) Compact(c *Catalog) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.lines = j.lines[:0]
	c.stats()
}

func (c *Catalog) stats() int { return c.count() }

func (c *Catalog) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.names)
}

// Through a closure on one side.
type Buffer struct {
	mu   sync.Mutex
	data []byte
}

type Sink struct {
	mu  sync.Mutex
	out [][]byte
}

func (b *Buffer) FlushTo(s *Sink) {
	deliver := func(p []byte) {
		s.mu.Lock()
		s.out = append(s.out, p)
		s.mu.Unlock()
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	deliver(b.data) // want `lock order inversion can deadlock: Sink.mu is locked while Buffer.mu is held here`
	b.data = nil
}

func (s *Sink) Refill(b *Buffer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b.mu.Lock()
	b.data = append(b.data, s.out[0]...)
	b.mu.Unlock()
}

// Generic types.
type Cell[T any] struct {
	mu sync.Mutex
	v  T
}

type Pool[T any] struct {
	mu    sync.Mutex
	cells []*Cell[T]
}

func (p *Pool[T]) Set(i int, v T) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cells[i].set(v) // want `lock order inversion can deadlock: Cell.mu is locked while Pool.mu is held here`
}

func (c *Cell[T]) set(v T) {
	c.mu.Lock()
	c.v = v
	c.mu.Unlock()
}

func (c *Cell[T]) Join(p *Pool[T]) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p.mu.Lock()
	p.cells = append(p.cells, c)
	p.mu.Unlock()
}
