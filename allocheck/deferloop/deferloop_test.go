package deferloop_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/allocheck/deferloop"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "deferloop")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, deferloop.Analyzer, "./..."))
	testutil.GoldenCompiles(t, dir)
}
