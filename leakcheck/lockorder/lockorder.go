package lockorder

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/ssautil"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "lockorder",
	Doc:      analysisdoc.MustExtract(doc, "lockorder"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/lockorder",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      run,
}

// An edge: first is held when second is acquired (at the call site when
// second is in a callee).
type edge struct {
	first, second ssautil.LockCall
	at            token.Pos // where second is acquired, or the call that does
	// gates are the other mutexes held when first is acquired, true for a
	// write lock: two paths that write-hold the same gate cannot overlap.
	gates map[types.Object]bool
}

func run(pass *analysis.Pass) (any, error) {
	edges := make(map[[2]types.Object][]edge)
	for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
		for _, e := range orderedPairs(fn) {
			k := [2]types.Object{ssautil.MutexKey(e.first.Mutex), ssautil.MutexKey(e.second.Mutex)}
			edges[k] = append(edges[k], e)
		}
	}
	keys := make([][2]types.Object, 0, len(edges))
	for k := range edges {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]types.Object) int { return cmp.Compare(edges[a][0].at, edges[b][0].at) })
	for _, k := range keys {
		back, ok := edges[[2]types.Object{k[1], k[0]}]
		if !ok || edges[k][0].at > back[0].at {
			continue // reported from the other direction
		}
		if e1, e2, ok := conflicting(edges[k], back); ok {
			report(pass, e1, e2)
		}
	}
	return nil, nil
}

// orderedPairs returns the pairs of distinct mutexes (by field or global)
// that fn acquires one while holding the other.
func orderedPairs(fn *ssa.Function) []edge {
	locks := ssautil.LockCalls(fn)
	var out []edge
	for _, held := range locks {
		key := ssautil.MutexKey(held.Mutex)
		if _, deferred := held.Call.(*ssa.Defer); !held.Lock || deferred || key == nil {
			continue
		}
		avoid := ssautil.Releases(fn, locks, held)
		gates := gatesAt(fn, locks, held)
		for _, next := range locks {
			other := ssautil.MutexKey(next.Mutex)
			if _, deferred := next.Call.(*ssa.Defer); !next.Lock || deferred || other == nil || other == key {
				continue
			}
			if ssautil.Reaches(held.Call, next.Call, avoid) {
				out = append(out, edge{held, next, next.Call.Pos(), gates})
			}
		}
		for instr := range ssautil.Instructions([]*ssa.Function{fn}) {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			callee := call.Call.StaticCallee()
			if callee == nil || callee.Blocks == nil || callee == fn || !ssautil.Reaches(held.Call, call, avoid) {
				continue
			}
			inner, ok := ssautil.LocksFirst(callee, func(l ssautil.LockCall) bool {
				other := ssautil.MutexKey(l.Mutex)
				return other != nil && other != key
			})
			if ok {
				out = append(out, edge{held, inner, call.Pos(), gates})
			}
		}
	}
	return out
}

// gatesAt returns the mutexes other than held's that fn holds when it
// acquires held, true for those it write-holds.
func gatesAt(fn *ssa.Function, locks []ssautil.LockCall, held ssautil.LockCall) map[types.Object]bool {
	gates := make(map[types.Object]bool)
	key := ssautil.MutexKey(held.Mutex)
	for _, g := range locks {
		gkey := ssautil.MutexKey(g.Mutex)
		if _, deferred := g.Call.(*ssa.Defer); !g.Lock || deferred || gkey == nil || gkey == key || g.Call == held.Call {
			continue
		}
		if ssautil.Reaches(g.Call, held.Call, ssautil.Releases(fn, locks, g)) {
			gates[gkey] = gates[gkey] || !g.Read
		}
	}
	return gates
}

// conflicting returns an edge of each direction that can deadlock: for
// each mutex, the holder and the waiter are not both readers, and no
// mutex held around both that one of them write-holds keeps them apart.
func conflicting(ab, ba []edge) (edge, edge, bool) {
	for _, e1 := range ab {
		for _, e2 := range ba {
			if !(e1.first.Read && e2.second.Read) && !(e2.first.Read && e1.second.Read) && !gated(e1, e2) {
				return e1, e2, true
			}
		}
	}
	return edge{}, edge{}, false
}

func gated(e1, e2 edge) bool {
	for k, w1 := range e1.gates {
		if w2, ok := e2.gates[k]; ok && (w1 || w2) {
			return true
		}
	}
	return false
}

func report(pass *analysis.Pass, e1, e2 edge) {
	a, b := name(e1.first.Mutex), name(e1.second.Mutex)
	pass.Report(analysis.Diagnostic{
		Pos:     e1.at,
		Message: fmt.Sprintf("lock order inversion: %s is locked while %s is held here, and %s while %s is held elsewhere: two goroutines taking the two paths can deadlock", b, a, a, b),
		Related: []analysis.RelatedInformation{
			{Pos: e1.first.Call.Pos(), Message: a + " locked here"},
			{Pos: e2.first.Call.Pos(), Message: b + " locked first on the other path"},
			{Pos: e2.at, Message: a + " locked second on the other path"},
		},
	})
}

// name describes a mutex by its type and field, or its variable.
func name(v ssa.Value) string {
	obj := ssautil.MutexKey(v)
	if fa, ok := v.(*ssa.FieldAddr); ok {
		if ptr, ok := fa.X.Type().Underlying().(*types.Pointer); ok {
			if named, ok := types.Unalias(ptr.Elem()).(*types.Named); ok {
				return named.Obj().Name() + "." + obj.Name()
			}
		}
	}
	return obj.Name()
}
