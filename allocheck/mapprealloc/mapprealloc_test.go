package mapprealloc_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/allocheck/mapprealloc"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "mapprealloc")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, mapprealloc.Analyzer, "./..."))
	testutil.GoldenCompiles(t, dir)
}

// With -mapprealloc.conditional, conditional assignments are reported as
// an upper bound.
func TestConditional(t *testing.T) {
	f := mapprealloc.Analyzer.Flags.Lookup("conditional")
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	defer f.Value.Set("false")
	dir := filepath.Join("..", "..", "testdata", "mapprealloc", "conditional")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, mapprealloc.Analyzer, "."))
	testutil.GoldenCompiles(t, dir)
}
