package suppress_test

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/passes/suppress"
)

// hazard reports every call of a function named hazard: a stand-in for a
// real analyzer, wrapped exactly as the registry wraps them.
var hazard = &analysis.Analyzer{
	Name: "hazard",
	Doc:  "report calls of hazard",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "hazard" {
						pass.Reportf(call.Pos(), "hazard here")
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

var testdata = filepath.Join("..", "..", "testdata", "suppress")

func TestWrap(t *testing.T) {
	analysistest.Run(t, testdata, suppress.Wrap(hazard, "allocheck"), "./...")
}

func TestMalformed(t *testing.T) {
	results := analysistest.Run(&quiet{t}, testdata, suppress.Malformed([]string{"hazard", "allocheck"}), "./...")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, d.Message))
		}
	}
	want := `a.go:44: malformed //lint:ignore directive: it needs a reason after "hazard", and suppresses nothing without one`
	if len(got) != 1 || got[0] != want {
		t.Errorf("ignores reported %q, want exactly [%q]", got, want)
	}
}

// quiet drops analysistest's complaints about the expectations of the
// wrapped analyzer: a want on a lint:ignore line would be read as its
// reason, so TestMalformed checks its one finding by position itself.
type quiet struct{ *testing.T }

func (q *quiet) Errorf(string, ...any) {}
