package testutil_test

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard/passes/testutil"
)

type seen struct{}

func (*seen) AFact()         {}
func (*seen) String() string { return "seen by one" }

// reporter returns an analyzer that reports each function it meets,
// named after it, and with facts, marks them with a fact.
func reporter(name string, facts bool) *analysis.Analyzer {
	a := &analysis.Analyzer{Name: name, Doc: "report every function"}
	if facts {
		a.FactTypes = []analysis.Fact{new(seen)}
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				if fn, ok := d.(*ast.FuncDecl); ok {
					pass.Reportf(fn.Pos(), "%s: %s", name, fn.Name.Name)
					if facts {
						pass.ExportObjectFact(pass.TypesInfo.Defs[fn.Name].(*types.Func), new(seen))
					}
				}
			}
		}
		return nil, nil
	}
	return a
}

// TestRunSuite checks that each case is checked against its own
// analyzer's findings and facts only: both analyzers run on both
// modules, and each module's "// want" comments name one. Package dep of
// module two is not a root (its pattern is "."), so what is reported
// there is not checked.
func TestRunSuite(t *testing.T) {
	testutil.RunSuite(t, []testutil.Case{
		{Analyzer: reporter("one", true), Dir: filepath.Join("testdata", "one")},
		{Analyzer: reporter("two", false), Dir: filepath.Join("testdata", "two"), Patterns: []string{"."}},
	})
}
