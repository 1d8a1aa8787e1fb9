package wgdone

import (
	"go/constant"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/primitives"
)

// fields reports the Waits on a WaitGroup kept in a field or variable the
// package owns, when the package adds to its counter but nothing, in the
// package or in code the WaitGroup reaches, ever calls Done.
func fields(pass *analysis.Pass, model *primitives.Model) {
	for _, l := range model.Locs {
		if l.Kind != primitives.WaitGroup || !l.Known() || l.Outside != 0 || l.Has(primitives.Done) {
			continue
		}
		var add *primitives.Op
		for _, op := range l.Ops {
			if op.Kind != primitives.Add {
				continue
			}
			// Add(-1) is a Done; so may be an Add in another package.
			if op.Remote || !positive(op.Instr.(ssa.CallInstruction).Common().Args[1]) {
				add = nil
				break
			}
			if add == nil {
				add = &op
			}
		}
		if add == nil {
			continue
		}
		for _, op := range l.Ops {
			if op.Kind == primitives.Wait && !op.Remote {
				pass.Report(analysis.Diagnostic{
					Pos:     op.Pos(),
					Message: "Wait blocks forever: the counter is added to but nothing ever calls Done on this WaitGroup",
					Related: []analysis.RelatedInformation{
						{Pos: add.Pos(), Message: "the counter is added to here"},
						{Pos: l.Var.Pos(), Message: "the WaitGroup is kept in " + l.Var.Name()},
					},
				})
			}
		}
	}
}

func positive(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && constant.Sign(k.Value) > 0
}
