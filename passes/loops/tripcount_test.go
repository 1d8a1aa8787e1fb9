package loops_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"testing"

	"github.com/gohazard/gohazard/passes/loops"
)

func TestConstTrips(t *testing.T) {
	const src = `package p

const one = 1

func f(n int, arr [3]int, p *[2]int, s []int) {
	for i := 0; i < one; i++ {}  // 1
	for i := 0; i < 5; i += 1 {} // 5
	for i := 0; i < -2; i++ {}   // 0
	for range 4 {}               // 4
	for range arr {}             // 3
	for range p {}               // 2
	for i := 0; i < n; i++ {}    // unknown
	for range s {}               // unknown
	for i := 0; i < 5; i++ { i++ } // unknown
	for i := 1; i < 5; i++ {}    // unknown
	for {}                       // unknown
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	want := []string{"1", "5", "0", "4", "3", "2", "unknown", "unknown", "unknown", "unknown", "unknown"}
	var got []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if c, ok := loops.ConstTrips(info, n.(ast.Stmt)); ok {
				got = append(got, strconv.FormatInt(c, 10))
			} else {
				got = append(got, "unknown")
			}
		}
		return true
	})
	if len(got) != len(want) {
		t.Fatalf("got %d loops, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("loop %d: ConstTrips = %s, want %s", i+1, got[i], want[i])
		}
	}
}
