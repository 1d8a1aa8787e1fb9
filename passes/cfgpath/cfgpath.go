// Package cfgpath answers questions about the paths of an SSA function's
// control flow graph: whether a path from a point reaches a return (or
// another destination) while avoiding a set of points, which branch
// conditions guard a block, which blocks lie on a cycle, and how much
// weight a path can pass.
package cfgpath

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
)

// Points is a set of program points in one function: an instruction, or
// the entry of a block (index 0). A path "passes" a point when it executes
// that instruction or enters that block. Only the last point of each block
// is kept: a path entering a block passes them all, and a path starting
// inside it passes one exactly when the last lies after its start.
type Points map[*ssa.BasicBlock]int

// Add adds the point of instr, or of the entry of b when instr is nil.
func (p Points) Add(b *ssa.BasicBlock, instr ssa.Instruction) {
	i := 0
	if instr != nil {
		i = Index(instr)
	}
	if old, ok := p[b]; !ok || i > old {
		p[b] = i
	}
}

// ReturnAvoiding returns a path of blocks from the block of from to a
// block that returns normally, executing nothing in from's block before
// from and passing none of avoid from it on, or nil when every path from
// from passes avoid (or panics, or never returns). The path is shortest
// in blocks, so reports are stable and point at the nearest return.
func ReturnAvoiding(from ssa.Instruction, avoid Points) []*ssa.BasicBlock {
	return PathAvoiding(from, avoid, nil, func(b *ssa.BasicBlock) bool {
		_, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		return ok
	})
}

// PathAvoiding is like ReturnAvoiding, with any block for which to
// returns true as the destination. A destination is reached when the path
// enters it, so a destination in avoid is never reached. The path takes
// no branch that contradicts assume (see Guards): a condition known to
// hold at from is not taken to fail later on the same path.
func PathAvoiding(from ssa.Instruction, avoid Points, assume Conds, to func(*ssa.BasicBlock) bool) []*ssa.BasicBlock {
	start := from.Block()
	if i, ok := avoid[start]; ok && i >= Index(from) {
		return nil
	}
	parent := map[*ssa.BasicBlock]*ssa.BasicBlock{start: nil}
	queue := []*ssa.BasicBlock{start}
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		if to(b) {
			var path []*ssa.BasicBlock
			for ; b != nil; b = parent[b] {
				path = append(path, b)
			}
			for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
				path[i], path[j] = path[j], path[i]
			}
			return path
		}
		for i, s := range b.Succs {
			if _, seen := parent[s]; seen {
				continue
			}
			if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
				if want, known := assume[CondKey(iff.Cond)]; known && want != (i == 0) {
					continue
				}
			}
			if _, blocked := avoid[s]; blocked {
				continue
			}
			parent[s] = b
			queue = append(queue, s)
		}
	}
	return nil
}

// Index returns the position of instr in its block.
func Index(instr ssa.Instruction) int {
	for i, x := range instr.Block().Instrs {
		if x == instr {
			return i
		}
	}
	return -1
}

// MaxPassed returns the largest total weight of the blocks a path from
// the entry of fn can pass, each block counted once per visit. A weighted
// block for which inLoop reports true can be passed without bound: the
// result is then -1.
func MaxPassed(fn *ssa.Function, weight map[*ssa.BasicBlock]int, inLoop func(*ssa.BasicBlock) bool) int {
	for b := range weight {
		if inLoop(b) {
			return -1
		}
	}
	// Longest path over the blocks; no weighted block lies on a cycle, so
	// cutting back edges where the walk meets them loses no weight.
	memo := map[*ssa.BasicBlock]int{}
	onStack := map[*ssa.BasicBlock]bool{}
	var longest func(*ssa.BasicBlock) int
	longest = func(b *ssa.BasicBlock) int {
		if n, ok := memo[b]; ok {
			return n
		}
		if onStack[b] {
			return 0
		}
		onStack[b] = true
		best := 0
		for _, s := range b.Succs {
			best = max(best, longest(s))
		}
		onStack[b] = false
		memo[b] = best + weight[b]
		return memo[b]
	}
	return longest(fn.Blocks[0])
}

