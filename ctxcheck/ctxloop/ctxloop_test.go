package ctxloop_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/ctxcheck/ctxloop"
)

func Test(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "ctxloop"), ctxloop.Analyzer, "./...")
}
