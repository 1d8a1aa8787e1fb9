package timeafterloop

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/goversion"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/ssautil"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "timeafterloop",
	Doc:      analysisdoc.MustExtract(doc, "timeafterloop"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/allocheck/timeafterloop",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, loops.Analyzer, inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	ssaInfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	loopInfo := pass.ResultOf[loops.Analyzer].(*loops.Info)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for instr := range ssautil.Instructions(ssaInfo.SrcFuncs) {
		call, ok := instr.(*ssa.Call)
		if !ok || !loopInfo.InLoop(call.Block()) {
			continue
		}
		isTick := ssautil.CallsFunc(&call.Call, "time", "Tick")
		if !isTick && !ssautil.CallsFunc(&call.Call, "time", "After") {
			continue
		}
		if consumedPerIteration(call, isTick) {
			report(pass, insp, call, isTick)
		}
	}
	return nil, nil
}

// consumedPerIteration reports whether the channel returned by call is
// only received from, right away: as a case of a select that can pick
// another case, or (for a ticker, which is never collected before Go
// 1.23) by a plain receive. A channel stored for later iterations, such
// as a deadline for the whole loop created lazily, is not reported.
func consumedPerIteration(call *ssa.Call, isTick bool) bool {
	refs := *call.Referrers()
	if len(refs) == 0 {
		return false
	}
	for _, ref := range refs {
		switch ref := ref.(type) {
		case *ssa.Select:
			if len(ref.States) < 2 && ref.Blocking || !otherCaseLoops(ref, call) {
				return false
			}
		case *ssa.UnOp:
			if ref.Op != token.ARROW || !isTick {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// otherCaseLoops reports whether a case of sel other than the one
// receiving from ch (or its default) can come back to sel: only then is a
// timer abandoned unfired and the timeout restarted. A polling loop whose
// other cases all leave creates one timer per timeout, each of which fires.
func otherCaseLoops(sel *ssa.Select, ch ssa.Value) bool {
	bodies, deflt := ssautil.CaseBodies(sel)
	for i, st := range sel.States {
		if st.Chan == ch {
			bodies[i] = nil
		}
	}
	for _, body := range append(bodies, deflt) {
		if body == nil {
			continue
		}
		back := ssautil.PathAvoiding(body.Instrs[0], nil, nil, func(b *ssa.BasicBlock) bool { return b == sel.Block() })
		if back != nil || body == sel.Block() {
			return true
		}
	}
	return false
}

func report(pass *analysis.Pass, insp *inspector.Inspector, call *ssa.Call, isTick bool) {
	collectable := goversion.AtLeast(pass, call.Pos(), goversion.TimersCollectable)
	var msg string
	switch {
	case isTick && collectable:
		msg = "time.Tick in a loop starts a new ticker on every iteration, so the ticking restarts whenever another case wins: create one time.NewTicker before the loop"
	case isTick:
		msg = "time.Tick in a loop starts a new ticker on every iteration, and before Go 1.23 no ticker is ever collected: they leak for the life of the process"
	case collectable:
		msg = "time.After in a loop allocates and arms a new timer on every iteration, and the timeout restarts whenever another case wins: create one timer before the loop and Reset it"
	default:
		msg = "time.After in a loop creates a new timer on every iteration, and before Go 1.23 none is collected until it fires: memory grows with the iteration rate"
	}
	diag := analysis.Diagnostic{Pos: call.Pos(), Message: msg}
	if path := loops.Path(insp, call.Pos(), call.Pos()+1); len(path) > 0 {
		if expr, ok := path[0].(*ast.CallExpr); ok {
			diag.Pos, diag.End = expr.Pos(), expr.End()
			if loop := loops.Enclosing(path); loop != nil {
				diag.Related = []analysis.RelatedInformation{{Pos: loop.Pos(), Message: "the loop"}}
				if !isTick && collectable {
					if fix, ok := hoist(pass, expr, path, loop); ok {
						diag.SuggestedFixes = []analysis.SuggestedFix{fix}
					}
				}
			}
		}
	}
	pass.Report(diag)
}

// hoist returns the fix that replaces "case <-time.After(d):" by one timer
// created before the loop and reset right before the select. It is only
// offered when the select is directly in the loop (not in a nested
// function or loop), the select has no other time.After, and d can be
// evaluated before the loop with no side effect. Correct from Go 1.23,
// where Reset discards an expiry that was not received.
func hoist(pass *analysis.Pass, call *ast.CallExpr, path []ast.Node, loop ast.Stmt) (analysis.SuggestedFix, bool) {
	sel := selectOf(call, path)
	if sel == nil || len(call.Args) != 1 || afterCalls(pass, sel) != 1 {
		return analysis.SuggestedFix{}, false
	}
	qual, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	if _, ok := qual.X.(*ast.Ident); !ok {
		return analysis.SuggestedFix{}, false
	}
	d := call.Args[0]
	if !invariant(pass, d, loop) {
		return analysis.SuggestedFix{}, false
	}
	name := freeName(pass, loop)
	dur := nodeText(pass.Fset, d)
	before, selStmt := labeled(path, loop), labeled(path, sel)
	return analysis.SuggestedFix{
		Message: "create one timer before the loop and reset it before the select",
		TextEdits: []analysis.TextEdit{
			{Pos: before.Pos(), End: before.Pos(), NewText: fmt.Appendf(nil, "%s := %s.NewTimer(%s)\n%s", name, nodeText(pass.Fset, qual.X), dur, indent(pass.Fset, before))},
			{Pos: selStmt.Pos(), End: selStmt.Pos(), NewText: fmt.Appendf(nil, "%s.Reset(%s)\n%s", name, dur, indent(pass.Fset, selStmt))},
			{Pos: call.Pos(), End: call.End(), NewText: []byte(name + ".C")},
		},
	}, true
}

// selectOf returns the select statement of which call is a case's channel
// ("case <-call:" or "case v := <-call:"), when no loop or function lies
// between the select and path's enclosing loop.
func selectOf(call *ast.CallExpr, path []ast.Node) *ast.SelectStmt {
	if len(path) < 6 {
		return nil
	}
	recv, ok := path[1].(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW {
		return nil
	}
	clause, ok := path[3].(*ast.CommClause)
	if !ok || clause.Comm != path[2] {
		return nil
	}
	sel, ok := path[5].(*ast.SelectStmt)
	if !ok || loops.Enclosing(path[5:]) != loops.Enclosing(path) {
		return nil
	}
	return sel
}

// afterCalls counts the time.After calls among the cases of sel.
func afterCalls(pass *analysis.Pass, sel *ast.SelectStmt) int {
	n := 0
	for _, c := range sel.Body.List {
		comm := c.(*ast.CommClause).Comm
		if comm == nil { // default
			continue
		}
		ast.Inspect(comm, func(n2 ast.Node) bool {
			if call, ok := n2.(*ast.CallExpr); ok && ssautil.IsFunc(typeutil.Callee(pass.TypesInfo, call), "time", "After") {
				n++
			}
			return true
		})
	}
	return n
}

// invariant reports whether e has no side effect and refers only to
// constants, types, packages and variables declared outside loop, so that
// it can be evaluated once before the loop as well as at every Reset.
func invariant(pass *analysis.Pass, e ast.Expr, loop ast.Stmt) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil, *ast.BasicLit, *ast.ParenExpr, *ast.BinaryExpr:
		case *ast.UnaryExpr:
			ok = ok && n.Op != token.ARROW
		case *ast.Ident:
			switch obj := pass.TypesInfo.Uses[n].(type) {
			case *types.Const, *types.TypeName, *types.PkgName, *types.Nil:
			case *types.Var:
				ok = ok && !loops.Contains(loop, obj.Pos())
			default:
				ok = false
			}
		case *ast.SelectorExpr:
			if sel := pass.TypesInfo.Selections[n]; sel != nil && sel.Kind() != types.FieldVal {
				ok = false
			}
		case *ast.CallExpr:
			ok = ok && pass.TypesInfo.Types[n.Fun].IsType()
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// freeName returns "timer", or "timer2", ..., whichever is neither visible
// at the loop nor used inside it.
func freeName(pass *analysis.Pass, loop ast.Stmt) string {
	used := map[string]bool{}
	ast.Inspect(loop, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			used[id.Name] = true
		}
		return true
	})
	scope := pass.Pkg.Scope().Innermost(loop.Pos())
	for i := 1; ; i++ {
		name := "timer"
		if i > 1 {
			name = fmt.Sprint("timer", i)
		}
		if used[name] {
			continue
		}
		if scope != nil {
			if _, obj := scope.LookupParent(name, loop.Pos()); obj != nil {
				continue
			}
		}
		return name
	}
}

// labeled returns the statement to insert before: stmt itself, or its
// label.
func labeled(path []ast.Node, stmt ast.Node) ast.Node {
	for i, n := range path {
		if n == stmt && i+1 < len(path) {
			if l, ok := path[i+1].(*ast.LabeledStmt); ok {
				return l
			}
		}
	}
	return stmt
}

// indent returns the tabs that gofmt puts before the statement at n.
func indent(fset *token.FileSet, n ast.Node) string {
	return strings.Repeat("\t", fset.Position(n.Pos()).Column-1)
}

func nodeText(fset *token.FileSet, n ast.Node) string {
	var buf bytes.Buffer
	format.Node(&buf, fset, n)
	return buf.String()
}
