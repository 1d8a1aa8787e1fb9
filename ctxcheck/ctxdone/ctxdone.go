package ctxdone

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/ctxscope"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "ctxdone",
	Doc:       analysisdoc.MustExtract(doc, "ctxdone"),
	URL:       "https://pkg.go.dev/github.com/gohazard/gohazard/ctxcheck/ctxdone",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(ClosesOnDone)},
}

// Meta places ctxdone among gohazard's analyzers. Off by default: 0 of 4
// remaining findings real in the survey of five modules (test hooks,
// fakes).
var Meta = meta.Info{Family: meta.CtxCheck, Default: false, Since: "v0.2.0", Severity: meta.Warning}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	cl := findClosers(pass, insp)
	for cur := range insp.Root().Preorder((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		loop := cur.Node().(ast.Stmt)
		var cond ast.Expr
		var post ast.Stmt
		if f, ok := loop.(*ast.ForStmt); ok {
			cond, post = f.Cond, f.Post
		}
		check(pass, cl, ctxscope.Path(cur), loop.Pos(), loops.Body(loop).List, cond, post)
	}
	for cur := range insp.Root().Preorder((*ast.BranchStmt)(nil)) {
		if stmts := gotoLoop(pass.TypesInfo, cur); stmts != nil {
			check(pass, cl, ctxscope.Path(cur), stmts[0].Pos(), stmts, nil, nil)
		}
	}
	return nil, nil
}

// check reports the blocking operations of stmts, the body of a loop at
// pos, when the loop never observes a context the function was given; its
// condition and post statement (or nil) run on every iteration too.
func check(pass *analysis.Pass, cl *closers, path []ast.Node, pos token.Pos, stmts []ast.Stmt, cond ast.Expr, post ast.Stmt) {
	info := pass.TypesInfo
	var srcs []ctxscope.Source
	for _, src := range given(ctxscope.InScope(info, path, pos)) {
		if !ctxscope.TestOwned(pass.Fset, src, ctxscope.Declaring(src, path)) {
			srcs = append(srcs, src)
		}
	}
	_, fn := ctxscope.Own(info, path, pos)
	if len(srcs) == 0 || fn == nil || ctxscope.RunsOnce(fn) {
		return
	}
	outer := outermost(path)
	exprs, aliases := ctxscope.Exprs(srcs), ctxscope.Aliases(info, outer, srcs)
	if observes(info, cond, append([]ast.Node{post}, nodes(stmts)...), exprs, aliases) {
		return
	}
	src := srcs[0]
	closed := closedOnDone(info, outer, exprs, aliases)
	cl.started(pass, outer, closed)
	isClosed := func(ch ast.Expr) bool { return closed[types.ExprString(ch)] || cl.closedField(info, ch) }
	for _, op := range blockingOps(info, stmts, outer, isClosed) {
		pass.Report(analysis.Diagnostic{
			Pos:     op.pos,
			Message: fmt.Sprintf("%s in a loop ignores %s (%s): the loop goes on after it is cancelled", op.what, src.Expr, ctxscope.Origin(src, path)),
			Related: []analysis.RelatedInformation{
				{Pos: pos, Message: "the loop; " + op.advice(src.Expr)},
				{Pos: src.Var.Pos(), Message: src.Expr + " comes from here"},
			},
		})
	}
}

// given returns the contexts the function was given by its caller: its
// parameters and the request it serves. A receiver's context field is the
// object's lifetime, which the object ends itself (a Close that stops its
// loops, then cancels), not a caller's request its methods must watch.
func given(srcs []ctxscope.Source) []ctxscope.Source {
	var out []ctxscope.Source
	for _, s := range ctxscope.Given(srcs) {
		if s.Kind != ctxscope.Field {
			out = append(out, s)
		}
	}
	return out
}

// gotoLoop returns the statements from a label to the goto at cur that
// jumps back to it: a loop written with goto. It returns nil for other
// branch statements.
func gotoLoop(info *types.Info, cur inspector.Cursor) []ast.Stmt {
	br := cur.Node().(*ast.BranchStmt)
	if br.Tok != token.GOTO || br.Label == nil {
		return nil
	}
	label, ok := info.Uses[br.Label].(*types.Label)
	if !ok || label.Pos() >= br.Pos() {
		return nil
	}
	for c := range cur.Enclosing() {
		var list []ast.Stmt
		switch n := c.Node().(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		}
		for i, s := range list {
			if ls, ok := s.(*ast.LabeledStmt); ok && ls.Label.Pos() == label.Pos() {
				j := i
				for j < len(list) && list[j].Pos() < br.End() {
					j++
				}
				return list[i:j]
			}
		}
	}
	return nil
}

