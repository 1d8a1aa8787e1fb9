package deferloop

import (
	"fmt"
	"os"
	"testing"
)

type resource struct{ id int }

func (*resource) Release() {}

func acquire(int) *resource { return &resource{} }

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

func innerBreakOuterLoop(groups [][]string) {
	for _, g := range groups {
		for _, name := range g {
			f, _ := os.Open(name)
			defer f.Close() // want `defer in a loop runs only when the function returns`
			break
		}
	}
}

// Reading a field of basic type, comparing and reassigning keep nothing.
func fieldsOnly(ids []int) int {
	sum := 0
	for _, id := range ids {
		r := acquire(id)
		if r == nil {
			sum--
		}
		sum += r.id
		last := r
		last = nil
		_ = last
		defer r.Release() // want `defer in a loop runs only when the function returns`
	}
	return sum
}

// A benchmark's loop runs b.N times.
func benchAcquire(b *testing.B) {
	for b.Loop() {
		r := acquire(1)
		defer r.Release() // want `defer in a loop runs only when the function returns`
	}
}

func benchAcquireN(b *testing.B) {
	for i := 0; i < b.N; i++ {
		defer acquire(i).Release() // want `defer in a loop runs only when the function returns`
	}
}

// The loop's variable is per iteration (go1.22), so is what the deferred
// literal reads.
func loopHeaderVar(open func() *resource) {
	for r := open(); r != nil; r = open() {
		defer func() { // want `defer in a loop runs only when the function returns`
			r.Release()
		}()
	}
}

// Defers that only act on a value of the iteration move together.
func twoDefers(names []string) {
	for i, name := range names {
		f, _ := os.Create(name)
		defer f.Close() // want `defer in a loop runs only when the function returns`
		tmp := fmt.Sprint(name, i, ".tmp")
		defer os.Remove(tmp) // want `defer in a loop runs only when the function returns`
	}
}