// Conds maps conditions, by CondKey, to the value they are known to have.
type Conds map[string]bool

// Guards returns the branch conditions that must have held for control to
// reach b: for each dominator of b that ends in an if whose one successor
// alone leads to b, the condition and the edge taken. A branch on a cycle
// (a loop condition) is tested again with other values and guards nothing
// beyond one iteration, so it is left out.
func Guards(b *ssa.BasicBlock) Conds {
	conds := Conds{}
	// One pass finds every block on a cycle; a walk per dominator would
	// cost the whole graph at each.
	_, cyclic := SCCs(b.Parent())
	for child, d := b, b.Idom(); d != nil; child, d = d, d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || cyclic[d.Index] {
			continue
		}
		then, els := d.Succs[0], d.Succs[1]
		switch {
		case then.Dominates(child) && !els.Dominates(child) && then != els:
			conds[CondKey(iff.Cond)] = true
		case els.Dominates(child) && !then.Dominates(child) && then != els:
			conds[CondKey(iff.Cond)] = false
		}
	}
	return conds
}

// CondKey identifies a condition by what it computes, so that two tests
// of b == 10, len(xs) > 0 or s.flag in one function are one condition:
// comparisons by operator and operands, constants by value, len and cap
// of the same value, and loads of the same field or variable. (A field
// written between the two tests would make them differ; assuming it is
// not only ever hides a finding.)
func CondKey(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Const:
		return "const " + v.String()
	case *ssa.BinOp:
		return "(" + CondKey(v.X) + " " + v.Op.String() + " " + CondKey(v.Y) + ")"
	case *ssa.UnOp:
		return v.Op.String() + CondKey(v.X)
	case *ssa.FieldAddr:
		return CondKey(v.X) + fmt.Sprintf(".%d", v.Field)
	case *ssa.Field:
		return CondKey(v.X) + fmt.Sprintf(".%d", v.Field)
	case *ssa.Call:
		if b := apimatch.Builtin(&v.Call); (b == "len" || b == "cap") && len(v.Call.Args) == 1 {
			return b + "(" + CondKey(v.Call.Args[0]) + ")"
		}
	case *ssa.Extract:
		// The ok of x.(T): two assertions of one value to one type agree.
		if ta, ok := v.Tuple.(*ssa.TypeAssert); ok && v.Index == 1 {
			return "assert(" + CondKey(ta.X) + ", " + ta.AssertedType.String() + ")"
		}
	}
	return fmt.Sprintf("%p", v)
}

// ExitPos returns the position of the return that ends path: the return
// statement, or the closing brace of the function for the implicit return
// at its end.
func ExitPos(path []*ssa.BasicBlock) token.Pos {
	last := path[len(path)-1]
	if pos := last.Instrs[len(last.Instrs)-1].Pos(); pos.IsValid() {
		return pos
	}
	switch syn := last.Parent().Syntax().(type) {
	case *ast.FuncDecl:
		if syn.Body != nil {
			return syn.Body.Rbrace
		}
	case *ast.FuncLit:
		return syn.Body.Rbrace
	}
	return last.Parent().Pos()
}

// SCCs numbers the strongly connected components of fn's control flow
// graph (Tarjan's algorithm, one pass): two blocks share a number exactly
// when each reaches the other. cyclic reports the blocks that can reach
// themselves: those of a component with several blocks, and a block that
// jumps to itself.
func SCCs(fn *ssa.Function) (comp []int, cyclic []bool) {
	n := len(fn.Blocks)
	comp, cyclic = make([]int, n), make([]bool, n)
	index, low := make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next, ncomp := 0, 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, s := range fn.Blocks[v].Succs {
			w := s.Index
			if index[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		var members []int
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			comp[w] = ncomp
			members = append(members, w)
			if w == v {
				break
			}
		}
		for _, w := range members {
			cyclic[w] = len(members) > 1 || slices.Contains(fn.Blocks[w].Succs, fn.Blocks[w])
		}
		ncomp++
	}
	for v := range n {
		if index[v] < 0 {
			visit(v)
		}
	}
	return comp, cyclic
}
