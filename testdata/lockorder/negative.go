package lockorder

import "sync"

// The same order everywhere.
type Pair struct {
	first, second sync.Mutex
	n             int
}

func (p *Pair) One() {
	p.first.Lock()
	p.second.Lock()
	p.n++
	p.second.Unlock()
	p.first.Unlock()
}

func (p *Pair) Two() {
	p.first.Lock()
	defer p.first.Unlock()
	p.second.Lock()
	defer p.second.Unlock()
	p.n--
}

// The first lock is released before the second is taken.
func (p *Pair) Sequential() {
	p.second.Lock()
	p.n++
	p.second.Unlock()
	p.first.Lock()
	p.n++
	p.first.Unlock()
}

// The same field of two values: hand-over-hand, not an inversion of two
// mutexes.
type Node struct {
	mu   sync.Mutex
	next *Node
}

func (n *Node) Walk() {
	n.mu.Lock()
	for cur := n; cur.next != nil; cur = cur.next {
		cur.next.mu.Lock()
		cur.mu.Unlock()
	}
}

func Swap(x, y *Node) {
	x.mu.Lock()
	y.mu.Lock()
	x.next, y.next = y.next, x.next
	y.mu.Unlock()
	x.mu.Unlock()
}

// Read locks on both sides of one mutex never wait for each other.
type View struct {
	mu sync.RWMutex
	db *DB
}

type DB struct {
	mu sync.RWMutex
	n  int
}

func (v *View) Get() int {
	v.mu.RLock()
	defer v.mu.RUnlock()
	v.db.mu.RLock()
	defer v.db.mu.RUnlock()
	return v.db.n
}

func (d *DB) Refresh(v *View) {
	d.mu.Lock()
	defer d.mu.Unlock()
	v.mu.RLock()
	d.n++
	v.mu.RUnlock()
}

// TryLock cannot block.
var c, d sync.Mutex

func tryBoth() {
	c.Lock()
	if d.TryLock() {
		d.Unlock()
	}
	c.Unlock()
}

func dThenC() {
	d.Lock()
	c.Lock()
	c.Unlock()
	d.Unlock()
}

// Local mutexes have no identity across functions.
func local() {
	var m1, m2 sync.Mutex
	m1.Lock()
	m2.Lock()
	m2.Unlock()
	m1.Unlock()
}

// Both paths hold a third mutex first: they cannot run at once.
type Gated struct {
	gate, x, y sync.Mutex
	n          int
}

func (g *Gated) XY() {
	g.gate.Lock()
	defer g.gate.Unlock()
	g.x.Lock()
	g.y.Lock()
	g.n++
	g.y.Unlock()
	g.x.Unlock()
}

func (g *Gated) YX() {
	g.gate.Lock()
	defer g.gate.Unlock()
	g.y.Lock()
	g.x.Lock()
	g.n--
	g.x.Unlock()
	g.y.Unlock()
}
