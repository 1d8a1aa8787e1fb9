package gohazard_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard"
	"github.com/gohazard/gohazard/passes/testutil"
)

// TestStringsBuilder runs modernize's stringsbuilder as gohazard carries
// it (wrapped in the suppression layer) on loops that build strings.
func TestStringsBuilder(t *testing.T) {
	for _, a := range gohazard.Analyzers() {
		if a.Name == "stringsbuilder" {
			dir := filepath.Join("testdata", "stringsbuilder")
			analysistest.RunWithSuggestedFixes(t, dir, a, "./...")
			testutil.GoldenCompiles(t, dir)
			return
		}
	}
	t.Fatal("stringsbuilder is not bundled")
}
