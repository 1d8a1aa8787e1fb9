package testfail

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

const src = `package p

import "testing"

func helper(tb testing.TB, ok bool) {
	if !ok {
		tb.Fatalf("broken")
	}
	tb.Log("fine")
}

func TestX(t *testing.T) {
	t.Logf("start")
	if t.Name() == "" {
		t.Error("no name")
	}
	t.Helper()
}

func BenchmarkX(b *testing.B) {
	b.Fail()
	b.ReportAllocs()
}
`

// TestPoints checks that the failing calls, and only those, are found,
// through a *testing.T, *testing.B and a testing.TB.
func TestPoints(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", ""), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	// One failing call each, among calls of testing methods that do not
	// fail (Log, Logf, Name, Helper, ReportAllocs).
	for _, name := range []string{"helper", "TestX", "BenchmarkX"} {
		pts := Points(pkg.Func(name))
		if len(pts) != 1 {
			t.Errorf("%s: %d failing calls, want 1", name, len(pts))
		}
		for b, i := range pts {
			call := b.Instrs[i].(ssa.CallInstruction)
			if call.Common().Pos() == token.NoPos {
				t.Errorf("%s: failing call without position", name)
			}
		}
	}
	if Fails(nil) {
		t.Error("Fails(nil) = true")
	}
}
