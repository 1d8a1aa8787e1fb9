package primitives_test

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/primitives"
)

// describe summarises a location: its variable, whether it is fully
// known, its capacity, what outside code may do, and its operations with
// their lines.
func describe(fset *token.FileSet, l *primitives.Loc) string {
	var ops []string
	for _, op := range l.Ops {
		ops = append(ops, fmt.Sprintf("%s@%d", opName(op.Kind), fset.Position(op.Pos()).Line))
	}
	var outside []string
	for k := primitives.Send; k <= primitives.Reset; k++ {
		if l.Outside.Has(k) {
			outside = append(outside, opName(k))
		}
	}
	return fmt.Sprintf("%s known=%t makes=%d cap=%d outside=[%s] ops=[%s]",
		l.Var.Name(), l.Known(), len(l.Makes), l.Cap(), strings.Join(outside, " "), strings.Join(ops, " "))
}

func opName(k primitives.OpKind) string {
	return [...]string{"send", "recv", "range", "close", "add", "done", "wait", "signal", "broadcast", "call", "stop", "reset"}[k]
}

// results runs the analyzer on the model package, and on helper and user
// for the facts one exports and the other uses, in one load.
func results(t *testing.T) map[string]*analysistest.Result {
	dir := filepath.Join("..", "..", "testdata", "primitives")
	byPkg := make(map[string]*analysistest.Result)
	for _, r := range analysistest.Run(t, dir, primitives.Analyzer, "./model", "./helper", "./user") {
		byPkg[r.Pass.Pkg.Path()] = r
	}
	return byPkg
}

func TestModel(t *testing.T) {
	byPkg := results(t)
	if len(byPkg) != 3 {
		t.Fatalf("got results for %d packages, want 3", len(byPkg))
	}
	t.Run("model", func(t *testing.T) { checkModel(t, byPkg["example.com/primitives/model"]) })
	t.Run("facts", func(t *testing.T) { checkFacts(t, byPkg["example.com/primitives/user"]) })
}

func checkModel(t *testing.T, r *analysistest.Result) {
	model := r.Result.(*primitives.Model)
	var got []string
	for _, l := range model.Locs {
		got = append(got, describe(r.Pass.Fset, l))
	}
	want := []string{
		"Updates known=true makes=1 cap=0 outside=[] ops=[range@29 send@41]",
		"ready known=true makes=1 cap=1 outside=[recv range] ops=[]",
		"wg known=true makes=0 cap=-1 outside=[] ops=[done@34 add@37]",
		"cond known=true makes=1 cap=-1 outside=[] ops=[broadcast@55]",
		"cancels known=true makes=1 cap=-1 outside=[] ops=[call@53]",
		"backoff known=true makes=1 cap=-1 outside=[] ops=[stop@56 recv@57]",
		"in known=false makes=0 cap=-1 outside=[] ops=[recv@73]",
		"quit known=true makes=1 cap=0 outside=[send recv range close add done wait signal broadcast call stop reset] ops=[close@78]",
		"shared known=true makes=0 cap=-1 outside=[] ops=[add@85 done@87]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("model:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if g := model.Goroutines(findFunc(r, "handle")); len(g) != 1 {
		t.Errorf("handle runs in %d goroutines, want 1 (go f.loop())", len(g))
	}
}

func findFunc(r *analysistest.Result, name string) *ssa.Function {
	for _, fn := range r.Pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
		if fn.Name() == name {
			return fn
		}
	}
	return nil
}

// checkFacts checks that a package using helper's functions sees what each
// does with its parameters (their facts are helper's "// want"s).
func checkFacts(t *testing.T, r *analysistest.Result) {
	var got []string
	for _, l := range r.Result.(*primitives.Model).Locs {
		got = append(got, describe(r.Pass.Fset, l))
	}
	want := []string{
		"wg known=true makes=0 cap=-1 outside=[] ops=[add@16 done@17]",
		"out known=true makes=1 cap=0 outside=[] ops=[send@19 close@19]",
		"in known=true makes=1 cap=0 outside=[send recv range close add done wait signal broadcast call stop reset] ops=[]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("model:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
