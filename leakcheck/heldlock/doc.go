// Package heldlock defines an Analyzer that reports returns that leave a
// mutex locked on one path while the function unlocks it on others.
//
// # Analyzer heldlock
//
// heldlock: report return paths that leave a sync.Mutex or RWMutex locked
//
// A function that locks a mutex and unlocks it before returning, except
// on one path (an early return on error, usually), leaves the mutex locked
// when that path is taken. The next Lock blocks forever, and with it every
// goroutine that needs the mutex:
//
//	func (c *Cache) Get(key string) (*Item, error) {
//		c.mu.Lock()
//		it, ok := c.items[key]
//		if !ok {
//			return nil, ErrMissing // c.mu stays locked
//		}
//		c.mu.Unlock()
//		return it, nil
//	}
//
// Unlock with defer right after locking, or on every path:
//
//	c.mu.Lock()
//	defer c.mu.Unlock()
//
// heldlock reports only functions that unlock the same mutex on some path,
// so helpers that return with the lock held on purpose are not reported.
// A path through a call that is handed the mutex or the value that holds
// it (which may unlock it) is not reported either, nor is a path that
// panics.
package heldlock
