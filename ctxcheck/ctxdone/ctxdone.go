package ctxdone

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
	"github.com/gohazard/gohazard/passes/ssautil"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "ctxdone",
	Doc:      analysisdoc.MustExtract(doc, "ctxdone"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/ctxcheck/ctxdone",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		loop := cur.Node().(ast.Stmt)
		body := loops.Body(loop)
		path := ctxscope.Path(cur)
		srcs := ctxscope.Given(ctxscope.InScope(pass.TypesInfo, path, loop.Pos()))
		_, fn := ctxscope.Own(pass.TypesInfo, path, loop.Pos())
		if len(srcs) == 0 || fn == nil || ctxscope.RunsOnce(fn) || ctxscope.ObservesDone(pass.TypesInfo, body, srcs, body.End()) {
			continue
		}
		if f, ok := loop.(*ast.ForStmt); ok && f.Cond == nil && len(loops.Exits(body)) == 0 {
			continue // no way out at all: noexit's
		}
		for _, op := range blockingOps(pass.TypesInfo, body, outermost(path)) {
			src := srcs[0]
			pass.Report(analysis.Diagnostic{
				Pos:     op.pos,
				Message: fmt.Sprintf("%s in a loop ignores %s: it blocks with no way to observe cancellation; %s", op.what, src.Expr, op.advice(src.Expr)),
				Related: []analysis.RelatedInformation{
					{Pos: loop.Pos(), Message: "the loop"},
					{Pos: src.Var.Pos(), Message: src.Expr + " comes from here"},
				},
			})
		}
	}
	return nil, nil
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

// blockingOps returns the operations of body (not in nested loops or
// function literals) that block without a way to observe a context.
func blockingOps(info *types.Info, body *ast.BlockStmt, fn ast.Node) []op {
	tokens := tokenChans(body)
	var ops []op
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.SelectStmt:
			if blocksInLoop(n) {
				ops = append(ops, op{pos: n.Pos(), what: "select"})
			}
			return false // its cases are judged as a whole
		case *ast.CallExpr:
			if ssautil.IsFunc(typeutil.Callee(info, n), "time", "Sleep") {
				ops = append(ops, op{pos: n.Pos(), what: "time.Sleep", sleep: true})
			}
		case *ast.SendStmt:
			if foreign(info, n.Chan, fn) && !tokens[types.ExprString(n.Chan)] {
				ops = append(ops, op{pos: n.Arrow, what: "send on " + types.ExprString(n.Chan)})
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && foreign(info, n.X, fn) && !tokens[types.ExprString(n.X)] {
				ops = append(ops, op{pos: n.Pos(), what: "receive from " + types.ExprString(n.X)})
			}
		}
		return true
	})
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

// tokenChans returns the channels that body both sends on and receives
// from: a token passed back and forth, a channel used as a lock.
func tokenChans(body *ast.BlockStmt) map[string]bool {
	sent, received := map[string]bool{}, map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
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
	tokens := make(map[string]bool, len(sent))
	for ch := range sent {
		tokens[ch] = received[ch]
	}
	return tokens
}
