package timeafterloop_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/allocheck/timeafterloop"
	"github.com/gohazard/gohazard/passes/testutil"
)

// From Go 1.23 the restarted timeout is reported only with
// -timeafterloop.restart.
func TestRestart(t *testing.T) {
	f := timeafterloop.Analyzer.Flags.Lookup("restart")
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	defer f.Value.Set("false")
	dir := filepath.Join("..", "..", "testdata", "timeafterloop")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, timeafterloop.Analyzer, "./..."))
	testutil.GoldenCompiles(t, dir)
}

// By default files at Go 1.23 or later are not reported; a file whose
// build constraint sets an older version is.
func TestDefault(t *testing.T) {
	testutil.CheckDiagnostics(t, analysistest.Run(t, filepath.Join("..", "..", "testdata", "timeafterloop", "quiet"), timeafterloop.Analyzer, "./..."))
}

// Before Go 1.23 the findings are worded as leaks and no fix is offered,
// since Reset does not yet discard a stale expiry.
func TestBeforeGo123(t *testing.T) {
	testutil.CheckDiagnostics(t, analysistest.Run(t, filepath.Join("..", "..", "testdata", "timeafterloop", "go122"), timeafterloop.Analyzer, "./..."))
}
