package ctxbackground

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/ctxscope"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "ctxbackground",
	Doc:       analysisdoc.MustExtract(doc, "ctxbackground"),
	URL:       "https://pkg.go.dev/github.com/gohazard/gohazard/ctxcheck/ctxbackground",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(IgnoredContexts)},
}

// Meta places ctxbackground among gohazard's analyzers. Off by default: 0
// of 4 findings real in the survey of five modules: each a commented,
// deliberate detach.
var Meta = meta.Info{Family: meta.CtxCheck, Default: false, Since: "v0.2.0", Severity: meta.Warning}

// IgnoredContexts is the fact exported for a function that discards
// context parameters (blank, unnamed or unused), by index: a new context
// handed to it cuts nothing off.
type IgnoredContexts struct{ Params []int }

func (*IgnoredContexts) AFact() {}

func (f *IgnoredContexts) String() string { return fmt.Sprintf("ignores %v", f.Params) }

// exportFacts exports IgnoredContexts for the functions of decls.
func exportFacts(pass *analysis.Pass, decls []*ast.FuncDecl) {
	for _, decl := range decls {
		obj, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if !ok || decl.Body == nil {
			continue
		}
		used := map[types.Object]bool{}
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				used[pass.TypesInfo.Uses[id]] = true
			}
			return true
		})
		var fact IgnoredContexts
		params := obj.Signature().Params()
		for i := range params.Len() {
			if p := params.At(i); ctxscope.IsContext(p.Type()) && !used[p] {
				fact.Params = append(fact.Params, i)
			}
		}
		if fact.Params != nil {
			pass.ExportObjectFact(obj, &fact)
		}
	}
}

// ignores reports whether the callee of call discards its argument i.
func ignores(pass *analysis.Pass, call *ast.CallExpr, i int) bool {
	callee, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	var fact IgnoredContexts
	return ok && pass.ImportObjectFact(callee, &fact) && slices.Contains(fact.Params, i)
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var decls []*ast.FuncDecl
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decls = append(decls, cur.Node().(*ast.FuncDecl))
	}
	exportFacts(pass, decls)
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		callee := typeutil.Callee(pass.TypesInfo, call)
		if !apimatch.IsFunc(callee, "context", "Background") && !apimatch.IsFunc(callee, "context", "TODO") {
			continue
		}
		path := ctxscope.Path(cur)
		srcs, fn := ctxscope.Own(pass.TypesInfo, path, call.Pos())
		srcs = ctxscope.NotLifetimes(ctxscope.Given(srcs))
		if len(srcs) == 0 || ctxscope.RunsOnce(fn) || ctxscope.Wrapper(fn, srcs) || ctxscope.ObservesDone(pass.TypesInfo, fn, srcs, call.Pos()) {
			continue
		}
		ignored := func(call *ast.CallExpr, i int) bool { return ignores(pass, call, i) }
		if !ctxscope.HandedToCalls(pass.TypesInfo, fn, path, srcs, ignored) {
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
		Message: fmt.Sprintf("context.%s() cuts off %s (%s): what it starts is not cancelled with it", name, src.Expr, ctxscope.Describe(src, fn)),
		Related: []analysis.RelatedInformation{{Pos: src.Var.Pos(), Message: fmt.Sprintf("%s comes from here; use it, or context.WithoutCancel(%s) to detach on purpose", src.Expr, src.Expr)}},
	}
	if len(srcs) == 1 {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "use " + src.Expr,
			TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(src.Expr)}},
		}}
	}
	pass.Report(d)
}
