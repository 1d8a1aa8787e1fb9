package deferloop

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/goversion"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/meta"
)

var Analyzer = &analysis.Analyzer{
	Name:     "deferloop",
	Doc:      analysisdoc.MustExtract(doc, "deferloop"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/allocheck/deferloop",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, loops.Analyzer, inspect.Analyzer},
	Run:      run,
}

// Meta places deferloop among gohazard's analyzers.
var Meta = meta.Info{Family: meta.AllocCheck, Default: true, Since: "v0.1.0", Severity: meta.Warning}

//go:embed doc.go
var doc string

func run(pass *analysis.Pass) (any, error) {
	ssaInfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	loopInfo := pass.ResultOf[loops.Analyzer].(*loops.Info)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for instr := range apimatch.Instructions(ssaInfo.SrcFuncs) {
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
	path := loops.Path(insp, d.Pos(), d.Pos()+token.Pos(len("defer")))
	stmt, ok := first(path).(*ast.DeferStmt)
	if !ok {
		return
	}
	// Without a loop statement (a loop made with goto) there is no
	// iteration to tell what the defer holds: stay silent.
	loop := repeatingLoop(pass, path, stmt)
	if loop == nil || releasesLock(pass, stmt) || testLoop(pass, path, loop) || scopedToLoop(path, loop) || onceGuarded(pass.TypesInfo, path, loop) {
		return
	}
	cur, ok := insp.Root().FindNode(loop)
	if !ok {
		return
	}
	it := newIteration(pass, loop, cur)
	diag := analysis.Diagnostic{
		Pos:     d.Pos(),
		Related: []analysis.RelatedInformation{{Pos: loop.Pos(), Message: "the loop"}},
	}
	held, fixable := heldValues(it, stmt)
	if !held {
		return
	}
	diag.Message = message(it, stmt)
	if fixable && keepsMeaning(pass, it, stmt, path) {
		if fix, ok := wrapBody(pass, loop, stmt, path); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	pass.Report(diag)
}

func message(it *iteration, stmt *ast.DeferStmt) string {
	t := it.pass.TypesInfo.TypeOf(stmt.Call.Fun)
	if !apimatch.IsType(t, "context", "CancelFunc") && !apimatch.IsType(t, "context", "CancelCauseFunc") {
		return "defer in a loop runs only when the function returns: deferred calls and what they hold pile up with every iteration"
	}
	what := "context"
	if withTimer(it, stmt.Call.Fun) {
		what = "context, and its timer,"
	}
	return "cancel deferred in a loop runs only when the function returns: every iteration's " + what + " lives until then"
}

func first(path []ast.Node) ast.Node {
	if len(path) == 0 {
		return nil
	}
	return path[0]
}

// repeatingLoop returns the innermost loop statement around stmt whose
// iterations pile up what stmt defers, or nil when none does. The defer
// is known to lie on a cycle; a loop whose body ends with an unconditional
// exit after the defer runs it at most once each time the loop is entered,
// and a loop with a small constant trip count at most that many times:
// neither piles up, but both repeat with an outer loop, which piles up
// unless the product of the counts stays small too.
func repeatingLoop(pass *analysis.Pass, path []ast.Node, stmt *ast.DeferStmt) ast.Stmt {
	trips := int64(1)
	for {
		loop := loops.Enclosing(path)
		if loop == nil {
			return nil
		}
		if !exitsAfter(loops.Body(loop), stmt) {
			n, ok := constTrips(pass, loop)
			switch {
			case !ok || n > smallTrips || trips*n > smallTrips:
				return loop
			case n == 0:
				// The defer never runs.
				return nil
			}
			trips *= n
		}
		for len(path) > 0 && path[0] != loop {
			path = path[1:]
		}
		path = path[1:]
	}
}

// smallTrips bounds the constant trip counts whose defers are taken to be
// few enough to hold until return (capability probes, a table of cases).
const smallTrips = 4

// exitsAfter reports whether body holds, at its top level after the
// statement containing stmt, a statement that leaves the loop, reached
// by every path: no statement between them continues the loop.
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
			if continues(s) {
				return false
			}
		}
		if loops.Contains(s, stmt.Pos()) {
			after = true
		}
	}
	return false
}

// continues reports whether s holds a continue of the loop whose body it
// is in: an unlabeled one outside nested loops and function literals.
func continues(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.BranchStmt:
			found = found || n.Tok == token.CONTINUE && n.Label == nil
		}
		return !found
	})
	return found
}

