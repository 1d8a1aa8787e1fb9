package deferloop

import (
	"net"
	"os"
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
