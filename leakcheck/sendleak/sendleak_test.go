package sendleak_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/leakcheck/sendleak"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "sendleak")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, sendleak.Analyzer, "./..."))
	testutil.GoldenCompiles(t, dir)
}
