package ctxdone

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/ctxscope"
)

// ClosesOnDone is the fact exported for a function that observes a
// context and closes some of its channel parameters (by index): started
// as a goroutine, it turns the end of the context into their close.
type ClosesOnDone struct {
	Params []int
}

func (*ClosesOnDone) AFact() {}

func (f *ClosesOnDone) String() string { return fmt.Sprintf("closes %v on done", f.Params) }

// closers records what the functions of the package close once they
// observe a context: the struct fields (a done channel closed by a method
// started with go s.run(ctx), or by a goroutine another method starts)
// and the channel parameters. A wait on one of these channels ends when
// the context does, whichever function started the goroutine.
type closers struct {
	fields map[*types.Var]bool
	params map[*types.Func][]int
}

func findClosers(pass *analysis.Pass, insp *inspector.Inspector) *closers {
	info := pass.TypesInfo
	c := &closers{fields: map[*types.Var]bool{}, params: map[*types.Func][]int{}}
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var body *ast.BlockStmt
		var fn *types.Func
		var sig *types.Signature
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			body = n.Body
			fn, _ = info.Defs[n.Name].(*types.Func)
			if fn != nil {
				sig = fn.Signature()
			}
		case *ast.FuncLit:
			body = n.Body
		}
		if body == nil || !observesAny(info, body) {
			continue
		}
		for _, ch := range closedIn(info, body) {
			if x, ok := ch.(*ast.SelectorExpr); ok {
				if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
					c.fields[sel.Obj().(*types.Var)] = true
				}
				continue
			}
			if id, ok := ch.(*ast.Ident); ok && sig != nil {
				for i := range sig.Params().Len() {
					if info.Uses[id] == sig.Params().At(i) && !slices.Contains(c.params[fn], i) {
						c.params[fn] = append(c.params[fn], i)
					}
				}
			}
		}
		if fn != nil && len(c.params[fn]) > 0 {
			pass.ExportObjectFact(fn, &ClosesOnDone{Params: c.params[fn]})
		}
	}
	return c
}

// closedIn returns the channels that body closes, as written: fields
// (x.f) and identifiers.
func closedIn(info *types.Info, body *ast.BlockStmt) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		if b, ok := typeutil.Callee(info, call).(*types.Builtin); !ok || b.Name() != "close" {
			return true
		}
		switch arg := ast.Unparen(call.Args[0]).(type) {
		case *ast.SelectorExpr, *ast.Ident:
			out = append(out, arg)
		}
		return true
	})
	return out
}

// observesAny reports whether body calls Done or Err on some context.
func observesAny(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Done" || sel.Sel.Name == "Err") && ctxscope.IsContext(info.TypeOf(sel.X)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// closedParams returns the indexes of the channel parameters that fn, of
// this package or another, closes once it observes a context.
func (c *closers) closedParams(pass *analysis.Pass, fn *types.Func) []int {
	if fn.Pkg() == pass.Pkg {
		return c.params[fn]
	}
	var f ClosesOnDone
	if pass.ImportObjectFact(fn, &f) {
		return f.Params
	}
	return nil
}

// started adds to closed the channels that fn hands to such a function
// it starts as a goroutine, directly (go closeOnDone(ctx, done)) or from
// a function literal it starts.
func (c *closers) started(pass *analysis.Pass, fn ast.Node, closed map[string]bool) {
	info := pass.TypesInfo
	handOver := func(call *ast.CallExpr) {
		callee, ok := typeutil.Callee(info, call).(*types.Func)
		if !ok {
			return
		}
		for _, i := range c.closedParams(pass, callee) {
			if i < len(call.Args) {
				closed[types.ExprString(call.Args[i])] = true
			}
		}
	}
	ast.Inspect(fn, func(n ast.Node) bool {
		g, ok := n.(*ast.GoStmt)
		if !ok {
			return true
		}
		lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
		if !ok {
			handOver(g.Call)
			return true
		}
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				handOver(call)
			}
			return true
		})
		return true
	})
}

// closedField reports whether ch selects a field that a function of the
// package closes once it observes a context.
func (c *closers) closedField(info *types.Info, ch ast.Expr) bool {
	sel, ok := ast.Unparen(ch).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.FieldVal && c.fields[s.Obj().(*types.Var)]
}
