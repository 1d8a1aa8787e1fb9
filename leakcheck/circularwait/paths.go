package circularwait

import (
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
)

// alwaysReached reports whether every run of fn reaches instr, unless it
// panics: no path from the entry avoids instr to a return or into a loop
// it cannot leave.
func alwaysReached(fn *ssa.Function, instr ssa.Instruction) bool {
	target := instr.Block()
	comp, cyclic := cfgpath.SCCs(fn)
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

// after reports whether what takes effect at pt can only do so once b, a
// blocked operation, has been passed: both are in the code of one root,
// and where their chains part, in one function, every path from its
// entry to pt's step passes b's first. A deferred step takes effect when
// its function returns, which every run does only after passing b's step
// (blocks checks that each is always reached), unless a recover lets it
// return from a panic.
func after(b, pt point) bool {
	for k := range min(len(b), len(pt)) {
		x, y := b[k], pt[k]
		if x.instr == y.instr {
			continue
		}
		fn := x.instr.Parent()
		if y.instr.Parent() != fn {
			return false
		}
		if y.exit && !mayRecover(fn) {
			return true
		}
		if y.instr.Block() == x.instr.Block() {
			return cfgpath.Index(x.instr) < cfgpath.Index(y.instr)
		}
		avoid := cfgpath.Points{}
		avoid.Add(x.instr.Block(), nil)
		target := y.instr.Block()
		return cfgpath.PathAvoiding(fn.Blocks[0].Instrs[0], avoid, nil, func(bb *ssa.BasicBlock) bool { return bb == target }) == nil
	}
	// One chain contains the other: the same operation, or an operation
	// of another package at the call that leads to b.
	return false
}

// dominates reports whether every path to b passes a first.
func dominates(a, b ssa.Instruction) bool {
	if a.Block() == b.Block() {
		return cfgpath.Index(a) < cfgpath.Index(b)
	}
	return a.Block().Dominates(b.Block())
}

// mayRecover reports whether a function fn defers may call recover: one
// it cannot see, or one that calls the builtin.
func mayRecover(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok || apimatch.Builtin(d.Common()) != "" {
				continue
			}
			callee := d.Call.StaticCallee()
			if callee == nil || callee.Blocks == nil {
				return true
			}
			for _, cb := range callee.Blocks {
				for _, ci := range cb.Instrs {
					if c, ok := ci.(*ssa.Call); ok && apimatch.Builtin(c.Common()) == "recover" {
						return true
					}
				}
			}
		}
	}
	return false
}
