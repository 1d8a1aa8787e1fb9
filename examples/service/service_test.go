package service

import (
	"testing"
	"time"

	"github.com/gohazard/gohazard/leaktest"
)

// TestMain fails the tests when they leak goroutines, which the Go
// runtime's goroutineleak profile finds (GOEXPERIMENT=goroutineleakprofile
// in Go 1.26). TestResolve leaks one, through the hazard sendleak reports
// in Resolve: the README shows what leaktest prints.
func TestMain(m *testing.M) {
	leaktest.Main(m)
}

func TestResolve(t *testing.T) {
	var in Ingester
	if name, err := in.Resolve("a", func(s string) string { return s + ".example" }, time.Minute); name != "a.example" || err != nil {
		t.Errorf("Resolve = %q, %v; want a.example", name, err)
	}

	// A resolver that answers after the timeout: Resolve gives up, and
	// its goroutine is left with an answer nobody receives.
	late := make(chan struct{})
	if _, err := in.Resolve("b", func(s string) string { <-late; return s }, time.Millisecond); err == nil {
		t.Errorf("Resolve did not time out")
	}
	close(late)
}
