package prealloc_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/allocheck/prealloc"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "prealloc")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, prealloc.Analyzer, "."))
	testutil.GoldenCompiles(t, dir)
}

// With -prealloc.conditional, conditional appends are reported as an
// upper bound.
func TestConditional(t *testing.T) {
	f := prealloc.Analyzer.Flags.Lookup("conditional")
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	defer f.Value.Set("false")
	dir := filepath.Join("..", "..", "testdata", "prealloc", "conditional")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, prealloc.Analyzer, "."))
	testutil.GoldenCompiles(t, dir)
}

// Before Go 1.21 there is no max: a count that may be negative is
// guarded in words, with no fix.
func TestBeforeGo121(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "prealloc", "go120")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, prealloc.Analyzer, "."))
	testutil.GoldenCompiles(t, dir)
}
