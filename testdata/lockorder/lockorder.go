package lockorder

import "sync"

type Store struct {
	mu    sync.Mutex
	index *Index
	data  map[string]string
}

type Index struct {
	mu   sync.Mutex
	keys []string
}

func (s *Store) Move(from, to string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.index.mu.Lock() // want `lock order inversion can deadlock: Index.mu is locked while Store.mu is held here, and Store.mu while Index.mu is held elsewhere`
	s.index.keys = append(s.index.keys, to)
	s.index.mu.Unlock()
	s.data[to] = s.data[from]
}

func (ix *Index) Rebuild(s *Store) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	s.mu.Lock()
	ix.keys = ix.keys[:0]
	for k := range s.data {
		ix.keys = append(ix.keys, k)
	}
	s.mu.Unlock()
}

// Through a call: flush locks b while a is held; drain locks a under b.
var (
	a, b  sync.Mutex
	queue []int
)

func lockB() {
	b.Lock()
	queue = queue[:0]
	b.Unlock()
}

func flush() {
	a.Lock()
	lockB() // want `lock order inversion can deadlock: b is locked while a is held here`
	a.Unlock()
}

func drain() {
	b.Lock()
	a.Lock()
	queue = nil
	a.Unlock()
	b.Unlock()
}

// Read locks on one side: each mutex still has a writer involved.
type Config struct {
	mu  sync.RWMutex
	reg *Registry
}

type Registry struct {
	mu    sync.RWMutex
	names []string
}

func (c *Config) Names() []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.reg.mu.Lock() // want `lock order inversion can deadlock: Registry.mu is locked while Config.mu is held here`
	defer c.reg.mu.Unlock()
	return c.reg.names
}

func (r *Registry) Reload(c *Config) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	c.mu.Lock()
	c.mu.Unlock()
}

// A third mutex both paths only read-hold does not keep them apart.
type Shared struct {
	gate sync.RWMutex
	x, y sync.Mutex
	n    int
}

func (s *Shared) XY() {
	s.gate.RLock()
	defer s.gate.RUnlock()
	s.x.Lock()
	s.y.Lock() // want `lock order inversion can deadlock: Shared.y is locked while Shared.x is held here`
	s.n++
	s.y.Unlock()
	s.x.Unlock()
}

func (s *Shared) YX() {
	s.gate.RLock()
	defer s.gate.RUnlock()
	s.y.Lock()
	s.x.Lock()
	s.n--
	s.x.Unlock()
	s.y.Unlock()
}
