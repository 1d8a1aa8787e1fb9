package lockstate_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/passes/lockstate"
)

// The LockEffects facts of exported functions: parameters, receivers,
// package-level variables, callees, "...Locked" contracts, and none for
// a function that locks only its own mutex or uses TryLock.
func TestFacts(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "lockfacts"), lockstate.Analyzer, "./locks")
}
