// Package doublelock defines an Analyzer that reports a Lock of a mutex
// that the same path already holds, directly or through a call.
//
// # Analyzer doublelock
//
// doublelock: report a second Lock of a mutex on a path that already holds it
//
// sync.Mutex is not reentrant: locking it again on a path that holds it
// blocks forever. The usual way in is a method that locks and calls
// another method that locks too:
//
//	func (c *Cache) Put(k string, v int) {
//		c.mu.Lock()
//		defer c.mu.Unlock()
//		c.items[k] = v
//		c.evict() // evict locks c.mu again: Put never returns
//	}
//
//	func (c *Cache) evict() {
//		c.mu.Lock()
//		defer c.mu.Unlock()
//		...
//	}
//
// Split the method into a locked entry point and an unexported variant
// that expects the lock to be held (by convention named evictLocked).
//
// doublelock follows calls to the package's own functions, one level deep,
// when the callee locks the same mutex (the receiver's or parameter's
// field, or a package-level mutex) before unlocking it. Read locks are
// reported too when a write lock is held; a read lock taken twice is left
// alone, since it only deadlocks when a writer is waiting in between.
// Paths through a call that is handed the mutex, or through a call of a
// package function that unlocks some mutex, are not reported.
package doublelock
