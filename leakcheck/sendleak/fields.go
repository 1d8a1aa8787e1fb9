package sendleak

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/primitives"
)

// fields reports sends on the unbuffered channels kept in fields and
// variables the package owns that no receiver can take: nothing receives
// from them at all, or their only receiver, a goroutine's loop, may give
// up before the senders are done.
func fields(pass *analysis.Pass, model *primitives.Model, loopInfo *loops.Info) {
	for _, l := range model.Locs {
		if l.Kind != primitives.Chan || !l.Known() || l.Cap() != 0 || l.Outside.Has(primitives.Recv) || l.Outside.Has(primitives.Range) {
			continue
		}
		made := primitives.Made(l, "the channel")
		var recvs []primitives.Op
		for _, op := range l.Ops {
			if op.Kind == primitives.Recv || op.Kind == primitives.Range {
				recvs = append(recvs, op)
			}
		}
		if len(recvs) == 0 {
			for _, op := range plainSends(l, nil) {
				pass.Report(analysis.Diagnostic{Pos: op.Pos(), Related: made,
					Message: "send blocks forever: nothing receives from this channel"})
			}
			continue
		}
		loop := recvs[0].Instr.Parent()
		if slices.ContainsFunc(recvs, func(op primitives.Op) bool { return op.Instr.Parent() != loop }) ||
			len(model.Goroutines(loop)) == 0 || model.CalledOutside(loop) {
			continue
		}
		exit, ok := givesUp(recvs, loopInfo)
		if !ok {
			continue
		}
		for _, op := range plainSends(l, loop) {
			pass.Report(analysis.Diagnostic{
				Pos:     op.Pos(),
				Message: "send blocks forever once the only receiver of the channel has given up: its loop can return early",
				Related: append([]analysis.RelatedInformation{
					{Pos: exit, Message: "the receiving goroutine leaves its loop here"},
					{Pos: recvs[0].Pos(), Message: "the only receive"},
				}, made...),
			})
		}
	}
}

// plainSends returns the sends on l outside a select, but for those of
// the function skip.
func plainSends(l *primitives.Loc, skip *ssa.Function) []primitives.Op {
	var sends []primitives.Op
	for _, op := range l.Ops {
		if op.Kind == primitives.Send && op.Chan.Select == nil && !op.Remote && op.Instr.Parent() != skip {
			sends = append(sends, op)
		}
	}
	return sends
}

// givesUp returns where the loop of the receives recvs is left other
// than by the channel being closed, on a condition computed from a call
// (an error, typically): from then on nothing receives. A loop that stops
// on a value it received, or after a count, ends by agreement with the
// senders and is not reported.
func givesUp(recvs []primitives.Op, loopInfo *loops.Info) (token.Pos, bool) {
	head := recvs[0].Instr.Block()
	if !loopInfo.InLoop(head) {
		return token.NoPos, false
	}
	var closed *ssa.BasicBlock
	if recvs[0].Kind == primitives.Range {
		closed = head.Succs[len(head.Succs)-1]
	}
	for _, b := range head.Parent().Blocks {
		if !loopInfo.SameLoop(b, head) || b == head {
			continue
		}
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok || !fromCall(iff.Cond, 0) {
			continue
		}
		for _, s := range b.Succs {
			if loopInfo.SameLoop(s, head) && s != closed {
				continue
			}
			if path := cfgpath.ReturnAvoiding(s.Instrs[0], nil); path != nil {
				return cfgpath.ExitPos(path), true
			}
		}
	}
	return token.NoPos, false
}

// fromCall reports whether the condition v is computed, within a few
// steps, from the result of a call.
func fromCall(v ssa.Value, depth int) bool {
	if depth > 3 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Call:
		return apimatch.Builtin(&v.Call) == ""
	case *ssa.Extract:
		return fromCall(v.Tuple, depth+1)
	case *ssa.BinOp:
		return fromCall(v.X, depth+1) || fromCall(v.Y, depth+1)
	case *ssa.UnOp:
		return v.Op == token.NOT && fromCall(v.X, depth+1)
	}
	return false
}
