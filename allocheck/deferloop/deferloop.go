package deferloop

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/ssautil"
)

var Analyzer = &analysis.Analyzer{
	Name:     "deferloop",
	Doc:      analysisdoc.MustExtract(doc, "deferloop"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/allocheck/deferloop",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, loops.Analyzer, inspect.Analyzer},
	Run:      run,
}

//go:embed doc.go
var doc string

func run(pass *analysis.Pass) (any, error) {
	ssaInfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	loopInfo := pass.ResultOf[loops.Analyzer].(*loops.Info)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for instr := range ssautil.Instructions(ssaInfo.SrcFuncs) {
		if d, ok := instr.(*ssa.Defer); ok && perIteration(d, loopInfo) {
			report(pass, insp, d)
		}
	}
	return nil, nil
}

// perIteration reports whether d can be deferred more than once per call:
// its block is on a cycle, or it is in the body of a range-over-func loop
// (deferring onto the enclosing function) on a path that continues the
// iteration.
func perIteration(d *ssa.Defer, info *loops.Info) bool {
	if info.InLoop(d.Block()) {
		return true
	}
	return d.DeferStack != nil && continuesIteration(d.Block())
}

// continuesIteration reports whether some path from b returns true from a
// range-over-func body, that is, asks the iterator for the next element.
func continuesIteration(b *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	var walk func(*ssa.BasicBlock) bool
	walk = func(b *ssa.BasicBlock) bool {
		if seen[b] {
			return false
		}
		seen[b] = true
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
			if c, ok := ret.Results[0].(*ssa.Const); ok && c.Value != nil && c.Value.String() == "true" {
				return true
			}
		}
		for _, s := range b.Succs {
			if walk(s) {
				return true
			}
		}
		return false
	}
	return walk(b)
}

func report(pass *analysis.Pass, insp *inspector.Inspector, d *ssa.Defer) {
	diag := analysis.Diagnostic{
		Pos:     d.Pos(),
		Message: "defer in a loop runs only when the function returns, not at the end of each iteration: deferred calls and what they hold pile up with every iteration",
	}
	path := loops.Path(insp, d.Pos(), d.Pos()+token.Pos(len("defer")))
	stmt, ok := first(path).(*ast.DeferStmt)
	if !ok {
		return
	}
	// Without a loop statement (a loop made with goto) there is no
	// iteration to tell what the defer holds: stay silent.
	loop := repeatingLoop(path, stmt)
	if loop == nil || !holdsIterationValue(pass, stmt, loop) {
		return
	}
	if t := pass.TypesInfo.TypeOf(stmt.Call.Fun); ssautil.IsType(t, "context", "CancelFunc") || ssautil.IsType(t, "context", "CancelCauseFunc") {
		diag.Message = "cancel deferred in a loop runs only when the function returns: every iteration's context, and its timer, lives until then; call cancel at the end of the iteration"
	}
	diag.Related = []analysis.RelatedInformation{{Pos: loop.Pos(), Message: "the loop"}}
	if fix, ok := wrapBody(pass, loop, stmt, path); ok {
		diag.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	pass.Report(diag)
}

func first(path []ast.Node) ast.Node {
	if len(path) == 0 {
		return nil
	}
	return path[0]
}

// repeatingLoop returns the innermost loop statement around stmt whose
// iterations repeat it. The defer is known to lie on a cycle; a loop whose
// body ends with an unconditional exit after the defer cannot be that
// cycle, so an outer loop is.
func repeatingLoop(path []ast.Node, stmt *ast.DeferStmt) ast.Stmt {
	for {
		loop := loops.Enclosing(path)
		if loop == nil || !exitsAfter(loops.Body(loop), stmt) {
			return loop
		}
		for len(path) > 0 && path[0] != loop {
			path = path[1:]
		}
		path = path[1:]
	}
}

// exitsAfter reports whether body holds, at its top level after the
// statement containing stmt, a statement that leaves the loop.
func exitsAfter(body *ast.BlockStmt, stmt ast.Stmt) bool {
	after := false
	for _, s := range body.List {
		if after {
			switch s := s.(type) {
			case *ast.ReturnStmt:
				return true
			case *ast.BranchStmt:
				// continue (to this loop) goes round again; break, goto
				// and a labeled continue to an outer loop leave it.
				return s.Tok == token.BREAK || s.Tok == token.GOTO || s.Tok == token.CONTINUE && s.Label != nil
			}
		}
		if loops.Contains(s, stmt.Pos()) {
			after = true
		}
	}
	return false
}

// holdsIterationValue reports whether the deferred call refers to a
// variable of the iteration (declared in the loop) that does not outlive
// it: that is what piles up. A defer that only pairs with per-iteration
// work on loop-invariant values (closing scopes pushed in the loop,
// releasing every semaphore slot taken) is kept until return on purpose,
// and so is one whose value is also saved for after the loop.
func holdsIterationValue(pass *analysis.Pass, stmt *ast.DeferStmt, loop ast.Stmt) bool {
	held := false
	ast.Inspect(stmt.Call, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok && loops.Contains(loop, v.Pos()) && !savedOutside(pass, v, loop, stmt) {
				held = true
			}
		}
		return !held
	})
	return held
}

