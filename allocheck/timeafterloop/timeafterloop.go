package timeafterloop

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/constant"
	"go/format"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/goversion"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "timeafterloop",
	Doc:      analysisdoc.MustExtract(doc, "timeafterloop"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/allocheck/timeafterloop",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, loops.Analyzer, inspect.Analyzer},
	Run:      run,
	Flags:    flags(),
}

// Meta places timeafterloop among gohazard's analyzers. Off by default: 0
// of 2 findings real in the survey of five modules.
var Meta = meta.Info{Family: meta.AllocCheck, Default: false, Since: "v0.1.0", Severity: meta.Warning}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("timeafterloop", flag.ExitOnError)
	fs.Bool("restart", false, "also report in files at Go 1.23 or later, where the timers are collected: a timeout that restarts whenever another case wins")
	return *fs
}

func run(pass *analysis.Pass) (any, error) {
	ssaInfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	loopInfo := pass.ResultOf[loops.Analyzer].(*loops.Info)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	restart := pass.Analyzer.Flags.Lookup("restart").Value.(flag.Getter).Get().(bool)
	for instr := range apimatch.Instructions(ssaInfo.SrcFuncs) {
		call, ok := instr.(*ssa.Call)
		if !ok || !loopInfo.InLoop(call.Block()) {
			continue
		}
		isTick := apimatch.CallsFunc(&call.Call, "time", "Tick")
		if !isTick && !apimatch.CallsFunc(&call.Call, "time", "After") {
			continue
		}
		// From Go 1.23 the timers are collected: what is left is a
		// timeout that restarts with every other case, usually the
		// intent (an idle timeout).
		if !restart && goversion.AtLeast(pass, call.Pos(), goversion.TimersCollectable) {
			continue
		}
		if consumedPerIteration(call, isTick) && !runsOnce(pass, insp, call) {
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
// Nor does a case receiving from a context's Done channel count: once
// closed it stays ready, so the timer is the loop's cancellable sleep
// (select { case <-ctx.Done(): case <-time.After(backoff): } in a retry
// loop), never restarted while it waits.
func otherCaseLoops(sel *ssa.Select, ch ssa.Value) bool {
	bodies, deflt := chanop.CaseBodies(sel)
	for i, st := range sel.States {
		if st.Chan == ch || ctxDone(st.Chan) {
			bodies[i] = nil
		}
	}
	for _, body := range append(bodies, deflt) {
		if body == nil {
			continue
		}
		// In a range-over-func body, the next iteration starts over
		// when the yield function returns true.
		back := cfgpath.PathAvoiding(body.Instrs[0], nil, nil, func(b *ssa.BasicBlock) bool { return b == sel.Block() || loops.NextIteration(b) })
		if back != nil || body == sel.Block() || loops.NextIteration(body) {
			return true
		}
	}
	return false
}

// ctxDone reports whether v is the result of calling Done on a
// context.Context.
func ctxDone(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	return ok && apimatch.IsMethod(apimatch.Callee(&call.Call), "context", "Context", "Done")
}

// runsOnce reports whether the select receiving from call runs at most
// once per loop: it lies in an if whose condition requires a boolean
// local (first, or !done) that the if's body clears before any way back
// to the loop, and that nothing in the loop sets again, or requires the
// loop's counter to equal a constant (i == 0).
func runsOnce(pass *analysis.Pass, insp *inspector.Inspector, call *ssa.Call) bool {
	path := loops.Path(insp, call.Pos(), call.Pos()+1)
	loop := loops.Enclosing(path)
	if loop == nil {
		return false
	}
	for _, n := range path {
		if n == loop {
			return false
		}
		if ifs, ok := n.(*ast.IfStmt); ok && loops.Contains(ifs.Body, call.Pos()) && onceGuard(pass.TypesInfo, ifs, loop, path) {
			return true
		}
	}
	return false
}

// onceGuard reports whether ifs is guarded by a flag that its body
// clears: a conjunct of the condition is b (or !b) for a local boolean b
// declared outside loop, ifs's body assigns !b (b) among its own
// statements and leaves only by return, and every other assignment to b
// in the function, inside loop or in a function literal, clears it too.
func onceGuard(info *types.Info, ifs *ast.IfStmt, loop ast.Stmt, path []ast.Node) bool {
	fn := enclosingFunc(path)
	if fn == nil {
		return false
	}
	for _, c := range conjuncts(ifs.Cond) {
		if counterIs(info, c, loop) {
			return true
		}
		set := true
		if u, ok := c.(*ast.UnaryExpr); ok && u.Op == token.NOT {
			c, set = ast.Unparen(u.X), false
		}
		id, ok := c.(*ast.Ident)
		if !ok {
			continue
		}
		b, ok := info.Uses[id].(*types.Var)
		if !ok || !isBool(b.Type()) || loops.Contains(loop, b.Pos()) || !loops.Contains(fn, b.Pos()) {
			continue
		}
		if !clears(info, ifs.Body.List, b, set) || slices.ContainsFunc(loops.Exits(ifs.Body), notReturn) {
			continue
		}
		if onlyClears(info, fn, loop, b, set) {
			return true
		}
	}
	return false
}

// counterIs reports whether c is i == K for a constant K and the counter
// i of loop, which takes each value once: a for loop that defines i and
// only increments or decrements it, or the key of a range over a slice,
// array, string, integer or map. The body must not assign i.
func counterIs(info *types.Info, c ast.Expr, loop ast.Stmt) bool {
	eq, ok := c.(*ast.BinaryExpr)
	if !ok || eq.Op != token.EQL {
		return false
	}
	x, k := ast.Unparen(eq.X), eq.Y
	if info.Types[x].Value != nil {
		x, k = ast.Unparen(eq.Y), eq.X
	}
	id, ok := x.(*ast.Ident)
	if !ok || info.Types[k].Value == nil {
		return false
	}
	i, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	var def ast.Expr
	switch loop := loop.(type) {
	case *ast.ForStmt:
		init, ok := loop.Init.(*ast.AssignStmt)
		post, ok2 := loop.Post.(*ast.IncDecStmt)
		if !ok || !ok2 || init.Tok != token.DEFINE || len(init.Lhs) != 1 || !isVar(info, post.X, i) {
			return false
		}
		def = init.Lhs[0]
	case *ast.RangeStmt:
		t := info.TypeOf(loop.X)
		if t == nil || loop.Tok != token.DEFINE || loop.Key == nil {
			return false
		}
		switch u := t.Underlying().(type) {
		case *types.Signature, *types.Chan:
			return false
		case *types.Pointer:
			if _, ok := u.Elem().Underlying().(*types.Array); !ok {
				return false
			}
		}
		def = loop.Key
	default:
		return false
	}
	defID, ok := def.(*ast.Ident)
	return ok && info.Defs[defID] == i && !loops.AssignsAny(info, loops.Body(loop), []*types.Var{i})
}

func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// enclosingFunc returns the innermost function declaration or literal
// of path, or nil.
func enclosingFunc(path []ast.Node) ast.Node {
	for _, n := range path {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
}

func conjuncts(e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if bin, ok := e.(*ast.BinaryExpr); ok && bin.Op == token.LAND {
		return append(conjuncts(bin.X), conjuncts(bin.Y)...)
	}
	return []ast.Expr{e}
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

func notReturn(s ast.Stmt) bool {
	_, ok := s.(*ast.ReturnStmt)
	return !ok
}

// clears reports whether one of stmts is b = !set.
func clears(info *types.Info, stmts []ast.Stmt, b *types.Var, set bool) bool {
	for _, s := range stmts {
		if a, ok := s.(*ast.AssignStmt); ok && clearing(info, a, b, set) {
			return true
		}
	}
	return false
}

// clearing reports whether a is b = !set, with a constant.
func clearing(info *types.Info, a *ast.AssignStmt, b *types.Var, set bool) bool {
	if a.Tok != token.ASSIGN || len(a.Lhs) != 1 || len(a.Rhs) != 1 {
		return false
	}
	id, ok := ast.Unparen(a.Lhs[0]).(*ast.Ident)
	if !ok || info.Uses[id] != b {
		return false
	}
	tv := info.Types[a.Rhs[0]]
	return tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) != set
}

// onlyClears reports whether every assignment to b in loop or in a
// function literal of fn clears it, and b's address is never taken.
func onlyClears(info *types.Info, fn ast.Node, loop ast.Stmt, b *types.Var, set bool) bool {
	is := func(e ast.Expr) bool {
		id, isIdent := ast.Unparen(e).(*ast.Ident)
		return isIdent && info.Uses[id] == b
	}
	ok := true
	var walk func(n ast.Node, inLit bool)
	walk = func(n ast.Node, inLit bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			switch c := c.(type) {
			case *ast.FuncLit:
				if c != n {
					walk(c, true)
					return false
				}
			case *ast.UnaryExpr:
				ok = ok && !(c.Op == token.AND && is(c.X))
			case *ast.RangeStmt:
				ok = ok && !(c.Key != nil && is(c.Key) || c.Value != nil && is(c.Value))
			case *ast.AssignStmt:
				if inLit || loops.Contains(loop, c.Pos()) {
					ok = ok && (clearing(info, c, b, set) || !slices.ContainsFunc(c.Lhs, is))
				}
			}
			return ok
		})
	}
	walk(fn, false)
	return ok
}

func report(pass *analysis.Pass, insp *inspector.Inspector, call *ssa.Call, isTick bool) {
	collectable := goversion.AtLeast(pass, call.Pos(), goversion.TimersCollectable)
	var msg string
	switch {
	case isTick && collectable:
		msg = "time.Tick in a loop restarts the ticking whenever another case wins: each iteration starts a new ticker"
	case isTick:
		msg = "time.Tick in a loop leaks a ticker per iteration: before Go 1.23 no ticker is ever collected"
	case collectable:
		msg = "time.After in a loop restarts the timeout whenever another case wins: each iteration arms a new timer"
	default:
		msg = "time.After in a loop grows memory with the iteration rate: before Go 1.23 no timer is collected until it fires"
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
	if !invariant(pass, d, loop) || hasGoto(enclosingFunc(path)) {
		return analysis.SuggestedFix{}, false
	}
	before, selStmt := labeled(path, loop), labeled(path, sel)
	name, ok := freeName(pass, path, before)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	dur := nodeText(pass.Fset, d)
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
			if call, ok := n2.(*ast.CallExpr); ok && apimatch.IsFunc(typeutil.Callee(pass.TypesInfo, call), "time", "After") {
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

// freeName returns "timer", or "timer2", ..., a name for a variable
// declared right before stmt that collides with nothing: it is not
// visible at stmt, and no identifier from stmt to the end of the block
// holding it (nested scopes included) is spelled so, which would be
// redeclared, shadowed or captured.
func freeName(pass *analysis.Pass, path []ast.Node, stmt ast.Node) (string, bool) {
	i := slices.Index(path, stmt)
	if i < 0 || i+1 >= len(path) {
		return "", false
	}
	used := map[string]bool{}
	ast.Inspect(path[i+1], func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Pos() >= stmt.Pos() {
			used[id.Name] = true
		}
		return true
	})
	scope := pass.Pkg.Scope().Innermost(stmt.Pos())
	for i := 1; ; i++ {
		name := "timer"
		if i > 1 {
			name = fmt.Sprint("timer", i)
		}
		if used[name] {
			continue
		}
		if scope != nil {
			if _, obj := scope.LookupParent(name, stmt.Pos()); obj != nil {
				continue
			}
		}
		return name, true
	}
}

// hasGoto reports whether fn holds a goto, which might jump over a
// declaration inserted before a loop.
func hasGoto(fn ast.Node) bool {
	found := false
	if fn != nil {
		ast.Inspect(fn, func(n ast.Node) bool {
			if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO {
				found = true
			}
			return !found
		})
	}
	return found
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
