package doublelock_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/leakcheck/doublelock"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	testutil.CheckDiagnostics(t, analysistest.Run(t, filepath.Join("..", "..", "testdata", "doublelock"), doublelock.Analyzer, "./..."))
}

// A Lock through a call of another package's function, known from its
// facts.
func TestAcrossPackages(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "lockfacts"), doublelock.Analyzer, "./callers")
}
