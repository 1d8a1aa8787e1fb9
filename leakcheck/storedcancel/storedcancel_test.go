package storedcancel_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/leakcheck/storedcancel"
)

func Test(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "storedcancel"), storedcancel.Analyzer, "./...")
}
