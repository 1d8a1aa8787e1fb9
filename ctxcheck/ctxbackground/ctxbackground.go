package ctxbackground

import (
	_ "embed"
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/ctxscope"
	"github.com/gohazard/gohazard/passes/ssautil"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "ctxbackground",
	Doc:      analysisdoc.MustExtract(doc, "ctxbackground"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/ctxcheck/ctxbackground",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		callee := typeutil.Callee(pass.TypesInfo, call)
		if !ssautil.IsFunc(callee, "context", "Background") && !ssautil.IsFunc(callee, "context", "TODO") {
			continue
		}
		path := ctxscope.Path(cur)
		srcs, fn := ctxscope.Own(pass.TypesInfo, path, call.Pos())
		srcs = ctxscope.Given(srcs)
		if len(srcs) == 0 || ctxscope.RunsOnce(fn) || ctxscope.Wrapper(fn, srcs) || ctxscope.ObservesDone(pass.TypesInfo, fn, srcs, call.Pos()) {
			continue
		}
		if !ctxscope.HandedToCalls(pass.TypesInfo, fn, path, srcs) {
			continue
		}
		report(pass, call, callee.Name(), srcs, fn)
	}
	return nil, nil
}

func report(pass *analysis.Pass, call *ast.CallExpr, name string, srcs []ctxscope.Source, fn ast.Node) {
	src := srcs[0]
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("context.%s() cuts off cancellation and deadlines: %s is in scope (%s); use it, or context.WithoutCancel(%s) to detach on purpose", name, src.Expr, ctxscope.Describe(src, fn), src.Expr),
		Related: []analysis.RelatedInformation{{Pos: src.Var.Pos(), Message: fmt.Sprintf("%s comes from here", src.Expr)}},
	}
	if len(srcs) == 1 {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "use " + src.Expr,
			TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(src.Expr)}},
		}}
	}
	pass.Report(d)
}
