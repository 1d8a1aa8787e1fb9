package deferloop

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

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
	if stmt, ok := first(path).(*ast.DeferStmt); ok {
		if loop := repeatingLoop(path, stmt); loop != nil {
			diag.Related = []analysis.RelatedInformation{{Pos: loop.Pos(), Message: "the loop"}}
			if fix, ok := wrapBody(pass, loop, stmt, path); ok {
				diag.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
		}
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
				return s.Tok != token.FALLTHROUGH
			}
		}
		if loops.Contains(s, stmt.Pos()) {
			after = true
		}
	}
	return false
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
