package timerdrain

import (
	_ "embed"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/meta"
	"github.com/gohazard/gohazard/passes/primitives"
	"github.com/gohazard/gohazard/passes/ssaref"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "timerdrain",
	Doc:      analysisdoc.MustExtract(doc, "timerdrain"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/timerdrain",
	Requires: []*analysis.Analyzer{primitives.Analyzer},
	Run:      run,
}

// Meta places timerdrain among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: false, Since: "v0.3.0", Severity: meta.Error}

func run(pass *analysis.Pass) (any, error) {
	for _, l := range pass.ResultOf[primitives.Analyzer].(*primitives.Model).Locs {
		if l.Kind != primitives.Timer || !l.Known() || l.Outside != 0 {
			continue
		}
		var drains, others []primitives.Op
		for _, op := range l.Ops {
			if op.Kind != primitives.Recv {
				continue
			}
			if _, ok := afterFailedStop(l, op); ok {
				drains = append(drains, op)
			} else {
				others = append(others, op)
			}
		}
		if len(drains) == 0 {
			continue
		}
		resets := resetters(l, drains)
		for _, o := range others {
			if !keepsTickUnarmed(l, o, resets, retirements(o, drains)) {
				continue
			}
			for _, d := range drains {
				stop, _ := afterFailedStop(l, d)
				pass.Report(analysis.Diagnostic{
					Pos:     d.Pos(),
					Message: "drain blocks forever when the tick was already received: Stop reports false for a timer that fired",
					Related: []analysis.RelatedInformation{
						{Pos: o.Pos(), Message: "the tick is received here, and the timer is not Reset after it"},
						{Pos: stop.Pos(), Message: "Stop fails once the timer has fired"},
					},
				})
			}
			break
		}
	}
	return nil, nil
}

// afterFailedStop returns the Stop of l that op, a plain receive, runs
// only after it failed: if !t.Stop() { <-t.C }.
func afterFailedStop(l *primitives.Loc, op primitives.Op) (ssa.Instruction, bool) {
	b := op.Instr.Block()
	if op.Chan.Select != nil || len(b.Preds) != 1 {
		return nil, false
	}
	pred := b.Preds[0]
	iff, ok := pred.Instrs[len(pred.Instrs)-1].(*ssa.If)
	if !ok {
		return nil, false
	}
	cond, onFalse := iff.Cond, pred.Succs[1] == b
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			cond, onFalse = c.X, pred.Succs[0] == b
		}
	case *ssa.BinOp:
		// t.Stop() == false
		if k, ok := c.Y.(*ssa.Const); ok && c.Op == token.EQL && k.Value != nil && k.Value.Kind() == constant.Bool && !constant.BoolVal(k.Value) {
			cond, onFalse = c.X, pred.Succs[0] == b
		}
	}
	call, ok := cond.(*ssa.Call)
	if !ok || !onFalse || pred.Succs[0] == pred.Succs[1] {
		return nil, false
	}
	for _, s := range l.Ops {
		if s.Kind == primitives.Stop && s.Instr == call {
			return call, true
		}
	}
	return nil, false
}

// resetters returns the functions that Reset the timer without draining
// it first.
func resetters(l *primitives.Loc, drains []primitives.Op) map[*ssa.Function]bool {
	fns := map[*ssa.Function]bool{}
	for _, op := range l.Ops {
		if op.Kind == primitives.Reset {
			fns[op.Instr.Parent()] = true
		}
	}
	for _, d := range drains {
		delete(fns, d.Instr.Parent())
	}
	return fns
}

