package ctxloop

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/ctxscope"
	"github.com/gohazard/gohazard/passes/loops"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "ctxloop",
	Doc:       analysisdoc.MustExtract(doc, "ctxloop"),
	URL:       "https://pkg.go.dev/github.com/gohazard/gohazard/ctxcheck/ctxloop",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(DerivesContext)},
}

// DerivesContext is the fact exported for a function that returns a
// context derived from its context parameter Param (or that context
// itself on some paths), as a helper wrapping context.WithValue does:
// assigning its result to the variable passed in grows the chain.
type DerivesContext struct{ Param int }

func (*DerivesContext) AFact() {}

func (f *DerivesContext) String() string { return fmt.Sprintf("derives from parameter %d", f.Param) }

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var decls []*ast.FuncDecl
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decls = append(decls, cur.Node().(*ast.FuncDecl))
	}
	exportFacts(pass, decls)
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil)) {
		assign := cur.Node().(*ast.AssignStmt)
		v, call := rederived(pass, assign)
		if v == nil {
			continue
		}
		path := ctxscope.Path(cur)
		loop := loops.Enclosing(path)
		if loop == nil || loops.Contains(loop, v.Pos()) || leavesAfter(path, loop) || !usedForWork(pass, loops.Body(loop), v, call) {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:     assign.Pos(),
			End:     assign.End(),
			Message: fmt.Sprintf("%s is derived from itself on every iteration, so its chain of contexts grows with the loop", v.Name()),
			Related: []analysis.RelatedInformation{
				{Pos: loop.Pos(), Message: fmt.Sprintf("the loop; derive a new variable per iteration (%s := %s)", v.Name(), types.ExprString(call.Fun)+"(...)")},
				{Pos: v.Pos(), Message: v.Name() + " comes from here"},
			},
		})
	}
	return nil, nil
}

// leavesAfter reports whether the statement path[0] is followed, in the
// loop body's own statement list, by a return or a break of the loop.
func leavesAfter(path []ast.Node, loop ast.Stmt) bool {
	body := loops.Body(loop)
	for i, n := range path {
		if i+1 < len(path) && path[i+1] == body {
			for _, s := range body.List {
				if s.Pos() < n.End() {
					continue
				}
				switch s := s.(type) {
				case *ast.ReturnStmt:
					return true
				case *ast.BranchStmt:
					return s.Label == nil && s.Tok == token.BREAK
				}
			}
			return false
		}
	}
	return false
}

// usedForWork reports whether body hands v to a call other than its
// derivation: a loop that only adds values to a context, for use after
// the loop, grows it on purpose.
func usedForWork(pass *analysis.Pass, body *ast.BlockStmt, v *types.Var, derivation *ast.CallExpr) bool {
	info := pass.TypesInfo
	used := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || used {
			return !used
		}
		// Deriving it again, in this statement or another, is not work.
		if call == derivation || derivesFrom(pass, call, v) {
			return true
		}
		for _, arg := range call.Args {
			if id, ok := ast.Unparen(arg).(*ast.Ident); ok && info.Uses[id] == v {
				used = true
			}
		}
		return !used
	})
	return used
}

// derivesFrom reports whether call derives a context from v.
func derivesFrom(pass *analysis.Pass, call *ast.CallExpr, v *types.Var) bool {
	id, ok := ast.Unparen(parent(pass, call)).(*ast.Ident)
	return ok && pass.TypesInfo.Uses[id] == v
}

// parent returns the argument of call that its result is derived from:
// the parent of context.WithValue and the like, or the argument of a
// function with a DerivesContext fact; nil for other calls.
func parent(pass *analysis.Pass, call *ast.CallExpr) ast.Expr {
	if ctxscope.Derives(pass.TypesInfo, call) {
		return call.Args[0]
	}
	callee, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	var fact DerivesContext
	if ok && pass.ImportObjectFact(callee, &fact) && fact.Param < len(call.Args) {
		return call.Args[fact.Param]
	}
	return nil
}

// rederived reports whether assign gives a context variable a context
// derived from itself, as in ctx = context.WithValue(ctx, k, v),
// ctx, cancel = context.WithTimeout(ctx, d) or ctx = withTag(ctx, t), and
// returns the variable and the derivation, or nil.
func rederived(pass *analysis.Pass, assign *ast.AssignStmt) (*types.Var, *ast.CallExpr) {
	if len(assign.Rhs) != 1 || len(assign.Lhs) == 0 || assign.Tok != token.ASSIGN {
		return nil, nil
	}
	call, ok := ast.Unparen(assign.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	lhs, ok := ast.Unparen(assign.Lhs[0]).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, ok := pass.TypesInfo.Uses[lhs].(*types.Var)
	if !ok || !ctxscope.IsContext(v.Type()) || !derivesFrom(pass, call, v) {
		return nil, nil
	}
	return v, call
}

// exportFacts exports DerivesContext for the functions of decls, to a
// fixed point: a helper may derive through another.
func exportFacts(pass *analysis.Pass, decls []*ast.FuncDecl) {
	for changed := true; changed; {
		changed = false
		for _, decl := range decls {
			obj, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			var fact DerivesContext
			if !ok || decl.Body == nil || pass.ImportObjectFact(obj, &fact) {
				continue
			}
			if i, ok := derivesParam(pass, decl, obj.Signature()); ok {
				pass.ExportObjectFact(obj, &DerivesContext{Param: i})
				changed = true
			}
		}
	}
}

// derivesParam returns the context parameter that every return statement
// of decl returns, as its context result, either itself or derived from
// itself, at least once derived (there or in a re-derivation of the
// parameter), and that the function assigns nothing else to.
func derivesParam(pass *analysis.Pass, decl *ast.FuncDecl, sig *types.Signature) (int, bool) {
	result := -1
	for i := range sig.Results().Len() {
		if ctxscope.IsContext(sig.Results().At(i).Type()) && result < 0 {
			result = i
		}
	}
	if result < 0 {
		return 0, false
	}
	for i := range sig.Params().Len() {
		if p := sig.Params().At(i); ctxscope.IsContext(p.Type()) && returnsDerived(pass, decl.Body, p, result, sig.Results().Len()) {
			return i, true
		}
	}
	return 0, false
}

// returnsDerived reports whether body returns, as its result-th of n
// results, p or a context derived from p on every path, derived at least
// once, and assigns p only contexts derived from p.
func returnsDerived(pass *analysis.Pass, body *ast.BlockStmt, p *types.Var, result, n int) bool {
	info := pass.TypesInfo
	isP := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == p
	}
	ok, derived, returns := true, false, 0
	ast.Inspect(body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, lhs := range node.Lhs {
				if !isP(lhs) {
					continue
				}
				call, isCall := ast.Unparen(node.Rhs[len(node.Rhs)-1]).(*ast.CallExpr)
				if i != 0 || !isCall || !isP(parent(pass, call)) {
					ok = false
				}
				derived = true
			}
		case *ast.ReturnStmt:
			returns++
			var e ast.Expr
			switch len(node.Results) {
			case n:
				e = node.Results[result]
			case 1:
				e = node.Results[0] // a call returning all results
			default:
				ok = false
				return false
			}
			if call, isCall := ast.Unparen(e).(*ast.CallExpr); isCall && isP(parent(pass, call)) {
				derived = true
			} else if !isP(e) {
				ok = false
			}
		}
		return ok
	})
	return ok && derived && returns > 0
}
