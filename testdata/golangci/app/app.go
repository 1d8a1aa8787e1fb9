// Package app has gohazard findings for the golangci-lint plugin test:
// some reported, some suppressed by //nolint directives golangci-lint
// knows (gohazard) and ones only gohazard's own layer knows (analyzer
// and family names).
package app

import (
	"errors"
	"os"
	"sync"
	"time"
)

// Reported: deferloop.
func Sizes(names []string) (n int64) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			n += st.Size()
		}
	}
	return n
}

// Reported: sendleak, the goroutine is stranded when the timeout wins.
func Fetch(get func() int) (int, error) {
	ch := make(chan int)
	go func() { ch <- get() }()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(time.Second):
		return 0, errors.New("timeout")
	}
}

// Reported: SA2001, enabled in .golangci.yml.
func Barrier(mu *sync.Mutex) {
	mu.Lock()
	mu.Unlock()
}

// Suppressed by golangci-lint: the linter's name.
func Keep(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() //nolint:gohazard // closed at return on purpose
	}
}

// Suppressed by gohazard: the analyzer's name.
func KeepAnalyzer(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() //nolint:deferloop // closed at return on purpose
	}
}

// Suppressed by gohazard: the family's name.
func FetchFamily(get func() int) int {
	ch := make(chan int)
	go func() { ch <- get() }() //nolint:leakcheck // get never blocks and the process exits
	select {
	case v := <-ch:
		return v
	case <-time.After(time.Second):
		return 0
	}
}

// Not reported: noexit is disabled in .golangci.yml.
func Forever(work func()) {
	go func() {
		for {
			work()
		}
	}()
}
