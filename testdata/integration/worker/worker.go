// Package worker is clean: gohazard must say nothing about it.
package worker

import "sync"

// Job is a unit of work.
type Job func()

// Run runs j with the package lock held.
func Run(j Job) {
	mu.Lock()
	defer mu.Unlock()
	j()
}

var mu sync.Mutex
