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
// doublelock follows calls to the package's own functions at any depth
// (closures, method values, methods of generic types, and interface
// methods with one implementation in the package) when the callee locks
// the same mutex (the receiver's or parameter's field, or a package-level
// mutex) without unlocking it first. Read locks are reported too when a
// write lock is held. It knows which paths hold the lock: a condition
// tested around both the Lock and the Unlock, a "locked" flag set next to
// the Lock, and a constant bool argument (a hasLock parameter) select the
// paths the program can take. A loop that goes round without unlocking
// locks again. An exported function of another package that locks a
// mutex it is handed (a parameter, its receiver, or a package-level
// mutex) whatever its bool arguments, or returns holding it, is known by
// its facts: locks.WithLock(&mu, f) on a path that holds mu is reported.
//
// A read lock taken twice on one path deadlocks when a writer comes in
// between: sync.RWMutex makes new readers wait while a Lock waits, the
// Lock waits for the first reader, and the first reader waits for its
// own second RLock:
//
//	func (c *Cache) Len() int {
//		c.mu.RLock()
//		defer c.mu.RUnlock()
//		return c.size() // size calls c.mu.RLock too
//	}
//
// It is reported when the package write-locks the same mutex (the same
// field, or package-level variable) somewhere; an RWMutex the package
// only ever read-locks cannot have a writer in between. Take the read
// lock once, in the entry point, and call an unexported variant that
// expects it held.
// A callee entered with the lock held that unlocks it and locks it again
// (the "...Locked" convention) is not reported, nor a path through a
// call the analysis cannot follow that is handed the mutex, nor a mutex a
// goroutine shares with the function that started it.
package doublelock
