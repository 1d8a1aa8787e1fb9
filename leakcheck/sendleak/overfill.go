package sendleak

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/primitives"
)

// overfill reports the send that overflows the buffer of a channel kept
// in a field, when the function that made the value (through a
// constructor that starts nothing) sends more values than the buffer
// holds before anything can receive: before the value is handed to any
// other code, a goroutine included. The function's top-level statements
// run in order; a send in a loop counts the loop's constant trip count.
func overfill(pass *analysis.Pass, model *primitives.Model, insp *inspector.Inspector, funcs []*ssa.Function) {
	for _, l := range model.Locs {
		size := l.Cap()
		if l.Kind != primitives.Chan || l.Elem || !l.Known() || size <= 0 || l.Outside.Has(primitives.Recv) || l.Outside.Has(primitives.Range) {
			continue
		}
		senders := sendsOnce(l)
		for _, fn := range funcs {
			for instr := range apimatch.Instructions([]*ssa.Function{fn}) {
				if v, ok := instr.(ssa.Value); ok && fresh(v) {
					if pos, first, ok := overflow(pass, insp, l, v, senders, size); ok {
						pass.Report(analysis.Diagnostic{
							Pos:     pos,
							Message: fmt.Sprintf("send blocks forever: the channel's buffer of %d is full and nothing can receive from it yet", size),
							Related: append([]analysis.RelatedInformation{{Pos: first, Message: "the buffer fills from here"}},
								primitives.Made(l, "the channel")...),
						})
					}
				}
			}
		}
	}
}

// fresh reports whether v is a struct nothing else has seen yet: a
// composite literal, or the result of a constructor of the package that
// starts no goroutine and calls nothing.
func fresh(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Alloc:
		return v.Heap
	case *ssa.Call:
		fn := v.Call.StaticCallee()
		if fn == nil || fn.Blocks == nil || fn.Parent() != nil {
			return false
		}
		for instr := range apimatch.Instructions([]*ssa.Function{fn}) {
			if call, ok := instr.(ssa.CallInstruction); ok && apimatch.Builtin(call.Common()) == "" {
				return false
			}
		}
		return true
	}
	return false
}

// sendsOnce returns, for each function that sends on l through a field of
// one of its parameters exactly once on every path and does nothing else
// with l, that parameter's index.
func sendsOnce(l *primitives.Loc) map[*ssa.Function]int {
	count := map[*ssa.Function]int{}
	param := map[*ssa.Function]int{}
	for _, op := range l.Ops {
		fn := op.Instr.Parent()
		count[fn]++
		idx := -1
		if load, ok := op.Value.(*ssa.UnOp); ok && op.Kind == primitives.Send && op.Chan.Select == nil {
			if fa, ok := load.X.(*ssa.FieldAddr); ok {
				if p, ok := fa.X.(*ssa.Parameter); ok {
					idx = slices.Index(fn.Params, p)
				}
			}
		}
		if idx < 0 || op.Remote || !everyPath(op.Instr.Block()) {
			param[fn] = -1
		} else if _, seen := param[fn]; !seen {
			param[fn] = idx
		}
	}
	once := map[*ssa.Function]int{}
	for fn, idx := range param {
		if idx >= 0 && count[fn] == 1 {
			once[fn] = idx
		}
	}
	return once
}

// everyPath reports whether b runs on every path of its function that
// returns.
func everyPath(b *ssa.BasicBlock) bool {
	for _, x := range b.Parent().Blocks {
		if _, ok := x.Instrs[len(x.Instrs)-1].(*ssa.Return); ok && !b.Dominates(x) {
			return false
		}
	}
	return true
}

type fill struct {
	pos   token.Pos
	count int64 // -1 for any other use of the value
}

