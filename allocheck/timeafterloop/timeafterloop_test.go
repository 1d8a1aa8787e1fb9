package timeafterloop_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/allocheck/timeafterloop"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "timeafterloop")
	analysistest.RunWithSuggestedFixes(t, dir, timeafterloop.Analyzer, "./...")
	testutil.GoldenCompiles(t, dir)
}

// Before Go 1.23 the findings are worded as leaks and no fix is offered,
// since Reset does not yet discard a stale expiry.
func TestBeforeGo123(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "timeafterloop", "go122"), timeafterloop.Analyzer, "./...")
}
