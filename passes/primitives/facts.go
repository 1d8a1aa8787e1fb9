package primitives

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/chanop"
)

// ParamOps is the fact exported for an exported function or method with
// a channel, WaitGroup, Cond, cancel func or timer parameter: the
// operations it does on each (by index, receiver first for methods; All
// for one it hands to code the model does not see). It carries the model
// across packages, standalone and under go vet alike.
type ParamOps struct {
	Params []OpSet
}

func (*ParamOps) AFact() {}

var opNames = [numOps]string{"send", "recv", "range", "close", "add", "done", "wait", "signal", "broadcast", "call", "stop", "reset"}

func (f *ParamOps) String() string {
	parts := make([]string, len(f.Params))
	for i, s := range f.Params {
		switch s {
		case 0:
			parts[i] = "-"
		case All:
			parts[i] = "any"
		default:
			var ks []string
			for k := range numOps {
				if s.Has(k) {
					ks = append(ks, opNames[k])
				}
			}
			parts[i] = strings.Join(ks, "+")
		}
	}
	return "paramops(" + strings.Join(parts, ", ") + ")"
}

// exportParams exports the ParamOps fact of fn, an exported function
// with a parameter holding a primitive.
func (b *builder) exportParams(fn *ssa.Function) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || !obj.Exported() || fn.Blocks == nil {
		return
	}
	fact := &ParamOps{Params: make([]OpSet, len(fn.Params))}
	any := false
	for i, p := range fn.Params {
		kind, elem, ok := kindOf(p.Type())
		if !ok || elem {
			continue
		}
		any = true
		l := &Loc{Kind: kind, Var: types.NewVar(p.Pos(), b.pass.Pkg, p.Name(), p.Type())}
		t := &tracker{b: b, loc: l, seen: map[item]bool{}, fns: map[*ssa.Function]bool{}}
		t.push(p, value)
		t.finish()
		if l.Outside != 0 {
			fact.Params[i] = All
			continue
		}
		for _, op := range l.Ops {
			fact.Params[i] |= 1 << op.Kind
		}
	}
	if any {
		b.pass.ExportObjectFact(obj, fact)
	}
}

// viaFact applies the ParamOps fact of the function of another package
// that call runs to v, its argument: the operations the fact lists become
// operations at the call. It reports false when there is no fact.
func (t *tracker) viaFact(call ssa.CallInstruction, v ssa.Value) bool {
	fn := call.Common().StaticCallee()
	if fn == nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	var fact ParamOps
	if !ok || !t.b.pass.ImportObjectFact(obj, &fact) {
		return false
	}
	for i, arg := range call.Common().Args {
		if arg != v {
			continue
		}
		if i >= len(fact.Params) || fact.Params[i] == All {
			t.escape(All)
			continue
		}
		for k := range numOps {
			if !fact.Params[i].Has(k) {
				continue
			}
			op := Op{Kind: k, Instr: call, Value: v, Remote: true}
			if k <= Close {
				op.Chan = chanop.Op{Kind: chanOpKind(k), Chan: v, Instr: call, Remote: true}
			}
			t.loc.Ops = append(t.loc.Ops, op)
		}
	}
	return true
}

func chanOpKind(k OpKind) chanop.Kind {
	switch k {
	case Send:
		return chanop.Send
	case Recv:
		return chanop.Recv
	case Range:
		return chanop.RangeRecv
	}
	return chanop.Close
}

var _ analysis.Fact = (*ParamOps)(nil)
