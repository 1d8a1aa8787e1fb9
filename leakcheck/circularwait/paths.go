package circularwait

import (
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/ssautil"
)

// alwaysReached reports whether every run of fn reaches instr, unless it
// panics: no path from the entry avoids instr to a return or into a loop
// it cannot leave.
func alwaysReached(fn *ssa.Function, instr ssa.Instruction) bool {
	target := instr.Block()
	comp, cyclic := ssautil.SCCs(fn)
	leaves := map[int]bool{} // components with an edge out
	for _, b := range fn.Blocks {
		for _, s := range b.Succs {
			if comp[s.Index] != comp[b.Index] {
				leaves[comp[b.Index]] = true
			}
		}
	}
	seen := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == target || seen[b] {
			continue
		}
		seen[b] = true
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			return false
		}
		if cyclic[b.Index] && !leaves[comp[b.Index]] {
			return false
		}
		work = append(work, b.Succs...)
	}
	return true
}

// after reports whether what takes effect at pt can only do so once a run
// of fn has passed b: pt is in fn, and every path from the entry to it
// passes b first. A deferred operation takes effect when fn returns,
// which b's callers check that every run does only after passing b,
// unless a recover lets it return from a panic.
func after(fn *ssa.Function, b ssa.Instruction, pt point) bool {
	if pt.root != fn {
		return false
	}
	if pt.exit && !mayRecover(fn) {
		return true
	}
	if pt.instr == b {
		return false
	}
	if pt.instr.Block() == b.Block() {
		return ssautil.Index(b) < ssautil.Index(pt.instr)
	}
	avoid := ssautil.Points{}
	avoid.Add(b.Block(), nil)
	target := pt.instr.Block()
	return ssautil.PathAvoiding(fn.Blocks[0].Instrs[0], avoid, nil, func(x *ssa.BasicBlock) bool { return x == target }) == nil
}

// dominates reports whether every path to b passes a first.
func dominates(a, b ssa.Instruction) bool {
	if a.Block() == b.Block() {
		return ssautil.Index(a) < ssautil.Index(b)
	}
	return a.Block().Dominates(b.Block())
}

// mayRecover reports whether a function fn defers may call recover: one
// it cannot see, or one that calls the builtin.
func mayRecover(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok || ssautil.Builtin(d.Common()) != "" {
				continue
			}
			callee := d.Call.StaticCallee()
			if callee == nil || callee.Blocks == nil {
				return true
			}
			for _, cb := range callee.Blocks {
				for _, ci := range cb.Instrs {
					if c, ok := ci.(*ssa.Call); ok && ssautil.Builtin(c.Common()) == "recover" {
						return true
					}
				}
			}
		}
	}
	return false
}
