package tickerstop_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/leakcheck/tickerstop"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	testutil.CheckDiagnostics(t, analysistest.Run(t, filepath.Join("..", "..", "testdata", "tickerstop"), tickerstop.Analyzer, "./..."))
}

// From Go 1.23 on nothing is reported.
func TestGo123(t *testing.T) {
	testutil.CheckDiagnostics(t, analysistest.Run(t, filepath.Join("..", "..", "testdata", "tickerstop", "go126"), tickerstop.Analyzer, "./..."))
}
