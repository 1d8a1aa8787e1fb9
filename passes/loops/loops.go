// Package loops finds what runs more than once per call of a function:
// the SSA blocks that lie on a cycle of their function's control-flow
// graph, whatever built the cycle (for, range over anything, goto,
// for {}), and the AST loop statements around a position.
//
// A block is "in a loop" when it can run again in the same call of the
// source function: a block inside a loop statement whose every path
// leaves the loop (the body returns or breaks right away) is not, which
// is what a per-iteration finding wants. The body of a range-over-func
// loop, which go/ssa builds as a synthetic yield function called once
// per iteration, is in a loop where it can go on to the next iteration.
package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

// Analyzer computes the cyclic blocks of every source function.
var Analyzer = &analysis.Analyzer{
	Name:       "loops",
	Doc:        "find the SSA blocks that lie on a cycle of their function",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Info](),
}

// Info records, for every block on a cycle, the index of its strongly
// connected component in its function.
type Info struct {
	scc map[*ssa.BasicBlock]int
}

// InLoop reports whether b can run more than once per call of its function.
func (info *Info) InLoop(b *ssa.BasicBlock) bool {
	_, ok := info.scc[b]
	return ok
}

// Exits returns the blocks outside the cycle through b that the cycle's
// blocks branch to: the ways out of the loop. It returns nil for a block
// on no cycle.
func (info *Info) Exits(b *ssa.BasicBlock) []*ssa.BasicBlock {
	id, ok := info.scc[b]
	if !ok {
		return nil
	}
	var exits []*ssa.BasicBlock
	for _, x := range b.Parent().Blocks {
		if xid, ok := info.scc[x]; !ok || xid != id {
			continue
		}
		for _, s := range x.Succs {
			if sid, ok := info.scc[s]; (!ok || sid != id) && !slices.Contains(exits, s) {
				exits = append(exits, s)
			}
		}
	}
	return exits
}

// SameLoop reports whether a and b lie on a common cycle.
func (info *Info) SameLoop(a, b *ssa.BasicBlock) bool {
	ia, oka := info.scc[a]
	ib, okb := info.scc[b]
	return oka && okb && ia == ib && a.Parent() == b.Parent()
}

func run(pass *analysis.Pass) (any, error) {
	ssaInfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	info := &Info{scc: make(map[*ssa.BasicBlock]int)}
	for _, fn := range ssaInfo.SrcFuncs {
		cyclicBlocks(fn, info.scc)
		continuing(fn, info.scc)
	}
	return info, nil
}

// continuing records in out, as one more component of fn (a yield
// function), the blocks of fn not already on a cycle from which fn can
// return true, asking the iterator for the next iteration: they can run
// again within one call of the function that holds the range statement.
func continuing(fn *ssa.Function, out map[*ssa.BasicBlock]int) {
	var work []*ssa.BasicBlock
	seen := make(map[*ssa.BasicBlock]bool)
	for _, b := range fn.Blocks {
		if NextIteration(b) {
			work = append(work, b)
			seen[b] = true
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if _, cyclic := out[b]; !cyclic {
			out[b] = len(fn.Blocks)
		}
		for _, p := range b.Preds {
			if !seen[p] {
				seen[p] = true
				work = append(work, p)
			}
		}
	}
}

// NextIteration reports whether b ends the body of a range-over-func
// loop (a yield function) by returning true: the iterator goes on to the
// next iteration, which runs the body again from its start.
func NextIteration(b *ssa.BasicBlock) bool {
	if _, yield := b.Parent().Syntax().(*ast.RangeStmt); !yield || len(b.Instrs) == 0 {
		return false
	}
	ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	c, ok := ret.Results[0].(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.Bool && constant.BoolVal(c.Value)
}

// cyclicBlocks records in out the blocks of fn that belong to a
// strongly connected component with a cycle (Tarjan's algorithm, with an
// explicit stack so that huge generated functions cannot overflow).
func cyclicBlocks(fn *ssa.Function, out map[*ssa.BasicBlock]int) {
	n := len(fn.Blocks)
	if n == 0 {
		return
	}
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next := 0
	type frame struct{ b, succ int }
	for root := range fn.Blocks {
		if index[root] >= 0 {
			continue
		}
		work := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(work) > 0 {
			top := &work[len(work)-1]
			b := fn.Blocks[top.b]
			if top.succ < len(b.Succs) {
				s := b.Succs[top.succ].Index
				top.succ++
				if index[s] < 0 {
					index[s], low[s] = next, next
					next++
					stack = append(stack, s)
					onStack[s] = true
					work = append(work, frame{s, 0})
				} else if onStack[s] {
					low[top.b] = min(low[top.b], index[s])
				}
				continue
			}
			v := top.b
			work = work[:len(work)-1]
			if len(work) > 0 {
				p := work[len(work)-1].b
				low[p] = min(low[p], low[v])
			}
			if low[v] != index[v] {
				continue
			}
			var comp []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, w)
				if w == v {
					break
				}
			}
			if len(comp) > 1 || selfLoop(fn.Blocks[v]) {
				for _, w := range comp {
					out[fn.Blocks[w]] = v
				}
			}
		}
	}
}

