package service

import (
	"os"
	"testing"
)

func TestLoad(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		f, err := os.CreateTemp(t.TempDir(), name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
	}
}
