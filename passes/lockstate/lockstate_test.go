package lockstate

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/ssa"
	xssautil "golang.org/x/tools/go/ssa/ssautil"
)

func build(t *testing.T, src string) (*token.FileSet, *ssa.Package) {
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
	return fset, pkg
}

func funcs(pkg *ssa.Package) []*ssa.Function {
	var out []*ssa.Function
	for _, m := range pkg.Members {
		if fn, ok := m.(*ssa.Function); ok {
			out = append(out, fn)
			out = append(out, fn.AnonFuncs...)
		}
	}
	return out
}

// A function whose paths the budget cannot hold is left out quickly,
// with no findings, rather than walked for every combination.
func TestBudget(t *testing.T) {
	const n = 40
	var src strings.Builder
	src.WriteString("package p\n\nimport \"sync\"\n\nvar mus [" + fmt.Sprint(n) + "]sync.Mutex\n\nfunc f(")
	for i := range n {
		fmt.Fprintf(&src, "c%d, ", i)
	}
	src.WriteString("last bool) {\n")
	for i := range n {
		fmt.Fprintf(&src, "\tif c%d {\n\t\tmus[%d].Lock()\n\t}\n", i, i)
	}
	src.WriteString("\tif last {\n\t\tmus[0].Lock()\n\t}\n")
	for i := range n {
		fmt.Fprintf(&src, "\tif c%d {\n\t\tmus[%d].Unlock()\n\t}\n", i, i)
	}
	src.WriteString("}\n")
	fset, pkg := build(t, src.String())
	start := time.Now()
	a := newAnalysis(fset, pkg, funcs(pkg))
	if f := a.explore(pkg.Func("f")); f != nil {
		t.Errorf("f has 2^%d states and was walked to the end: %d relocks", n, len(f.relocks))
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("giving up on f took %v", d)
	}
}

// A function with one path through thousands of conditions, each learned
// for the rest of the path, keys ever longer states: it is left out when
// the keys outgrow the budget, not walked for minutes (a generated state
// machine did so), although no block has more than one state.
func TestKeyBudget(t *testing.T) {
	const n = 2000
	var src strings.Builder
	src.WriteString("package p\n\nimport \"sync\"\n\nvar mu sync.Mutex\n\nfunc f(c [" + fmt.Sprint(n) + "]bool) {\n\tmu.Lock()\n")
	for i := range n {
		fmt.Fprintf(&src, "\tc%d := c[%d]\n\tif !c%d {\n\t\tmu.Unlock()\n\t\treturn\n\t}\n\tif c%d {\n\t\tmu.Unlock()\n\t\tmu.Lock()\n\t}\n", i, i, i, i)
	}
	src.WriteString("\tmu.Unlock()\n}\n")
	fset, pkg := build(t, src.String())
	a := newAnalysis(fset, pkg, funcs(pkg))
	if f := a.explore(pkg.Func("f")); f != nil {
		t.Errorf("f's states were keyed to the end of its %d conditions", n)
	}
}

// The summary of a function: what it takes, releases, and returns
// holding, in its parameters' terms.
func TestSummary(t *testing.T) {
	fset, pkg := build(t, `package p

import "sync"

type T struct {
	mu, other sync.Mutex
	n         int
}

func (t *T) lock() { t.mu.Lock() }

func (t *T) waitLocked(wait func()) {
	t.mu.Unlock()
	wait()
	t.mu.Lock()
}

func (t *T) release(ok bool) {
	if ok {
		t.other.Unlock()
	}
}

func (t *T) deep() { t.lock() }
`)
	a := newAnalysis(fset, pkg, funcs(pkg))
	method := func(name string) *ssa.Function {
		return pkg.Prog.MethodValue(pkg.Prog.MethodSets.MethodSet(types.NewPointer(pkg.Type("T").Type())).Lookup(pkg.Pkg, name))
	}
	describe := func(name string) string {
		s := a.explore(method(name)).summary()
		var parts []string
		for _, tk := range s.takes {
			parts = append(parts, fmt.Sprintf("take%s again=%t", tk.ref.path, tk.again))
		}
		for _, r := range s.releases {
			parts = append(parts, "release"+r.ref.path)
		}
		for _, h := range s.acquires {
			parts = append(parts, "acquire"+h.ref.path)
		}
		return strings.Join(parts, " ")
	}
	for name, want := range map[string]string{
		"lock":       "take.0; again=false acquire.0;",
		"deep":       "take.0; again=false acquire.0;",
		"waitLocked": "take.0; again=true",
		"release":    "release.1;",
	} {
		if got := describe(name); got != want {
			t.Errorf("summary of %s = %q, want %q", name, got, want)
		}
	}
}

// Only functions that may touch a mutex, themselves or in what they
// call, are walked; a function variable assigned from itself is followed
// a bounded number of steps.
func TestLocking(t *testing.T) {
	fset, pkg := build(t, `package p

import "sync"

var mu sync.Mutex

func lock() { mu.Lock() }

func viaCall() { lock() }

func viaArg(run func(func())) { run(lock) }

func viaClosure() {
	f := func() { viaCall() }
	f()
}

func pure(n int) int { return n * 2 }

func selfAssigned() {
	var f func()
	f = f
	go func() { f() }()
}
`)
	a := newAnalysis(fset, pkg, funcs(pkg))
	a.computeLocking(funcs(pkg))
	for name, want := range map[string]bool{
		"lock":         true,
		"viaCall":      true,
		"viaArg":       true,
		"viaClosure":   true,
		"pure":         false,
		"selfAssigned": false,
	} {
		if got := a.locking[pkg.Func(name)]; got != want {
			t.Errorf("locking[%s] = %t, want %t", name, got, want)
		}
	}
	if f := a.explore(pkg.Func("pure")); f == nil || len(f.returns) > 0 {
		t.Errorf("pure, which touches no mutex, was walked")
	}
	if f := a.explore(pkg.Func("viaCall")); f == nil || len(f.takes) != 1 {
		t.Errorf("viaCall: the Lock in lock is not summarised")
	}
}