// savedOutside reports whether the loop, outside the defer statement,
// assigns an expression mentioning v to something declared outside the
// loop, as in files = append(files, f).
func savedOutside(pass *analysis.Pass, v *types.Var, loop ast.Stmt, stmt *ast.DeferStmt) bool {
	saved := false
	ast.Inspect(loops.Body(loop), func(n ast.Node) bool {
		if n == stmt {
			return false
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || saved {
			return !saved
		}
		if !slices.ContainsFunc(as.Rhs, func(rhs ast.Expr) bool { return keeps(pass, rhs, v) }) {
			return true
		}
		for _, lhs := range as.Lhs {
			root := lhs
			for {
				switch x := root.(type) {
				case *ast.SelectorExpr:
					root = x.X
					continue
				case *ast.IndexExpr:
					root = x.X
					continue
				case *ast.StarExpr:
					root = x.X
					continue
				}
				break
			}
			id, ok := root.(*ast.Ident)
			if !ok {
				saved = true
				continue
			}
			if obj := pass.TypesInfo.ObjectOf(id); obj != nil && !loops.Contains(loop, obj.Pos()) {
				saved = true
			}
		}
		return true
	})
	return saved
}

// keeps reports whether the value of e holds v itself: v, &v, append(s,
// ..., v, ...) or a composite literal with v as an element. Reading a
// field or calling a method of v keeps nothing.
func keeps(pass *analysis.Pass, e ast.Expr, v *types.Var) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return pass.TypesInfo.Uses[e] == v
	case *ast.UnaryExpr:
		return e.Op == token.AND && keeps(pass, e.X, v)
	case *ast.CallExpr:
		if b, ok := pass.TypesInfo.Uses[ident(e.Fun)].(*types.Builtin); ok && b.Name() == "append" {
			return slices.ContainsFunc(e.Args, func(a ast.Expr) bool { return keeps(pass, a, v) })
		}
	case *ast.CompositeLit:
		return slices.ContainsFunc(e.Elts, func(el ast.Expr) bool {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			return keeps(pass, el, v)
		})
	}
	return false
}

func ident(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// wrapBody returns the fix that runs the loop body in an immediately
// called function literal, if that keeps the program's meaning.
func wrapBody(pass *analysis.Pass, loop ast.Stmt, stmt *ast.DeferStmt, path []ast.Node) (analysis.SuggestedFix, bool) {
	body := loops.Body(loop)
	if len(loops.Exits(body)) > 0 || touchesResults(pass, body, enclosingSig(pass, path)) {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message: "run the loop body in a function literal so that the defer runs per iteration",
		TextEdits: []analysis.TextEdit{
			{Pos: body.Lbrace + 1, End: body.Lbrace + 1, NewText: []byte("\nfunc() {")},
			{Pos: body.Rbrace, End: body.Rbrace, NewText: []byte("}()\n")},
		},
	}, true
}

func enclosingSig(pass *analysis.Pass, path []ast.Node) *types.Signature {
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit:
			sig, _ := pass.TypesInfo.TypeOf(n).(*types.Signature)
			return sig
		case *ast.FuncDecl:
			if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				return fn.Signature()
			}
		}
	}
	return nil
}

// touchesResults reports whether body refers to a named result of sig or
// calls recover: moved into a function literal, a deferred call would
// then set the result too early or recover a different panic.
func touchesResults(pass *analysis.Pass, body *ast.BlockStmt, sig *types.Signature) bool {
	results := map[types.Object]bool{}
	if sig != nil {
		for v := range sig.Results().Variables() {
			results[v] = true
		}
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			obj := pass.TypesInfo.Uses[id]
			if results[obj] {
				found = true
			}
			if b, ok := obj.(*types.Builtin); ok && b.Name() == "recover" {
				found = true
			}
		}
		return !found
	})
	return found
}
