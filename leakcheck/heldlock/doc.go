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
// so helpers that return with the lock held on purpose are not reported,
// nor those whose bool or error result tells the caller the lock is held
// (true, or a nil error, exactly where it is). Calls are followed at any
// depth: a helper that unlocks counts as an Unlock. Paths the program
// cannot take are left out: a condition tested around both the Lock and
// the Unlock, a "locked" flag, a constant. A function entered with the
// lock held that unlocks and locks it again (a "...Locked" function), a
// lock taken n times in one loop and released n times in another, a path
// through a call the analysis cannot follow that is handed the mutex, and
// a path that panics are not reported.
package heldlock
