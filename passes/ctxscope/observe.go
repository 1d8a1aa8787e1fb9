package ctxscope

import (
	"go/ast"
	"go/types"
)

// Aliases returns the local variables of fn that stand for one of srcs:
// copies of it (c := ctx), contexts derived from it (tctx, cancel :=
// context.WithTimeout(ctx, d)), which end when it ends, and its Done
// channel kept in a variable (done := ctx.Done()).
func Aliases(info *types.Info, fn ast.Node, srcs []Source) map[*types.Var]bool {
	aliases := map[*types.Var]bool{}
	exprs := make(map[string]bool, len(srcs))
	for _, s := range srcs {
		exprs[s.Expr] = true
	}
	for changed := true; changed; {
		changed = false
		ast.Inspect(fn, func(n ast.Node) bool {
			var lhs []ast.Expr
			var rhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs, rhs = n.Lhs, n.Rhs
			case *ast.ValueSpec:
				for _, id := range n.Names {
					lhs = append(lhs, id)
				}
				rhs = n.Values
			default:
				return true
			}
			if len(rhs) != 1 {
				return true
			}
			id, ok := lhs[0].(*ast.Ident)
			if !ok {
				return true
			}
			v, ok := info.ObjectOf(id).(*types.Var)
			if ok && !aliases[v] && stands(info, rhs[0], exprs, aliases) {
				aliases[v] = true
				changed = true
			}
			return true
		})
	}
	return aliases
}

// stands reports whether e is one of the contexts named by exprs or
// aliases, a derivation of one, or its Done channel.
func stands(info *types.Info, e ast.Expr, exprs map[string]bool, aliases map[*types.Var]bool) bool {
	e = ast.Unparen(e)
	if IsContextExpr(info, e, exprs, aliases) {
		return true
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	if Derives(info, call) {
		return IsContextExpr(info, call.Args[0], exprs, aliases)
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Done" && IsContext(info.TypeOf(sel.X)) && IsContextExpr(info, sel.X, exprs, aliases)
}

// IsContextExpr reports whether e is written as one of exprs (ctx,
// r.Context()) or is one of aliases.
func IsContextExpr(info *types.Info, e ast.Expr, exprs map[string]bool, aliases map[*types.Var]bool) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok && aliases[v] {
			return true
		}
	}
	return exprs[types.ExprString(e)]
}

// Exprs returns the expressions of srcs, as a set.
func Exprs(srcs []Source) map[string]bool {
	exprs := make(map[string]bool, len(srcs))
	for _, s := range srcs {
		exprs[s.Expr] = true
	}
	return exprs
}
