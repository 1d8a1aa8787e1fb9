package ctxrequest

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
	Name:      "ctxrequest",
	Doc:       analysisdoc.MustExtract(doc, "ctxrequest"),
	URL:       "https://pkg.go.dev/github.com/gohazard/gohazard/ctxcheck/ctxrequest",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(RequestParams)},
}

// Meta places ctxrequest among gohazard's analyzers.
var Meta = meta.Info{Family: meta.CtxCheck, Default: true, Since: "v0.2.0", Severity: meta.Warning}

// How a call is rewritten to take the context.
type rewrite int

const (
	none        rewrite = iota // no mechanical rewrite: http.Get and friends
	suffix                     // Name(args) -> NameContext(ctx, args)
	rename                     // Name(args) -> Variant(ctx, args)
	dial                       // net.Dial(n, a) -> (&net.Dialer{}).DialContext(ctx, n, a)
	dialTimeout                // net.DialTimeout(n, a, d) -> (&net.Dialer{Timeout: d}).DialContext(ctx, n, a)
)

// An api is a function or method that has a context variant.
type api struct {
	pkg, recv, name string // recv is "" for a package-level function
	how             rewrite
	variant         string // for rename: the variant's name
	extra           string // and its arguments after ctx that the original lacks
}

var apis = []api{
	{pkg: "net/http", name: "Get"}, {pkg: "net/http", name: "Head"}, {pkg: "net/http", name: "Post"}, {pkg: "net/http", name: "PostForm"},
	{pkg: "net/http", recv: "Client", name: "Get"}, {pkg: "net/http", recv: "Client", name: "Head"},
	{pkg: "net/http", recv: "Client", name: "Post"}, {pkg: "net/http", recv: "Client", name: "PostForm"},
	{pkg: "net/http", name: "NewRequest", how: rename, variant: "NewRequestWithContext"},
	{pkg: "database/sql", recv: "DB", name: "Query", how: suffix}, {pkg: "database/sql", recv: "DB", name: "QueryRow", how: suffix},
	{pkg: "database/sql", recv: "DB", name: "Exec", how: suffix}, {pkg: "database/sql", recv: "DB", name: "Prepare", how: suffix},
	{pkg: "database/sql", recv: "DB", name: "Ping", how: suffix}, {pkg: "database/sql", recv: "DB", name: "Begin", how: rename, variant: "BeginTx", extra: "nil"},
	{pkg: "database/sql", recv: "Tx", name: "Query", how: suffix}, {pkg: "database/sql", recv: "Tx", name: "QueryRow", how: suffix},
	{pkg: "database/sql", recv: "Tx", name: "Exec", how: suffix}, {pkg: "database/sql", recv: "Tx", name: "Prepare", how: suffix},
	{pkg: "database/sql", recv: "Tx", name: "Stmt", how: suffix},
	{pkg: "database/sql", recv: "Stmt", name: "Query", how: suffix}, {pkg: "database/sql", recv: "Stmt", name: "QueryRow", how: suffix},
	{pkg: "database/sql", recv: "Stmt", name: "Exec", how: suffix},
	{pkg: "net", name: "Dial", how: dial}, {pkg: "net", name: "DialTimeout", how: dialTimeout},
	{pkg: "net", recv: "Dialer", name: "Dial", how: suffix},
}

func (a api) matches(obj types.Object) bool {
	if a.recv == "" {
		return apimatch.IsFunc(obj, a.pkg, a.name)
	}
	return apimatch.IsMethod(obj, a.pkg, a.recv, a.name)
}

func (a api) String() string {
	if a.recv == "" {
		return lastElem(a.pkg) + "." + a.name
	}
	return "(*" + lastElem(a.pkg) + "." + a.recv + ")." + a.name
}

