package deferloop

import (
	"fmt"
	"io"
	"iter"
	"os"
	"sync"
)

type resource struct{}

func (*resource) Release() {}

func acquire(int) *resource { return &resource{} }

type item struct {
	mu sync.Mutex
	n  int
}

func lockPerItem(items []*item) int {
	total := 0
	for _, it := range items {
		it.mu.Lock()
		defer it.mu.Unlock() // want `defer in a loop runs only when the function returns`
		total += it.n
	}
	return total
}

func rangeChannel(ch <-chan int) {
	for v := range ch {
		r := acquire(v)
		defer r.Release() // want `defer in a loop runs only when the function returns`
	}
}

func threeClause(n int) {
	for i := 0; i < n; i++ {
		name := fmt.Sprint("scratch", i)
		defer func() { // want `defer in a loop runs only when the function returns`
			os.Remove(name)
		}()
	}
}

func innerBranchesStayInside(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `defer in a loop runs only when the function returns`
		for range 3 {
			if f == nil {
				break
			}
		}
		switch name {
		case "a":
			break
		}
	}
}

func inLiteralLoop(names []string) func() {
	return func() {
		for _, name := range names {
			f, _ := os.Open(name)
			defer f.Close() // want `defer in a loop runs only when the function returns`
		}
	}
}

func rangeFunc(seq iter.Seq[io.Closer]) {
	for c := range seq {
		defer c.Close() // want `defer in a loop runs only when the function returns`
	}
}

func innerBreakOuterLoop(groups [][]io.Closer) {
	for _, g := range groups {
		for _, c := range g {
			defer c.Close() // want `defer in a loop runs only when the function returns`
			break
		}
	}
}