// overflow returns the send of v's channel that overflows a buffer of
// size, and the first send.
func overflow(pass *analysis.Pass, insp *inspector.Inspector, l *primitives.Loc, v ssa.Value, senders map[*ssa.Function]int, size int64) (token.Pos, token.Pos, bool) {
	var fills []fill
	for _, use := range uses(v) {
		n := int64(-1)
		switch ref := use.instr.(type) {
		case *ssa.DebugRef:
			continue
		case *ssa.FieldAddr:
			if apimatch.FieldVar(ref) != l.Var {
				// Another field: its stores and loads see no channel.
				continue
			}
			if n = directSends(ref); n == 0 {
				// Only stored to: the make of a composite literal.
				continue
			}
		case ssa.CallInstruction:
			if idx, ok := senders[ref.Common().StaticCallee()]; ok && idx < len(ref.Common().Args) && ref.Common().Args[idx] == use.v {
				n = 1
			}
		case *ssa.Store:
			if ref.Val != use.v {
				continue
			}
		}
		if n > 0 {
			n = repeats(pass, insp, use.instr, n)
		}
		pos := use.instr.Pos()
		if mc, ok := use.instr.(*ssa.MakeClosure); ok {
			pos = mc.Fn.Pos()
		}
		fills = append(fills, fill{pos, n})
	}
	slices.SortFunc(fills, func(a, b fill) int { return cmp.Compare(a.pos, b.pos) })
	// A use with no position cannot be placed before or after the sends.
	if len(fills) > 0 && !fills[0].pos.IsValid() {
		return token.NoPos, token.NoPos, false
	}

	total, first := int64(0), token.NoPos
	for _, f := range fills {
		if f.count < 0 {
			return token.NoPos, token.NoPos, false
		}
		if !first.IsValid() {
			first = f.pos
		}
		if total += f.count; total > size {
			return f.pos, first, true
		}
	}
	return token.NoPos, token.NoPos, false
}

type use struct {
	v     ssa.Value // v, or a load of the variable holding it
	instr ssa.Instruction
}

// uses returns the uses of v, seen through the variable it is kept in
// when a closure captures it: the loads of the variable stand for v.
func uses(v ssa.Value) []use {
	var out []use
	for _, ref := range *v.Referrers() {
		st, ok := ref.(*ssa.Store)
		cell, isCell := ssa.Value(nil), false
		if ok && st.Val == v {
			cell, isCell = st.Addr.(*ssa.Alloc)
		}
		if !isCell || !storedOnce(cell, st) {
			out = append(out, use{v, ref})
			continue
		}
		for _, cref := range *cell.Referrers() {
			load, ok := cref.(*ssa.UnOp)
			switch {
			case cref == st:
			case ok && load.Op == token.MUL:
				for _, lref := range *load.Referrers() {
					out = append(out, use{load, lref})
				}
			default:
				out = append(out, use{cell, cref})
			}
		}
	}
	return out
}

// storedOnce reports whether st is the only store into cell.
func storedOnce(cell ssa.Value, st *ssa.Store) bool {
	for _, ref := range *cell.Referrers() {
		if s, ok := ref.(*ssa.Store); ok && s != st && s.Addr == cell {
			return false
		}
	}
	return true
}

// directSends returns how many sends the field address fa is loaded for,
// with stores into it not counted, or -1 for any other use.
func directSends(fa *ssa.FieldAddr) int64 {
	n := int64(0)
	for _, use := range *fa.Referrers() {
		load, ok := use.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			if _, ok := use.(*ssa.Store); ok {
				continue
			}
			return -1
		}
		for _, u := range *load.Referrers() {
			if send, ok := u.(*ssa.Send); !ok || send.Chan != load {
				return -1
			}
			n++
		}
	}
	return n
}

// repeats returns n times the number of times instr runs when that is
// certain: once for a top-level statement of its function, the constant
// trip count for a statement directly in a top-level loop that cannot be
// left early; -1 otherwise.
func repeats(pass *analysis.Pass, insp *inspector.Inspector, instr ssa.Instruction, n int64) int64 {
	path := loops.Path(insp, instr.Pos(), instr.Pos()+1)
	times := int64(1)
	for _, node := range path {
		switch node := node.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n * times
		case *ast.ForStmt, *ast.RangeStmt:
			tc, ok := loops.Trips(pass.TypesInfo, node.(ast.Stmt))
			if !ok || times != 1 || tc.Expr == nil || len(loops.Exits(loops.Body(node.(ast.Stmt)))) > 0 {
				return -1
			}
			k, ok := constantCount(pass, tc.Expr)
			if !ok {
				return -1
			}
			times = k
		case *ast.BlockStmt, *ast.ExprStmt, *ast.SendStmt, *ast.CallExpr, *ast.SelectorExpr, *ast.Ident, *ast.BasicLit, *ast.UnaryExpr, *ast.BinaryExpr:
		default:
			return -1
		}
	}
	return -1
}

func constantCount(pass *analysis.Pass, e ast.Expr) (int64, bool) {
	tv, ok := pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}
