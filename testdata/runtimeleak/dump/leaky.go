// Package dump is analysed with the dumps of profiles/, taken in other
// directories than this one.
package dump

import (
	"sync"

	"example.com/dump/inner"
)

// Lookup's goroutine is stranded when fail is set: the profile marks two
// of them leaked.
func Lookup(fail bool) int {
	ch := make(chan int)
	go func() {
		ch <- 1 // want `2 goroutines leaked blocked on chan send: nothing can ever wake them \(goroutineleak profile\)`
	}()
	if fail {
		return -1
	}
	return <-ch
}

// Locked's goroutine blocks in a callee of another package: it is
// reported there, where it blocks, not here.
func Locked(c *inner.Cache) {
	go func() {
		c.Get("k")
	}()
}

// Wait's goroutine has been blocked for 42 minutes in a plain dump.
func Wait(wg *sync.WaitGroup, results chan int) {
	go func() {
		defer wg.Done()
		results <- <-results // want `a goroutine has been blocked on chan receive for 42 minutes: a suspected leak \(goroutine dump\)`
	}()
}

// Sum's goroutines are blocked on a lock taken below its own frame, in
// package sync: reported at the call.
func Sum(mu *sync.Mutex, n int) {
	for range n {
		go func() {
			mu.Lock() // want `3 goroutines have been blocked on sync.Mutex.Lock for 11 minutes or more: suspected leaks \(goroutine dump\)`
			defer mu.Unlock()
		}()
	}
}