// keepsTickUnarmed reports whether, after the receive o, a path leads to
// a return or back to o without resetting the timer: the tick is gone and
// the timer stays fired.
func keepsTickUnarmed(l *primitives.Loc, o primitives.Op, resets map[*ssa.Function]bool, retire []*ssa.Call) bool {
	fn := o.Instr.Parent()
	avoid := cfgpath.Points{}
	for _, del := range retire {
		avoid.Add(del.Block(), del)
	}
	for _, op := range l.Ops {
		if op.Kind == primitives.Reset && op.Instr.Parent() == fn {
			avoid.Add(op.Instr.Block(), op.Instr)
		}
	}
	for instr := range apimatch.Instructions([]*ssa.Function{fn}) {
		if call, ok := instr.(ssa.CallInstruction); ok && slices.ContainsFunc(ssaref.Runs(call), func(f *ssa.Function) bool { return resets[f] }) {
			avoid.Add(instr.Block(), instr)
		}
	}
	home := o.Instr.Block()
	back := func(b *ssa.BasicBlock) bool {
		_, ret := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		return ret || b == home
	}
	var starts []*ssa.BasicBlock
	if o.Chan.Select != nil {
		bodies, _ := chanop.CaseBodies(o.Chan.Select)
		body := bodies[o.Chan.Index]
		if body == nil || len(body.Preds) != 1 {
			return false
		}
		starts = []*ssa.BasicBlock{body}
	} else {
		if i, ok := avoid[home]; ok && i > cfgpath.Index(o.Instr) {
			return false
		}
		if _, ret := home.Instrs[len(home.Instrs)-1].(*ssa.Return); ret {
			return true
		}
		starts = home.Succs
	}
	for _, s := range starts {
		if _, blocked := avoid[s]; blocked {
			continue
		}
		if back(s) || cfgpath.PathAvoiding(s.Instrs[0], avoid, nil, back) != nil {
			return true
		}
	}
	return false
}

// retirements returns the calls that delete, after the receive o takes
// the tick, the map entry o found its timer through, when every drain
// finds the timer through the same map: the entry is gone before the
// drain can look it up (a map is not read and written concurrently), so
// a timer whose tick was taken is never drained. Such a delete counts as
// re-arming the timer.
func retirements(o primitives.Op, drains []primitives.Op) []*ssa.Call {
	m, key := mapEntry(o.Value)
	if m == nil {
		return nil
	}
	for _, d := range drains {
		if dm, _ := mapEntry(d.Value); dm != m {
			return nil
		}
	}
	var dels []*ssa.Call
	for _, ref := range *key.Referrers() {
		call, ok := ref.(*ssa.Call)
		if !ok || call.Parent() != o.Instr.Parent() || apimatch.Builtin(&call.Call) != "delete" || call.Call.Args[1] != key {
			continue
		}
		if mapOf(call.Call.Args[0]) == m {
			dels = append(dels, call)
		}
	}
	return dels
}

// mapEntry returns the field or package variable holding the map that
// the timer v (as its function sees it, x.f...) was found in, by lookup
// or range, and the key it was found under.
func mapEntry(v ssa.Value) (*types.Var, ssa.Value) {
	for {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil, nil
			}
			v = x.X
			continue
		case *ssa.FieldAddr:
			v = x.X
			continue
		case *ssa.Field:
			v = x.X
			continue
		case *ssa.Lookup:
			if !x.CommaOk {
				return mapOfKey(x.X, x.Index)
			}
		case *ssa.Extract:
			switch t := x.Tuple.(type) {
			case *ssa.Lookup:
				if x.Index == 0 {
					return mapOfKey(t.X, t.Index)
				}
			case *ssa.Next:
				if x.Index == 2 && !t.IsString {
					if rng, ok := t.Iter.(*ssa.Range); ok {
						return mapOfKey(rng.X, rangeKey(t))
					}
				}
			}
		}
		return nil, nil
	}
}

func mapOfKey(m, key ssa.Value) (*types.Var, ssa.Value) {
	if v := mapOf(m); v != nil && key != nil {
		return v, key
	}
	return nil, nil
}

// mapOf returns the field or package variable a map value is loaded from.
func mapOf(m ssa.Value) *types.Var {
	load, ok := m.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	switch addr := load.X.(type) {
	case *ssa.FieldAddr:
		return apimatch.FieldVar(addr)
	case *ssa.Global:
		g, _ := addr.Object().(*types.Var)
		return g
	}
	return nil
}

// rangeKey returns the key a range over a map yields, or nil when the
// loop does not use it.
func rangeKey(next *ssa.Next) ssa.Value {
	for _, ref := range *next.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 1 {
			return ex
		}
	}
	return nil
}