// observes reports whether a loop, its condition cond and the other parts
// run on every iteration, observes one of the contexts exprs or aliases:
// they call its Done or Err, receive from its Done channel kept in a
// variable, or pass it to a call whose error ends the loop (a cancelled
// context makes that call fail).
func observes(info *types.Info, cond ast.Expr, parts []ast.Node, exprs map[string]bool, aliases map[*types.Var]bool) bool {
	if cond != nil {
		parts = append(parts, cond)
	}
	isCtx := func(e ast.Expr) bool { return ctxscope.IsContextExpr(info, e, exprs, aliases) }
	found := false
	errs := map[*types.Var]bool{} // errors of calls given the context
	var ctxCalls []*ast.CallExpr
	for _, part := range parts {
		if part == nil {
			continue
		}
		ast.Inspect(part, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Done" || sel.Sel.Name == "Err") && ctxscope.IsContext(info.TypeOf(sel.X)) && isCtx(sel.X) {
					found = true
				}
				if slices.ContainsFunc(n.Args, isCtx) && errorResult(info, n) >= 0 {
					ctxCalls = append(ctxCalls, n)
				}
			case *ast.UnaryExpr:
				found = found || n.Op == token.ARROW && isCtx(n.X)
			case *ast.AssignStmt:
				if call, ok := ast.Unparen(n.Rhs[len(n.Rhs)-1]).(*ast.CallExpr); ok && len(n.Rhs) == 1 && slices.ContainsFunc(call.Args, isCtx) {
					if i := errorResult(info, call); i >= 0 && i < len(n.Lhs) {
						if id, ok := n.Lhs[i].(*ast.Ident); ok {
							if v, ok := info.ObjectOf(id).(*types.Var); ok {
								errs[v] = true
							}
						}
					}
				}
			}
			return !found
		})
	}
	return found || endsLoop(info, cond, parts, errs, ctxCalls)
}

func nodes(stmts []ast.Stmt) []ast.Node {
	out := make([]ast.Node, len(stmts))
	for i, s := range stmts {
		out[i] = s
	}
	return out
}

// errorResult returns the index of call's error result, or -1.
func errorResult(info *types.Info, call *ast.CallExpr) int {
	switch t := info.TypeOf(call).(type) {
	case *types.Tuple:
		for i := range t.Len() {
			if types.Identical(t.At(i).Type(), types.Universe.Lookup("error").Type()) {
				return i
			}
		}
	case nil:
	default:
		if types.Identical(t, types.Universe.Lookup("error").Type()) {
			return 0
		}
	}
	return -1
}

// endsLoop reports whether the failure of one of calls, or an error
// of errs, ends the loop: an if statement of parts that tests it for
// err != nil leaves the loop, or the loop condition cond requires
// err == nil.
func endsLoop(info *types.Info, cond ast.Expr, parts []ast.Node, errs map[*types.Var]bool, calls []*ast.CallExpr) bool {
	failed := func(n ast.Node, op token.Token) bool {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if cmp, ok := n.(*ast.BinaryExpr); ok && cmp.Op == op {
				found = found || isNil(info, cmp.Y) && isErr(info, cmp.X, errs, calls) || isNil(info, cmp.X) && isErr(info, cmp.Y, errs, calls)
			}
			return !found
		})
		return found
	}
	if cond != nil && failed(cond, token.EQL) {
		return true
	}
	ends := false
	for _, part := range parts {
		if part == nil {
			continue
		}
		ast.Inspect(part, func(n ast.Node) bool {
			if ifs, ok := n.(*ast.IfStmt); ok && failed(ifs.Cond, token.NEQ) && leaves(ifs.Body) {
				ends = true
			}
			return !ends
		})
	}
	return ends
}

func isNil(info *types.Info, e ast.Expr) bool {
	return info.Types[e].IsNil()
}

// isErr reports whether e is one of errs or one of calls.
func isErr(info *types.Info, e ast.Expr, errs map[*types.Var]bool, calls []*ast.CallExpr) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v, ok := info.Uses[id].(*types.Var)
		return ok && errs[v]
	}
	call, ok := e.(*ast.CallExpr)
	return ok && slices.Contains(calls, call)
}

// leaves reports whether body has a statement that ends the loop around
// it: not a plain continue, which starts the next iteration.
func leaves(body *ast.BlockStmt) bool {
	for _, exit := range loops.Exits(body) {
		if br, ok := exit.(*ast.BranchStmt); !ok || br.Tok != token.CONTINUE || br.Label != nil {
			return true
		}
	}
	return false
}

// closedOnDone returns the channels that goroutines started by fn close
// after observing one of the contexts: waiting for one of them is waiting
// for the context, too.
func closedOnDone(info *types.Info, fn ast.Node, exprs map[string]bool, aliases map[*types.Var]bool) map[string]bool {
	closed := map[string]bool{}
	ast.Inspect(fn, func(n ast.Node) bool {
		g, ok := n.(*ast.GoStmt)
		if !ok {
			return true
		}
		lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
		if !ok || !observes(info, nil, []ast.Node{lit.Body}, exprs, aliases) {
			return true
		}
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 {
				if b, ok := typeutil.Callee(info, call).(*types.Builtin); ok && b.Name() == "close" {
					closed[types.ExprString(call.Args[0])] = true
				}
			}
			return true
		})
		return true
	})
	return closed
}

