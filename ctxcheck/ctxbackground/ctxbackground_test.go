package ctxbackground_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/ctxcheck/ctxbackground"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "ctxbackground")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, ctxbackground.Analyzer, "./..."))
	testutil.GoldenCompiles(t, dir)
}
