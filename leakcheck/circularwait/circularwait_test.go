package circularwait_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/leakcheck/circularwait"
	"github.com/gohazard/gohazard/passes/testutil"
)

func Test(t *testing.T) {
	testutil.CheckDiagnostics(t, analysistest.Run(t, filepath.Join("..", "..", "testdata", "circularwait"), circularwait.Analyzer, "./..."))
}
