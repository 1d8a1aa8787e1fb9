package deferloop

import (
	"os"
	"testing"
)

func BenchmarkOpen(b *testing.B) {
	for b.Loop() {
		f, err := os.Open("testdata")
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close() // want `defer in a loop runs only when the function returns`
		f.Stat()
	}
}

func BenchmarkCounted(b *testing.B) {
	for i := 0; i < b.N; i++ {
		r := acquire(i)
		defer r.Release() // want `defer in a loop runs only when the function returns`
		if err := use(r); err != nil {
			b.Fatal(err)
		}
	}
}

// More than a few cases: the files pile up.
func TestManyFiles(t *testing.T) {
	for i := range 1000 {
		f, err := os.Create(t.TempDir() + "/f")
		if err != nil {
			t.Fatal(err, i)
		}
		defer f.Close() // want `defer in a loop runs only when the function returns`
		f.WriteString("x")
	}
}

// Sub-benchmarks loop b.N times too.
func BenchmarkSub(b *testing.B) {
	b.Run("iter", func(b *testing.B) {
		for b.Loop() {
			r := acquire(0)
			defer r.Release() // want `defer in a loop runs only when the function returns`
			use(r)
		}
	})
}

// A loop inside the benchmark's loop repeats with it.
func benchInner(b *testing.B, names []string) {
	for range b.N {
		for _, name := range names {
			f, _ := os.Open(name)
			defer f.Close() // want `defer in a loop runs only when the function returns`
			f.Stat()
		}
	}
}

// A benchmark helper's loops run for the benchmark.
func benchFiles(b *testing.B, names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close() // want `defer in a loop runs only when the function returns`
		f.Stat()
	}
}

// A closure reading b.N outside a function taking *testing.B.
func benchClosure(b *testing.B) func() {
	return func() {
		for i := 0; i < b.N; i++ {
			r := acquire(i)
			defer r.Release() // want `defer in a loop runs only when the function returns`
			use(r)
		}
	}
}
