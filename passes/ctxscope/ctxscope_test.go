package ctxscope_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/gohazard/gohazard/passes/ctxscope"
)

const src = `package p

import (
	"context"
	"net/http"
)

type S struct {
	ctx   context.Context
	other int
}

func (s *S) method(w http.ResponseWriter, r *http.Request) {
	_ = 1 // HERE method
	func(ctx context.Context) {
		_ = 2 // HERE lit
		ctx2 := ctx
		_ = ctx2 // HERE after
		{
			s := 3
			_ = s // HERE shadow
		}
	}(nil)
	later := context.Background()
	_ = later
}

func plain(n int) {
	_ = n // HERE none
}

// A request without its ResponseWriter.
func roundTrip(r *http.Request) {
	_ = r // HERE outgoing
}
`

func TestInScope(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Scopes: map[ast.Node]*types.Scope{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"method":   {"r.Context()", "s.ctx"},
		"lit":      {"ctx", "r.Context()", "s.ctx"},
		"after":    {"ctx", "ctx2", "r.Context()", "s.ctx"},
		"shadow":   {"ctx", "ctx2", "r.Context()"},
		"none":     nil,
		"outgoing": {"r.Context()"},
	}
	for _, cg := range f.Comments {
		label, ok := strings.CutPrefix(cg.Text(), "HERE ")
		if !ok {
			continue
		}
		label = strings.TrimSpace(label)
		path, _ := astutil.PathEnclosingInterval(f, cg.Pos(), cg.Pos())
		var got []string
		for _, s := range ctxscope.InScope(info, path, cg.Pos()) {
			got = append(got, s.Expr)
		}
		if !slices.Equal(got, want[label]) {
			t.Errorf("%s: got %q, want %q", label, got, want[label])
		}
		delete(want, label)
	}
	if len(want) > 0 {
		t.Errorf("labels not found: %v", want)
	}
}