type op struct {
	pos   token.Pos
	what  string
	sleep bool
}

func (o op) advice(ctx string) string {
	if o.sleep {
		return fmt.Sprintf("wait in a select on <-%s.Done() and a timer", ctx)
	}
	return fmt.Sprintf("select on it together with <-%s.Done()", ctx)
}

// blockingOps returns the operations of stmts (not in nested loops or
// function literals) that block without a way to observe a context;
// closed tells the channels that close when the context is done.
func blockingOps(info *types.Info, stmts []ast.Stmt, fn ast.Node, closed func(ast.Expr) bool) []op {
	tokens := tokenChans(stmts)
	skip := func(ch ast.Expr) bool {
		s := types.ExprString(ch)
		return !foreign(info, ch, fn) || tokens[s] || closed(ch)
	}
	var ops []op
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
				return false
			case *ast.SelectStmt:
				if blocksInLoop(n) && !waitsOn(n, closed) {
					ops = append(ops, op{pos: n.Pos(), what: "select"})
				}
				return false // its cases are judged as a whole
			case *ast.CallExpr:
				if apimatch.IsFunc(typeutil.Callee(info, n), "time", "Sleep") {
					ops = append(ops, op{pos: n.Pos(), what: "time.Sleep", sleep: true})
				}
			case *ast.SendStmt:
				if !skip(n.Chan) {
					ops = append(ops, op{pos: n.Arrow, what: "send on " + types.ExprString(n.Chan)})
				}
			case *ast.UnaryExpr:
				if n.Op == token.ARROW && !skip(n.X) {
					ops = append(ops, op{pos: n.Pos(), what: "receive from " + types.ExprString(n.X)})
				}
			}
			return true
		})
	}
	return ops
}

// blocksInLoop reports whether sel blocks (no default) and none of its
// cases leaves the loop.
func blocksInLoop(sel *ast.SelectStmt) bool {
	for _, c := range sel.Body.List {
		cc := c.(*ast.CommClause)
		if cc.Comm == nil {
			return false
		}
		// In a select case an unlabeled break leaves the select and a
		// continue stays in the loop: only a return, a goto or a labeled
		// branch leaves it.
		for _, exit := range loops.Exits(&ast.BlockStmt{List: cc.Body}) {
			if br, ok := exit.(*ast.BranchStmt); !ok || br.Label != nil || br.Tok == token.GOTO {
				return false
			}
		}
	}
	return true
}

// waitsOn reports whether a case of sel receives from one of chans.
func waitsOn(sel *ast.SelectStmt, chans func(ast.Expr) bool) bool {
	for _, c := range sel.Body.List {
		var recv ast.Expr
		switch comm := c.(*ast.CommClause).Comm.(type) {
		case *ast.ExprStmt:
			recv = comm.X
		case *ast.AssignStmt:
			recv = comm.Rhs[0]
		}
		if u, ok := recv.(*ast.UnaryExpr); ok && u.Op == token.ARROW && chans(u.X) {
			return true
		}
	}
	return false
}

// outermost returns the outermost function of path: channels it makes
// are shared with its own literals and goroutines.
func outermost(path []ast.Node) ast.Node {
	var fn ast.Node
	for _, n := range path {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fn = n
		}
	}
	return fn
}

// foreign reports whether ch is a channel fn (and the literals in it) do
// not make: a parameter of fn, a field, a global, or the result of a call.
func foreign(info *types.Info, ch ast.Expr, fn ast.Node) bool {
	ch = ast.Unparen(ch)
	if _, ok := info.TypeOf(ch).Underlying().(*types.Chan); !ok {
		return false
	}
	id, ok := ch.(*ast.Ident)
	if !ok {
		return true
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	local := fn.Pos() <= v.Pos() && v.Pos() < fn.End()
	if !local {
		return true
	}
	// A parameter of fn is not made by it.
	var params *ast.FieldList
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		params = fn.Type.Params
	case *ast.FuncLit:
		params = fn.Type.Params
	}
	return params != nil && params.Pos() <= v.Pos() && v.Pos() < params.End()
}

// tokenChans returns the channels that stmts both sends on and receives
// from: a token passed back and forth, a channel used as a lock.
func tokenChans(stmts []ast.Stmt) map[string]bool {
	sent, received := map[string]bool{}, map[string]bool{}
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SendStmt:
				sent[types.ExprString(n.Chan)] = true
			case *ast.UnaryExpr:
				if n.Op == token.ARROW {
					received[types.ExprString(n.X)] = true
				}
			}
			return true
		})
	}
	tokens := make(map[string]bool, len(sent))
	for ch := range sent {
		tokens[ch] = received[ch]
	}
	return tokens
}
