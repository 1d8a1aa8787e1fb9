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

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/ctxscope"
	"github.com/gohazard/gohazard/passes/loops"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "ctxloop",
	Doc:      analysisdoc.MustExtract(doc, "ctxloop"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/ctxcheck/ctxloop",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil)) {
		assign := cur.Node().(*ast.AssignStmt)
		v, call := ctxscope.Rederived(pass.TypesInfo, assign)
		if v == nil {
			continue
		}
		path := ctxscope.Path(cur)
		loop := loops.Enclosing(path)
		if loop == nil || loops.Contains(loop, v.Pos()) || leavesAfter(path, loop) || !usedForWork(pass.TypesInfo, loops.Body(loop), v, call) {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:     assign.Pos(),
			End:     assign.End(),
			Message: fmt.Sprintf("%s is derived from itself on every iteration: the chain of contexts, and the memory it holds, grows with the loop; derive a new variable per iteration (%s := %s)", v.Name(), v.Name(), types.ExprString(call.Fun)+"(...)"),
			Related: []analysis.RelatedInformation{{Pos: loop.Pos(), Message: "the loop"}},
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
func usedForWork(info *types.Info, body *ast.BlockStmt, v *types.Var, derivation *ast.CallExpr) bool {
	used := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || used {
			return !used
		}
		// Deriving it again, in this statement or another, is not work.
		if call == derivation || rederives(info, call, v) {
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

// rederives reports whether call derives a context from v.
func rederives(info *types.Info, call *ast.CallExpr, v *types.Var) bool {
	if !ctxscope.Derives(info, call) {
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && info.Uses[id] == v
}