func lastElem(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
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
		if callee == nil {
			continue
		}
		for _, a := range apis {
			if !a.matches(callee) {
				continue
			}
			path := ctxscope.Path(cur)
			srcs, fn := ctxscope.Own(pass.TypesInfo, path, call.Pos())
			srcs = ctxscope.NotLifetimes(ctxscope.Given(srcs))
			srcs = slices.DeleteFunc(srcs, func(s ctxscope.Source) bool { return ctxscope.TestOwned(pass.Fset, s, fn) })
			if a.how == rename && a.name == "NewRequest" && !mattersUnsent(pass, fn, path) {
				break
			}
			if len(srcs) > 0 && !ctxscope.RunsOnce(fn) && !ctxscope.Wrapper(fn, srcs) && !ctxscope.ObservesDone(pass.TypesInfo, fn, srcs, call.Pos()) {
				report(pass, call, a, srcs, fn)
			}
			break
		}
	}
	return nil, nil
}

func report(pass *analysis.Pass, call *ast.CallExpr, a api, srcs []ctxscope.Source, fn ast.Node) {
	src := srcs[0]
	advice := "use the variant that takes a context"
	if a.how == none {
		advice = "build the request with http.NewRequestWithContext and send it with Client.Do"
	}
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("%s ignores %s (%s): it cannot be cancelled", a, src.Expr, ctxscope.Describe(src, fn)),
		Related: []analysis.RelatedInformation{{Pos: src.Var.Pos(), Message: fmt.Sprintf("%s comes from here; %s", src.Expr, advice)}},
	}
	if len(srcs) == 1 {
		if edits := fix(pass, call, a, src.Expr); edits != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "pass " + src.Expr + " to the context variant", TextEdits: edits}}
		}
	}
	pass.Report(d)
}

// fix rewrites call to the context variant of a, passing ctx.
func fix(pass *analysis.Pass, call *ast.CallExpr, a api, ctx string) []analysis.TextEdit {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	first := ctx
	if len(call.Args) > 0 {
		first += ", "
	}
	insert := analysis.TextEdit{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(first)}
	switch a.how {
	case suffix:
		return []analysis.TextEdit{{Pos: sel.Sel.End(), End: sel.Sel.End(), NewText: []byte("Context")}, insert}
	case rename:
		edits := []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(a.variant)}, insert}
		if a.extra != "" {
			edits[1].NewText = []byte(ctx + ", " + a.extra)
		}
		return edits
	case dial, dialTimeout:
		pkg, ok := sel.X.(*ast.Ident)
		if !ok || len(call.Args) < 2 {
			return nil
		}
		dialer := "&" + pkg.Name + ".Dialer{}"
		end := call.Rparen
		if a.how == dialTimeout {
			if len(call.Args) != 3 {
				return nil
			}
			dialer = "&" + pkg.Name + ".Dialer{Timeout: " + text(pass, call.Args[2]) + "}"
			end = call.Args[1].End()
		}
		return []analysis.TextEdit{
			{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte("(" + dialer + ").DialContext")},
			insert,
			{Pos: end, End: call.Rparen, NewText: nil},
		}
	}
	return nil
}

func text(pass *analysis.Pass, e ast.Expr) string {
	file := pass.Fset.File(e.Pos())
	src, err := pass.ReadFile(file.Name())
	if err != nil {
		return types.ExprString(e)
	}
	return string(src[file.Offset(e.Pos()):file.Offset(e.End())])
}

// mattersUnsent reports whether the request made by path[0], a call of
// http.NewRequest in fn, is sent without a context: it may be sent (to a
// client, a transport, a caller) and nothing attaches one to it later
// (req.WithContext(ctx), here or in a function it is handed to). A
// request only compared or dumped never waits on the network.
func mattersUnsent(pass *analysis.Pass, fn ast.Node, path []ast.Node) bool {
	assign, ok := path[1].(*ast.AssignStmt)
	if !ok || len(assign.Rhs) != 1 || assign.Rhs[0] != path[0] {
		return true
	}
	id, ok := assign.Lhs[0].(*ast.Ident)
	if !ok {
		return true
	}
	v, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return true
	}
	f := follow(pass, fn, v)
	return f.sent && !f.attached
}
