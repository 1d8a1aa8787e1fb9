package stringsbuilder_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/allocheck/stringsbuilder"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "stringsbuilder")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, stringsbuilder.Analyzer, "./..."))
	testutil.GoldenCompiles(t, dir)
}
