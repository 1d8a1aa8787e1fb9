package tickerstop_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/leakcheck/tickerstop"
)

func Test(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "tickerstop"), tickerstop.Analyzer, "./...")
}

// From Go 1.23 on nothing is reported.
func TestGo123(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "tickerstop", "go126"), tickerstop.Analyzer, "./...")
}
