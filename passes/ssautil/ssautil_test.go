package ssautil_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"
	xssautil "golang.org/x/tools/go/ssa/ssautil"

	"github.com/gohazard/gohazard/passes/ssautil"
)

// build type-checks src as package p and returns its SSA form.
func build(t *testing.T, src string) *ssa.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := xssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset,
		types.NewPackage("p", ""), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func TestChanOps(t *testing.T) {
	pkg := build(t, `package p

func f(in <-chan int, out chan<- int, done chan struct{}) {
	for v := range in {
		out <- v
	}
	select {
	case x := <-in:
		_ = x
	case out <- 1:
	default:
	}
	select {
	case <-done:
	case out <- 2:
	}
	<-done
	defer close(done)
	close(out)
}
`)
	var got []string
	for _, op := range ssautil.ChanOps(pkg.Func("f")) {
		s := op.Kind.String()
		if op.Select != nil {
			s += "/select"
		}
		if op.Blocking() {
			s += "/blocking"
		}
		got = append(got, s)
	}
	want := []string{
		"range/blocking", "send/blocking",
		"receive/select", "send/select",
		"receive/select/blocking", "send/select/blocking",
		"receive/blocking", "close", "close",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("ChanOps = %q\nwant      %q", got, want)
	}
}

func TestCallee(t *testing.T) {
	pkg := build(t, `package p

import "time"

type T struct{}

func (T) After(time.Duration) {}

func After(time.Duration) {}

func f(t T) {
	time.After(1)
	t.After(1)
	After(1)
	var g func()
	g()
}
`)
	var got []string
	for instr := range ssautil.Instructions([]*ssa.Function{pkg.Func("f")}) {
		call, ok := instr.(*ssa.Call)
		if !ok {
			continue
		}
		c := ssautil.Callee(&call.Call)
		switch {
		case ssautil.CallsFunc(&call.Call, "time", "After"):
			got = append(got, "time.After")
		case ssautil.IsMethod(c, "p", "T", "After"):
			got = append(got, "T.After")
		case ssautil.IsFunc(c, "p", "After"):
			got = append(got, "p.After")
		case c == nil:
			got = append(got, "dynamic")
		}
	}
	want := []string{"time.After", "T.After", "p.After", "dynamic"}
	if !slices.Equal(got, want) {
		t.Errorf("callees = %q, want %q", got, want)
	}
}