func selfLoop(b *ssa.BasicBlock) bool {
	for _, s := range b.Succs {
		if s == b {
			return true
		}
	}
	return false
}

// Enclosing returns the innermost for or range statement of path (as
// given by astutil.PathEnclosingInterval or a cursor's enclosing nodes,
// innermost first) that lies in the same function as path[0], or nil.
func Enclosing(path []ast.Node) ast.Stmt {
	for _, n := range path {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return n.(ast.Stmt)
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		}
	}
	return nil
}

// Path returns the AST nodes enclosing the interval [start, end) of the
// inspected files, innermost first, or nil if no file holds it.
func Path(insp *inspector.Inspector, start, end token.Pos) []ast.Node {
	cur, ok := insp.Root().FindByPos(start, end)
	if !ok {
		return nil
	}
	var path []ast.Node
	for c := range cur.Enclosing() {
		path = append(path, c.Node())
	}
	return path
}

// Body returns the body of a for or range statement.
func Body(loop ast.Stmt) *ast.BlockStmt {
	switch loop := loop.(type) {
	case *ast.ForStmt:
		return loop.Body
	case *ast.RangeStmt:
		return loop.Body
	}
	return nil
}

// Contains reports whether pos lies within n.
func Contains(n ast.Node, pos token.Pos) bool {
	return n.Pos() <= pos && pos < n.End()
}

// Exits returns the statements of body that transfer control out of it
// (return, goto, and break or continue whose target encloses body),
// ignoring those inside function literals. Moving body into a function
// literal is safe only when there are none.
func Exits(body *ast.BlockStmt) []ast.Stmt {
	var exits []ast.Stmt
	labels := map[string]bool{} // labels declared inside body
	ast.Inspect(body, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			labels[l.Label.Name] = true
		}
		return true
	})
	var walk func(n ast.Node, inLoop, inBreakable bool)
	walk = func(n ast.Node, inLoop, inBreakable bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			if c == n {
				return true
			}
			switch c := c.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				exits = append(exits, c)
			case *ast.ForStmt, *ast.RangeStmt:
				walk(c, true, true)
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				walk(c, inLoop, true)
				return false
			case *ast.BranchStmt:
				switch {
				case c.Tok == token.FALLTHROUGH:
				case c.Label != nil:
					if !labels[c.Label.Name] {
						exits = append(exits, c)
					}
				case c.Tok == token.GOTO:
					exits = append(exits, c)
				case c.Tok == token.BREAK && !inBreakable, c.Tok == token.CONTINUE && !inLoop:
					exits = append(exits, c)
				}
			}
			return true
		})
	}
	walk(body, false, false)
	return exits
}