// heldValues reports whether the deferred call holds a value made in the
// iteration that is dead after it (the piling up), and whether running
// the call at the end of the iteration provably keeps the program's
// meaning: everything it acts on is such a value, used in the iteration
// only in ways that cannot keep it and not yielded by an iterator (which
// may still use it after yield returns), or a copy of a plain value
// taken when the defer statement ran.
func heldValues(it *iteration, stmt *ast.DeferStmt) (held, fixable bool) {
	info := it.pass.TypesInfo
	fixable = true
	// A receiver made by the defer statement itself, as in
	// defer acquire(i).Release(), is held by the deferred call only.
	if sel, ok := ast.Unparen(stmt.Call.Fun).(*ast.SelectorExpr); ok {
		if call, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && it.producing(call, map[*types.Var]bool{}) {
			held = true
		}
	}
	var lits []*ast.FuncLit
	ast.Inspect(stmt.Call, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			lits = append(lits, lit)
		}
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.IsField() || loops.Contains(stmt.Call, v.Pos()) {
			return true
		}
		if !loops.Contains(it.loop, v.Pos()) || !it.produced(v) {
			// An outer variable, or a copy of a value made before the
			// iteration: moving the call changes when it acts on them,
			// unless it is a plain value copied when the defer ran.
			eager := !slices.ContainsFunc(lits, func(l *ast.FuncLit) bool { return loops.Contains(l, id.Pos()) })
			fixable = fixable && eager && !refers(v)
			return true
		}
		switch it.lifetime(it.family(v)) {
		case dead:
			held = true
			fixable = fixable && !it.yielded(v)
		case retained:
			held = true
			fixable = false
		case escapes:
			// Kept for after the iteration: it must live until return.
			fixable = false
		}
		return true
	})
	return held, held && fixable
}

// scopedToLoop reports whether the loop is the last work of a function
// literal called at once: its author gave the loop a function of its own
// so that what it defers is released when the loop ends, and held until
// then on purpose.
func scopedToLoop(path []ast.Node, loop ast.Stmt) bool {
	for i, n := range path {
		switch n.(type) {
		case *ast.FuncDecl:
			return false
		case *ast.FuncLit:
			call, ok := path[i+1].(*ast.CallExpr)
			if !ok || call.Fun != n {
				return false
			}
			switch path[i+2].(type) {
			case *ast.GoStmt, *ast.DeferStmt:
				return false
			}
			return !workAfter(path, loop)
		}
	}
	return false
}

// onceGuarded reports whether the defer at path[0] lies in the body of
// an if v == nil, inside loop, that sets v (directly or by calling a
// function literal that does), where v is a variable declared outside the
// loop and set nowhere else in it: the lazy set-up runs once per call, and
// so does its defer.
func onceGuarded(info *types.Info, path []ast.Node, loop ast.Stmt) bool {
	for i, n := range path {
		if n == loop {
			return false
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok || i == 0 || path[i-1] != ifs.Body {
			continue
		}
		v := nilTested(info, ifs.Cond)
		if v == nil || loops.Contains(loop, v.Pos()) {
			continue
		}
		sets := func(n ast.Node) bool { return setsVar(info, path, n, v) }
		if sets(ifs.Body) && !setsOutside(loops.Body(loop), ifs.Body, sets) {
			return true
		}
	}
	return false
}

// nilTested returns v for a condition v == nil (or nil == v), else nil.
func nilTested(info *types.Info, cond ast.Expr) *types.Var {
	cmp, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || cmp.Op != token.EQL {
		return nil
	}
	x, y := cmp.X, cmp.Y
	if info.Types[x].IsNil() {
		x, y = y, x
	}
	if !info.Types[y].IsNil() {
		return nil
	}
	v, _ := info.Uses[ident(x)].(*types.Var)
	return v
}

// setsVar reports whether n assigns v, directly or by calling a function
// literal, held in a variable of the function around path, that does.
func setsVar(info *types.Info, path []ast.Node, n ast.Node, v *types.Var) bool {
	if loops.AssignsAny(info, n, []*types.Var{v}) {
		return true
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if f, ok := info.Uses[ident(call.Fun)].(*types.Var); ok {
				if lit := literalOf(info, path, f); lit != nil && loops.AssignsAny(info, lit.Body, []*types.Var{v}) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// literalOf returns the function literal that f is declared with, in
// the outermost function of path, if f is never assigned again.
func literalOf(info *types.Info, path []ast.Node, f *types.Var) *ast.FuncLit {
	var fn ast.Node
	for _, n := range path {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fn = n
		}
	}
	if fn == nil {
		return nil
	}
	var lit *ast.FuncLit
	assigned := 0
	ast.Inspect(fn, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			if info.ObjectOf(ident(l)) != f {
				continue
			}
			assigned++
			if as.Tok == token.DEFINE && len(as.Lhs) == len(as.Rhs) {
				lit, _ = ast.Unparen(as.Rhs[i]).(*ast.FuncLit)
			}
		}
		return true
	})
	if assigned != 1 {
		return nil
	}
	return lit
}

// setsOutside reports whether body, except for the block skip, holds a
// statement for which sets is true.
func setsOutside(body *ast.BlockStmt, skip *ast.BlockStmt, sets func(ast.Node) bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if n == skip || found {
			return false
		}
		if s, ok := n.(ast.Stmt); ok && !isBlock(s) && sets(s) && !loops.Contains(s, skip.Pos()) {
			found = true
		}
		return !found
	})
	return found
}

