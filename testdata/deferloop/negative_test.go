package deferloop

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// A test holds a few connections open for its whole run on purpose.
func TestHoldsConns(t *testing.T) {
	srv, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	for n := 0; n < 3; n++ {
		c, err := net.Dial("tcp", srv.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
}

var fixtures = []string{"a.txt", "b.txt", "c.txt"}

// Table loops run over a few cases.
func TestTables(t *testing.T) {
	cases := []struct {
		name string
		size int
	}{
		{"empty", 0},
		{"small", 10},
	}
	for _, tc := range cases {
		f, err := os.CreateTemp(t.TempDir(), tc.name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
	}
	for _, name := range fixtures {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close()
	}
	for _, mode := range [...]os.FileMode{0o600, 0o644} {
		f, err := os.OpenFile(t.TempDir()+"/x", os.O_CREATE, mode)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
	}
	for range 8 {
		r := acquire(0)
		defer r.Release()
	}
}

// A test's loops run once per test, over what the test set up: files
// globbed from testdata, retries until a server answers, a handler's
// uploads. What they defer is released when the test returns.
func TestFixtures(t *testing.T) {
	names, _ := filepath.Glob("testdata/*.in")
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
	}
	for attempt := 0; ; attempt++ {
		res, err := http.Get("http://127.0.0.1:1")
		if err != nil {
			if attempt > 3 {
				t.Fatal(err)
			}
			continue
		}
		defer res.Body.Close()
		break
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, hs := range r.MultipartForm.File {
			for _, fh := range hs {
				f, err := fh.Open()
				if err != nil {
					return
				}
				defer f.Close()
			}
		}
	})
	_ = h
}

// A test helper taking testing.TB is not a benchmark's.
func openEach(tb testing.TB, names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
	}
}

// A benchmark's result has a field N too: it drives nothing.
func TestResultN(t *testing.T) {
	var res testing.BenchmarkResult
	for i := 0; i < res.N; i++ {
		r := acquire(i)
		defer r.Release()
	}
}
