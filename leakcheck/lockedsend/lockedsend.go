package lockedsend

import (
	_ "embed"
	"fmt"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/lockstate"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "lockedsend",
	Doc:      analysisdoc.MustExtract(doc, "lockedsend"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/lockedsend",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, lockstate.Analyzer},
	Run:      run,
}

// Meta places lockedsend among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: false, Since: "v0.3.0", Severity: meta.Error}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[lockstate.Analyzer].(*lockstate.Result)
	funcs := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	chans := chanFields(pass.Pkg, funcs)
	for _, ls := range res.Sends {
		field := chanField(ls.Send.Chan)
		recvs, ok := chans[field]
		if field == nil || !ok || len(recvs) == 0 {
			continue
		}
		for _, held := range ls.Held {
			if take, recv, ok := needs(res, recvs, held); ok {
				pass.Report(analysis.Diagnostic{
					Pos:     ls.Send.Pos(),
					Message: fmt.Sprintf("send on %s while holding %s blocks forever: its receiver locks %s before receiving again", field.Name(), held.Key.Name(), held.Key.Name()),
					Related: []analysis.RelatedInformation{
						{Pos: held.Pos(), Message: "locked here"},
						{Pos: recv.Pos(), Message: "the receive"},
						{Pos: take.At.Pos(), Message: "the receiver locks it here"},
					},
				})
				break
			}
		}
	}
	return nil, nil
}

// needs returns, when every receive loop of the channel takes held's
// mutex on its way back to the receive, one such Lock and its receive.
func needs(res *lockstate.Result, recvs []ssa.Instruction, held lockstate.Op) (lockstate.Take, ssa.Instruction, bool) {
	var first lockstate.Take
	for _, r := range recvs {
		fn := r.Parent()
		comp, cyclic := cfgpath.SCCs(fn)
		blk := r.Block().Index
		found := false
		for _, t := range res.Takes[fn] {
			if t.Op.Key == held.Key && !(held.Read && t.Op.Read) && cyclic[blk] && comp[t.At.Block().Index] == comp[blk] {
				first, found = t, true
				break
			}
		}
		if !found {
			return lockstate.Take{}, nil, false
		}
	}
	return first, recvs[0], true
}

// chanFields maps each unexported channel field of a package type that
// the package fills only with unbuffered channels to its receives.
func chanFields(pkg *types.Package, funcs []*ssa.Function) map[*types.Var][]ssa.Instruction {
	out := map[*types.Var][]ssa.Instruction{}
	bad := map[*types.Var]bool{}
	for instr := range apimatch.Instructions(funcs) {
		switch x := instr.(type) {
		case *ssa.Store:
			if f := fieldOf(x.Addr); f != nil {
				if mc, ok := x.Val.(*ssa.MakeChan); !ok || !zero(mc.Size) {
					bad[f] = true
				}
			}
		case *ssa.UnOp:
			if x.Op == token.ARROW {
				if f := chanField(x.X); f != nil {
					out[f] = append(out[f], x)
				}
			}
		case *ssa.Select:
			for _, st := range x.States {
				if f := chanField(st.Chan); f != nil && st.Dir == types.RecvOnly {
					out[f] = append(out[f], x)
				}
			}
		}
	}
	for f := range out {
		if bad[f] || f.Exported() || f.Pkg() != pkg {
			delete(out, f)
		}
	}
	return out
}

func zero(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.Int && constant.Sign(k.Value) == 0
}

// chanField returns the field a channel value is loaded from.
func chanField(v ssa.Value) *types.Var {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	return fieldOf(load.X)
}

// fieldOf returns the channel field addr addresses, nil for anything else.
func fieldOf(addr ssa.Value) *types.Var {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	f := apimatch.FieldVar(fa)
	if f == nil {
		return nil
	}
	if _, ok := f.Type().Underlying().(*types.Chan); !ok {
		return nil
	}
	return f
}
