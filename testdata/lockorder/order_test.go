package lockorder

import "testing"

// The test holds the second lock on purpose while it takes the first: a
// test's own order is not the package's protocol.
func TestContention(t *testing.T) {
	s := &Store{index: &Index{}, data: map[string]string{}}
	s.index.mu.Lock()
	s.mu.Lock()
	s.mu.Unlock()
	s.index.mu.Unlock()
	c := &Catalog{log: &Journal{}}
	c.log.mu.Lock()
	c.count()
	c.log.mu.Unlock()
}
