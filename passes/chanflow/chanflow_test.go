package chanflow_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/leakcheck/recvleak"
	"github.com/gohazard/gohazard/passes/chanflow"
)

var testdata = filepath.Join("..", "..", "testdata", "chanflow")

// TestFacts checks what each function is found to do with its channel
// parameters.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdata, chanflow.Analyzer, "./helper")
}

// TestAcrossPackages checks that a finding in user depends on the facts
// of helper: the range is reported only where helper's function sends
// without closing.
func TestAcrossPackages(t *testing.T) {
	analysistest.Run(t, testdata, recvleak.Analyzer, "./user")
}
