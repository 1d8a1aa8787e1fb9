package fetch_test

import (
	"testing"

	"example.com/leakprofile/fetch"
	"github.com/gohazard/gohazard/leaktest"
)

func TestMain(m *testing.M) {
	leaktest.Main(m)
}

func TestLookup(t *testing.T) {
	if v, err := fetch.Lookup(false); v != 42 || err != nil {
		t.Errorf("Lookup(false) = %v, %v", v, err)
	}
	if _, err := fetch.Lookup(true); err == nil {
		t.Errorf("Lookup(true) did not fail")
	}
}

func TestPublish(t *testing.T) {
	deliver, values := fetch.Subscribe()
	fetch.Publish(1, deliver)
	if v := <-values; v != 1 {
		t.Errorf("got %d, want 1", v)
	}
	// The subscriber stops reading: the next delivery blocks forever.
	fetch.Publish(2, deliver)
}
