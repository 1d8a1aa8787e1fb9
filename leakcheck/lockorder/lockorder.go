package lockorder

import (
	_ "embed"
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/lockstate"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "lockorder",
	Doc:      analysisdoc.MustExtract(doc, "lockorder"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/lockorder",
	Requires: []*analysis.Analyzer{lockstate.Analyzer},
	Run:      run,
}

// Meta places lockorder among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: false, Since: "v0.2.0", Severity: meta.Error}

func run(pass *analysis.Pass) (any, error) {
	edges := make(map[[2]types.Object][]lockstate.Order)
	var keys [][2]types.Object // in the order of their first edge
	for _, o := range pass.ResultOf[lockstate.Analyzer].(*lockstate.Result).Orders {
		if o.Test {
			continue
		}
		k := [2]types.Object{o.First.Key, o.Second.Key}
		if edges[k] == nil {
			keys = append(keys, k)
		}
		edges[k] = append(edges[k], o)
	}
	for _, k := range keys {
		back, ok := edges[[2]types.Object{k[1], k[0]}]
		if !ok || edges[k][0].At > back[0].At {
			continue // reported from the other direction
		}
		if e1, e2, ok := conflicting(edges[k], back); ok {
			report(pass, e1, e2)
		}
	}
	return nil, nil
}

// conflicting returns an edge of each direction that can deadlock: for
// each mutex, the holder and the waiter are not both readers, and no
// mutex held by both that one of them write-holds keeps them apart.
func conflicting(ab, ba []lockstate.Order) (lockstate.Order, lockstate.Order, bool) {
	for _, e1 := range ab {
		for _, e2 := range ba {
			if !(e1.First.Read && e2.Second.Read) && !(e2.First.Read && e1.Second.Read) && !gated(e1, e2) {
				return e1, e2, true
			}
		}
	}
	return lockstate.Order{}, lockstate.Order{}, false
}

func gated(e1, e2 lockstate.Order) bool {
	for k, w1 := range e1.Gates {
		if w2, ok := e2.Gates[k]; ok && (w1 || w2) {
			return true
		}
	}
	return false
}

func report(pass *analysis.Pass, e1, e2 lockstate.Order) {
	a, b := name(e1.First), name(e1.Second)
	related := []analysis.RelatedInformation{{Pos: e1.First.Pos(), Message: a + " locked here"}}
	if e1.Second.Pos() != e1.At {
		related = append(related, analysis.RelatedInformation{Pos: e1.Second.Pos(), Message: b + " locked here, in the call"})
	}
	related = append(related,
		analysis.RelatedInformation{Pos: e2.First.Pos(), Message: b + " locked first on the other path"},
		analysis.RelatedInformation{Pos: e2.At, Message: a + " locked second on the other path"})
	pass.Report(analysis.Diagnostic{
		Pos:     e1.At,
		Message: fmt.Sprintf("lock order inversion can deadlock: %s is locked while %s is held here, and %s while %s is held elsewhere", b, a, a, b),
		Related: related,
	})
}

// name describes a mutex by its type and field, or its variable.
func name(op lockstate.Op) string {
	if fa, ok := op.Mutex.(*ssa.FieldAddr); ok {
		if ptr, ok := fa.X.Type().Underlying().(*types.Pointer); ok {
			if named, ok := types.Unalias(ptr.Elem()).(*types.Named); ok {
				return named.Obj().Name() + "." + op.Key.Name()
			}
		}
	}
	return op.Key.Name()
}
