package ctxrequest_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/ctxcheck/ctxrequest"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "ctxrequest")
	testutil.CheckDiagnostics(t, analysistest.RunWithSuggestedFixes(t, dir, ctxrequest.Analyzer, "./..."))
	testutil.GoldenCompiles(t, dir)
}