func isBlock(s ast.Stmt) bool {
	_, ok := s.(*ast.BlockStmt)
	return ok
}

// testLoop reports whether loop is a test's: in a _test.go file, outside
// benchmarks, and not counted to more than fewCases. A test runs once,
// its loops run over a few cases (a table, fixtures), and what they defer
// is released when the test returns, which is soon; it is often held on
// purpose (connections kept open for the whole test). A benchmark's loop
// runs b.N times, and so does every loop in it.
func testLoop(pass *analysis.Pass, path []ast.Node, loop ast.Stmt) bool {
	if !strings.HasSuffix(pass.Fset.File(loop.Pos()).Name(), "_test.go") || benchmark(pass.TypesInfo, path) {
		return false
	}
	n, ok := loops.ConstTrips(pass.TypesInfo, loop)
	return !ok || n <= fewCases
}

// fewCases bounds the constant counts of test loops taken for a few cases:
// far below the default limit of open files.
const fewCases = 64

// benchmark reports whether path runs in a benchmark: in a function that
// takes a *testing.B, or in a loop driven by b.Loop() or b.N.
func benchmark(info *types.Info, path []ast.Node) bool {
	for _, n := range path {
		var ft *ast.FuncType
		var drive ast.Node
		switch n := n.(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		case *ast.ForStmt:
			drive = n.Cond
		case *ast.RangeStmt:
			drive = n.X
		}
		if ft != nil && ft.Params != nil && slices.ContainsFunc(ft.Params.List, func(f *ast.Field) bool { return isBenchmarkB(info.TypeOf(f.Type)) }) {
			return true
		}
		if drive != nil && drivenByB(info, drive) {
			return true
		}
	}
	return false
}

func isBenchmarkB(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && apimatch.IsType(p.Elem(), "testing", "B")
}

// drivenByB reports whether e calls (*testing.B).Loop or reads the field
// N of a testing.B.
func drivenByB(info *types.Info, e ast.Node) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			found = found || apimatch.IsMethod(typeutil.Callee(info, n), "testing", "B", "Loop")
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[n]; ok && sel.Kind() == types.FieldVal && sel.Obj().Name() == "N" {
				t := sel.Recv()
				if p, ok := types.Unalias(t).(*types.Pointer); ok {
					t = p.Elem()
				}
				found = found || apimatch.IsType(t, "testing", "B")
			}
		}
		return !found
	})
	return found
}

// constTrips returns the trip count of loop when it is a constant (see
// loops.ConstTrips) or the length of a table given as a composite literal.
func constTrips(pass *analysis.Pass, loop ast.Stmt) (int64, bool) {
	if n, ok := loops.ConstTrips(pass.TypesInfo, loop); ok {
		return n, true
	}
	return tableLen(pass, loop)
}

