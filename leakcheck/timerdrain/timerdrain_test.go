package timerdrain_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/leakcheck/timerdrain"
)

func Test(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "timerdrain"), timerdrain.Analyzer, "./...")
}
