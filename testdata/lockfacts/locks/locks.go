// Package locks has functions that lock mutexes their callers hand them.
package locks

import (
	"sync"
	"time"
)

// WithLock runs f holding mu.
func WithLock(mu *sync.Mutex, f func()) { // want WithLock:`lockeffects\(takes param0 Lock\)`
	mu.Lock()
	defer mu.Unlock()
	f()
}

// Acquire returns holding mu.
func Acquire(mu *sync.Mutex) { // want Acquire:`lockeffects\(takes param0 Lock, acquires param0 Lock\)`
	mu.Lock()
}

// Read runs f read-holding rw, through a helper.
func Read(rw *sync.RWMutex, f func()) { // want Read:`lockeffects\(takes param0 RLock\)`
	readLocked(rw, f)
}

func readLocked(rw *sync.RWMutex, f func()) {
	rw.RLock()
	defer rw.RUnlock()
	f()
}

// Counter guards n with an exported mutex its users may hold.
type Counter struct {
	Mu sync.Mutex
	n  int
}

// Add locks the receiver's mutex.
func (c *Counter) Add() { // want Add:`lockeffects\(takes param0.0; Lock\)`
	c.Mu.Lock()
	c.n++
	c.Mu.Unlock()
}

// Global is a package-level mutex callers may hold.
var Global sync.Mutex

// WithGlobal runs f holding Global.
func WithGlobal(f func()) { // want WithGlobal:`lockeffects\(takes example.com/lockfacts/locks.Global Lock\)`
	Global.Lock()
	defer Global.Unlock()
	f()
}

// WithOwn locks a mutex of its own, not the one it is handed.
func WithOwn(mu *sync.Mutex, f func()) {
	var own sync.Mutex
	own.Lock()
	defer own.Unlock()
	f()
}

// Wait unlocks mu around a sleep and locks it again: its callers hold it.
func Wait(mu *sync.Mutex, d time.Duration) { // want Wait:`lockeffects\(takes param0 Lock again\)`
	mu.Unlock()
	time.Sleep(d)
	mu.Lock()
}

// TryWith runs f holding mu if it is free: TryLock does not block.
func TryWith(mu *sync.Mutex, f func()) bool {
	if !mu.TryLock() {
		return false
	}
	defer mu.Unlock()
	f()
	return true
}

// unexported functions are not called from other packages.
func withLock(mu *sync.Mutex) {
	mu.Lock()
	mu.Unlock()
}

var _ = withLock

// Maybe locks mu unless the caller says it holds it: whether it locks
// depends on the flag, which the fact cannot carry.
func Maybe(mu *sync.Mutex, locked bool) {
	if !locked {
		mu.Lock()
		defer mu.Unlock()
	}
}

// Always locks mu whatever its flag says.
func Always(mu *sync.Mutex, verbose bool) { // want Always:`lockeffects\(takes param0 Lock\)`
	mu.Lock()
	defer mu.Unlock()
	if verbose {
		println("locked")
	}
}
