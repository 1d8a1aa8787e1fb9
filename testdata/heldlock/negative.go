package heldlock

import (
	"errors"
	"maps"
	"sync"
)

func (c *cache) deferred(key string) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[key]
	if !ok {
		return 0, errMissing
	}
	return v, nil
}

func (c *cache) everyPath(key string) (int, error) {
	c.mu.Lock()
	v, ok := c.items[key]
	if !ok {
		c.mu.Unlock()
		return 0, errMissing
	}
	c.mu.Unlock()
	return v, nil
}

// lockFor returns with the lock held on purpose: the caller unlocks.
func (c *cache) lockFor(key string) int {
	c.mu.Lock()
	return c.items[key]
}

func (c *cache) unlockAndFail() error {
	c.mu.Unlock()
	return errMissing
}

func (c *cache) helperUnlocks(key string) (int, error) {
	c.mu.Lock()
	v, ok := c.items[key]
	if !ok {
		return 0, c.unlockAndFail()
	}
	c.mu.Unlock()
	return v, nil
}

func unlockGlobal() { mu.Unlock() }

func globalHelper(limit int) error {
	mu.Lock()
	if count >= limit {
		unlockGlobal()
		return errors.New("limit")
	}
	count++
	mu.Unlock()
	return nil
}

func panics(c *cache, key string) int {
	c.mu.Lock()
	v, ok := c.items[key]
	if !ok {
		panic("missing " + key)
	}
	c.mu.Unlock()
	return v
}

func deferredClosure(c *cache, key string) (int, error) {
	c.mu.Lock()
	defer func() {
		c.mu.Unlock()
	}()
	if v, ok := c.items[key]; ok {
		return v, nil
	}
	return 0, errMissing
}

func twoMutexes(a, b *cache) {
	a.mu.Lock()
	b.mu.Lock()
	b.mu.Unlock()
	a.mu.Unlock()
}

func readThenWrite(c *cache, key string) {
	c.rw.RLock()
	_, ok := c.items[key]
	c.rw.RUnlock()
	if ok {
		return
	}
	c.rw.Lock()
	c.items[key] = 1
	c.rw.Unlock()
}

func tryLock(c *cache) bool {
	if !c.mu.TryLock() {
		return false
	}
	c.mu.Unlock()
	return true
}

func handOff(c *cache, done func(*cache)) error {
	c.mu.Lock()
	if c.items == nil {
		done(c)
		return errMissing
	}
	c.mu.Unlock()
	return nil
}

func otherMutexUnlocked(a, b *cache) error {
	a.mu.Lock()
	b.mu.Lock()
	if a.items == nil {
		a.mu.Unlock()
		b.mu.Unlock()
		return errMissing
	}
	b.mu.Unlock()
	a.mu.Unlock()
	return nil
}

var wg sync.WaitGroup

func unrelatedSync() {
	wg.Add(1)
	wg.Done()
}

type node struct {
	mu     sync.Mutex
	parent *node
	empty  bool
}

// Hand-over-hand: the mutex unlocked last belongs to the node reached.
func pruneUp(n *node) {
	n.mu.Lock()
	for n.parent != nil && n.empty {
		p := n.parent
		p.mu.Lock()
		n.mu.Unlock()
		n = p
	}
	n.mu.Unlock()
}

var cacheTable struct {
	sync.Mutex
	table []int
}

// The lock and the unlock are guarded by the same condition.
func sameCondition(base int) int {
	var table []int
	if base == 10 {
		cacheTable.Lock()
		table = cacheTable.table
	}
	n := len(table)
	if base == 10 {
		cacheTable.Unlock()
	}
	return n
}

// Unlocked and locked again in between; the deferred Unlock covers it.
func relock(c *cache, wait func()) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.mu.Unlock()
	wait()
	c.mu.Lock()
	return len(c.items)
}

// Released while the callback runs, re-acquired on the way out.
func callbackUnlocked(c *cache, yield func()) {
	c.rw.RUnlock()
	defer c.rw.RLock()
	yield()
}

func sameTestTwice(shared, local []int) int {
	if len(shared) > 0 {
		mu.Lock()
	}
	n := len(local)
	if len(shared) > 0 {
		mu.Unlock()
	}
	return n
}

type flagged struct {
	mu     sync.Mutex
	shared bool
	n      int
}

func (s *flagged) inc() {
	if s.shared {
		s.mu.Lock()
	}
	s.n++
	if s.shared {
		s.mu.Unlock()
	}
}

// lockIfOpen returns with the lock held exactly when it reports true.
func (s *flagged) lockIfOpen() bool {
	s.mu.Lock()
	if s.n < 0 {
		s.mu.Unlock()
		return false
	}
	return true
}

// lockOrErr returns with the lock held exactly when the error is nil.
func (s *flagged) lockOrErr() error {
	s.mu.Lock()
	if s.n < 0 {
		s.mu.Unlock()
		return errMissing
	}
	return nil
}

// A deferred closure unlocks whatever the flag says is still held.
func (s *flagged) climb(parents []*flagged) int {
	held := false
	cur := s
	defer func() {
		if held {
			cur.mu.Unlock()
		}
	}()
	for _, p := range parents {
		if held {
			cur.mu.Unlock()
		}
		cur = p
		held = true
		cur.mu.Lock()
		if p.n > 0 {
			return p.n
		}
	}
	return 0
}

// The early return inside a range-over-func loop unlocks first.
func (c *cache) hasValue(want int) bool {
	c.mu.Lock()
	for v := range maps.Values(c.items) {
		if v == want {
			c.mu.Unlock()
			return true
		}
	}
	c.mu.Unlock()
	return false
}
