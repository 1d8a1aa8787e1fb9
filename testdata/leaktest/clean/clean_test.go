package clean_test

import (
	"testing"

	"example.com/leaktest/clean"
	"github.com/gohazard/gohazard/leaktest"
)

func TestMain(m *testing.M) {
	leaktest.Main(m)
}

func TestSum(t *testing.T) {
	if s := clean.Sum([]int{1, 2, 3}); s != 6 {
		t.Errorf("Sum = %d, want 6", s)
	}
}
