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

func use(*resource) error { return nil }

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

// A table that grows is not a fixed set of cases.
func TestGrowingTable(t *testing.T) {
	names := []string{"a", "b"}
	names = append(names, os.Args...)
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `defer in a loop runs only when the function returns`
	}
}
