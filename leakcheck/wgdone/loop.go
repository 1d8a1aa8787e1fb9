package wgdone

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/ssaref"
)

// waitInStartingLoop reports a Wait inside the loop that starts the
// goroutines it waits for, when the counter was set before the loop and
// the loop adds nothing: the first Wait waits for goroutines that the
// later iterations would start, and blocks forever.
func waitInStartingLoop(pass *analysis.Pass, fn *ssa.Function, loopInfo *loops.Info) {
	adds := wgCalls(fn, "Add")
	for _, wait := range wgCalls(fn, "Wait") {
		if !loopInfo.InLoop(wait.Block()) {
			continue
		}
		wg := wait.Common().Args[0]
		var before ssa.CallInstruction
		inLoop := false
		for _, add := range adds {
			if !ssaref.MayBeSame(add.Common().Args[0], wg) {
				continue
			}
			if loopInfo.SameLoop(add.Block(), wait.Block()) {
				inLoop = true
			} else if add.Block().Dominates(wait.Block()) {
				before = add
			}
		}
		if inLoop || before == nil {
			continue
		}
		for instr := range apimatch.Instructions([]*ssa.Function{fn}) {
			g, ok := instr.(*ssa.Go)
			if ok && ssaref.Hands(g, wg) && loopInfo.SameLoop(g.Block(), wait.Block()) {
				pass.Report(analysis.Diagnostic{
					Pos:     wait.Pos(),
					Message: "Wait inside the loop that starts the goroutines blocks forever: the counter set before the loop also counts goroutines later iterations would start",
					Related: []analysis.RelatedInformation{
						{Pos: before.Pos(), Message: "the counter is set here, before the loop"},
						{Pos: g.Pos(), Message: "one goroutine is started per iteration"},
					},
				})
				break
			}
		}
	}
}

// addPerIteration reports wg.Add(n), right before a loop that runs n
// times (wg.Add(len(xs)) before a range over xs), where the loop does not
// start exactly one goroutine calling Done per iteration: a goroutine
// started under a condition, or after a continue or break could skip it,
// leaves Wait blocking forever; two per iteration make Done panic.
func addPerIteration(pass *analysis.Pass, insp *inspector.Inspector) {
	for cur := range insp.Root().Preorder((*ast.BlockStmt)(nil)) {
		block := cur.Node().(*ast.BlockStmt)
		for i, s := range block.List {
			add, recv := addCall(pass.TypesInfo, s)
			if add == nil || i+1 >= len(block.List) {
				continue
			}
			loop := block.List[i+1]
			tc, ok := loops.Trips(pass.TypesInfo, loop)
			if !ok || types.ExprString(add.Args[0]) != tc.Text(types.ExprString) {
				continue
			}
			body := loops.Body(loop)
			starts, top, ok := goroutinesDone(pass.TypesInfo, body, recv)
			if !ok || starts == 0 {
				continue
			}
			var msg string
			switch {
			case starts > 1:
				msg = fmt.Sprintf("Done panics on a negative counter: Add(%s) counts one goroutine per iteration, but each iteration starts %d", types.ExprString(add.Args[0]), starts)
			case !top || len(loops.Exits(body)) > 0:
				msg = fmt.Sprintf("Wait blocks forever when an iteration skips starting the goroutine: Add(%s) counts one per iteration", types.ExprString(add.Args[0]))
			default:
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos:     add.Pos(),
				End:     add.End(),
				Message: msg,
				Related: []analysis.RelatedInformation{{Pos: loop.Pos(), Message: "the loop"}},
			})
		}
	}
}

// addCall matches the statement wg.Add(n) and returns the call and wg.
func addCall(info *types.Info, s ast.Stmt) (*ast.CallExpr, ast.Expr) {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return nil, nil
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !apimatch.IsMethod(typeutil.Callee(info, call), "sync", "WaitGroup", "Add") {
		return nil, nil
	}
	return call, ast.Unparen(call.Fun).(*ast.SelectorExpr).X
}

// goroutinesDone counts the go statements of body (outside nested loops)
// that start a function literal calling recv.Done() once, and says
// whether the only one is a statement of body itself. It fails when
// anything else in body involves recv: another go statement, a nested
// loop, or the loop's own Done or Add.
func goroutinesDone(info *types.Info, body *ast.BlockStmt, recv ast.Expr) (n int, top bool, ok bool) {
	name := types.ExprString(recv)
	ok = true
	ast.Inspect(body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if mentionsWG(node, name) {
				ok = false
			}
			return false
		case *ast.GoStmt:
			lit, isLit := node.Call.Fun.(*ast.FuncLit)
			switch {
			case isLit && countDone(info, lit.Body, name) == 1:
				n++
				top = n == 1 && isStmtOf(body, node)
			case mentionsWG(node, name):
				ok = false
			}
			return false
		case ast.Expr:
			// The loop itself calls Done or Add: it does its own
			// accounting.
			if types.ExprString(node) == name {
				ok = false
			}
		}
		return true
	})
	return n, top, ok
}

// countDone counts the calls of (*sync.WaitGroup).Done on name in body,
// deferred or not.
func countDone(info *types.Info, body *ast.BlockStmt, name string) int {
	n := 0
	ast.Inspect(body, func(node ast.Node) bool {
		if call, ok := node.(*ast.CallExpr); ok && apimatch.IsMethod(typeutil.Callee(info, call), "sync", "WaitGroup", "Done") {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && types.ExprString(sel.X) == name {
				n++
			}
		}
		return true
	})
	return n
}

func mentionsWG(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(node ast.Node) bool {
		if e, ok := node.(ast.Expr); ok && types.ExprString(e) == name {
			found = true
		}
		return !found
	})
	return found
}

func isStmtOf(body *ast.BlockStmt, s ast.Stmt) bool {
	for _, x := range body.List {
		if x == s {
			return true
		}
	}
	return false
}
