package leaky

import (
	"testing"

	"github.com/gohazard/gohazard/leaktest"
)

func TestMain(m *testing.M) {
	leaktest.Main(m)
}

func TestFetch(t *testing.T) {
	if v, err := Fetch(false); v != 42 || err != nil {
		t.Errorf("Fetch(false) = %v, %v", v, err)
	}
	if _, err := Fetch(true); err == nil {
		t.Errorf("Fetch(true) did not fail")
	}
}