// tableLen returns the number of cases of a range over a composite
// literal, directly or through a variable only ever set to one, or to a
// slice of itself (which only shrinks it). An exported package variable
// may grow in other packages.
func tableLen(pass *analysis.Pass, loop ast.Stmt) (int64, bool) {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok {
		return 0, false
	}
	if lit, ok := ast.Unparen(rng.X).(*ast.CompositeLit); ok {
		return litLen(pass.TypesInfo, lit)
	}
	v, ok := pass.TypesInfo.Uses[ident(rng.X)].(*types.Var)
	if !ok || v.Pkg() == nil || v.Exported() && v.Parent() == v.Pkg().Scope() {
		return 0, false
	}
	var lit *ast.CompositeLit
	changed := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if pass.TypesInfo.Defs[name] == v && len(n.Values) == len(n.Names) {
						lit, _ = ast.Unparen(n.Values[i]).(*ast.CompositeLit)
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					id := ident(l)
					switch {
					case id == nil || pass.TypesInfo.ObjectOf(id) != v:
					case len(n.Lhs) != len(n.Rhs):
						changed = true
					case pass.TypesInfo.Defs[id] == v:
						lit, _ = ast.Unparen(n.Rhs[i]).(*ast.CompositeLit)
					case n.Tok != token.ASSIGN || !sliceOf(pass.TypesInfo, n.Rhs[i], v):
						changed = true
					}
				}
			case *ast.UnaryExpr:
				if id := ident(n.X); n.Op == token.AND && id != nil && pass.TypesInfo.Uses[id] == v {
					changed = true
				}
			}
			return true
		})
	}
	if lit == nil || changed {
		return 0, false
	}
	return litLen(pass.TypesInfo, lit)
}

// sliceOf reports whether e is v[i:j] (or v[i:j:k]) of a slice v.
func sliceOf(info *types.Info, e ast.Expr, v *types.Var) bool {
	sl, ok := ast.Unparen(e).(*ast.SliceExpr)
	if !ok || info.Uses[ident(sl.X)] != v {
		return false
	}
	_, isSlice := v.Type().Underlying().(*types.Slice)
	return isSlice
}

// litLen returns the number of elements of a slice, array or map
// literal: for slices and arrays, one past the highest index, which keys
// may set.
func litLen(info *types.Info, lit *ast.CompositeLit) (int64, bool) {
	t := info.TypeOf(lit)
	if t == nil {
		return 0, false
	}
	switch t.Underlying().(type) {
	case *types.Map:
		return int64(len(lit.Elts)), true
	case *types.Slice, *types.Array:
	default:
		return 0, false
	}
	var n, next int64
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			tv := info.Types[kv.Key]
			if tv.Value == nil || tv.Value.Kind() != constant.Int {
				return 0, false
			}
			i, ok := constant.Int64Val(tv.Value)
			if !ok {
				return 0, false
			}
			next = i
		}
		next++
		n = max(n, next)
	}
	return n, true
}

// withTimer reports whether cancel is defined in the loop by a context
// constructor that starts a timer (WithTimeout, WithDeadline and their
// Cause forms); WithCancel has none.
func withTimer(it *iteration, cancel ast.Expr) bool {
	v, ok := it.pass.TypesInfo.Uses[ident(cancel)].(*types.Var)
	if !ok {
		return false
	}
	for _, d := range it.defs[v] {
		call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
		if !ok {
			continue
		}
		for _, name := range []string{"WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"} {
			if apimatch.IsFunc(typeutil.Callee(it.pass.TypesInfo, call), "context", name) {
				return true
			}
		}
	}
	return false
}

func ident(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// keepsMeaning reports whether running the loop's defers at the end of
// each iteration keeps the program's meaning beyond what heldValues
// checks for stmt: every other defer of the body qualifies too, no defer
// after the loop would then run in a different order, and before Go 1.22
// a deferred literal does not read the loop's shared variables (it would
// see the last iteration's values at return).
func keepsMeaning(pass *analysis.Pass, it *iteration, stmt *ast.DeferStmt, path []ast.Node) bool {
	ok := true
	inspectFunc(loops.Body(it.loop), func(d *ast.DeferStmt) {
		if d != stmt {
			_, fixable := heldValues(it, d)
			ok = ok && fixable && unlocked(pass, d, it.loop) == nil
		}
	})
	for _, n := range path {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		default:
			continue
		}
		inspectFunc(body, func(d *ast.DeferStmt) {
			ok = ok && d.Pos() < it.loop.End()
		})
		break
	}
	if lit, isLit := ast.Unparen(stmt.Call.Fun).(*ast.FuncLit); isLit && !goversion.AtLeast(pass, stmt.Pos(), "go1.22") {
		body := loops.Body(it.loop)
		ast.Inspect(lit, func(n ast.Node) bool {
			if id, isID := n.(*ast.Ident); isID {
				if v, isVar := pass.TypesInfo.Uses[id].(*types.Var); isVar && loops.Contains(it.loop, v.Pos()) && !loops.Contains(body, v.Pos()) {
					ok = false
				}
			}
			return ok
		})
	}
	return ok
}

// inspectFunc calls f for every defer statement of body's function (not
// of the function literals in it).
func inspectFunc(body *ast.BlockStmt, f func(*ast.DeferStmt)) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			f(n)
		}
		return true
	})
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
