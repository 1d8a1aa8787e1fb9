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
	analysistest.RunWithSuggestedFixes(t, dir, mapprealloc.Analyzer, "./...")
	testutil.GoldenCompiles(t, dir)
}
