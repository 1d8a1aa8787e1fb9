// Package fill finds slices and maps that a loop fills one element per
// iteration, declared empty right before the loop: the candidates for a
// preallocated capacity or size (allocheck's prealloc and mapprealloc).
package fill

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/gohazard/gohazard/passes/loops"
)

// Kind is what is filled.
type Kind int

const (
	Slice Kind = iota // s = append(s, x)
	Map               // m[k] = v
)

// A Fill is a variable declared empty before a loop whose trip count is
// known, and filled by one statement of the loop's body.
type Fill struct {
	Var   *types.Var
	Decl  ast.Stmt // the declaration, in the same block as the loop
	Init  ast.Expr // the empty value ([]T{}, make([]T, 0), map[K]V{}, make(map[K]V)), nil for var s []T
	Type  ast.Expr // the type as written in the declaration
	Stmt  ast.Stmt // the statement that fills it
	Loop  ast.Stmt
	Trips loops.TripCount
	// Conditional: the statement may be skipped in some iteration, or the
	// loop may end early, so that the trip count is an upper bound.
	Conditional bool
	// FilledAfter: the variable is filled after the loop too, so that the
	// trip count is a lower bound.
	FilledAfter bool
	// Later: when FilledAfter, the later loops that fill it, if every
	// later fill is one of these, once per iteration of a loop whose
	// count is known and can be computed where the first one is, with
	// the value each loop sees: the count is then the sum of the loops'.
	Later []Later
	// Evaluable: the trip count can be computed at the declaration, with
	// the same value as at the loop, and computing it there cannot panic
	// or race where the loop would not.
	Evaluable bool
	// Movable: the declaration can move to right before the loop, where
	// the count has the value the loop sees (no statement in between
	// mentions the variable, and no goto or label lets control skip or
	// repeat the moved declaration).
	Movable bool
}

// A Later is a loop after the first one that fills the same variable
// once per iteration.
type Later struct {
	Stmt  ast.Stmt // the statement that fills it
	Loop  ast.Stmt
	Trips loops.TripCount
}

// Find returns the fills of kind in the inspected files, in source order.
func Find(info *types.Info, insp *inspector.Inspector, kind Kind) []Fill {
	var fills []Fill
	for cur := range insp.Root().Preorder((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		loop := cur.Node().(ast.Stmt)
		block, ok := cur.Parent().Node().(*ast.BlockStmt)
		if !ok {
			continue
		}
		tc, ok := loops.Trips(info, loop)
		if !ok {
			continue
		}
		body := loops.Body(loop)
		var fn ast.Node
		for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			fn = c.Node()
			break
		}
		for v, stmts := range fillers(info, body, kind) {
			if len(stmts) != 1 || fn == nil {
				continue
			}
			f, ok := declaredEmpty(info, block, loop, v, kind)
			if !ok || reassigned(info, body, v, stmts[0]) {
				continue
			}
			f.Stmt, f.Loop, f.Trips = stmts[0], loop, tc
			f.Conditional = !topLevel(body, stmts[0]) || len(loops.Exits(body)) > 0
			f.FilledAfter = filledAfter(info, block, loop, v, kind)
			between := statementsBetween(block, f.Decl, loop)
			f.Evaluable = evaluable(info, fn, between, f.Decl, loop, tc)
			f.Movable = !jumps(between)
			if f.FilledAfter {
				f.Later = later(info, fn, block, f, kind)
			}
			fills = append(fills, f)
		}
	}
	slices.SortFunc(fills, func(a, b Fill) int { return cmp.Compare(a.Stmt.Pos(), b.Stmt.Pos()) })
	return fills
}

// fillers returns, for each variable, the statements of body that fill it
// (in nested loops and function literals too, so that those disqualify
// it: they do not run once per iteration).
func fillers(info *types.Info, body *ast.BlockStmt, kind Kind) map[*types.Var][]ast.Stmt {
	out := make(map[*types.Var][]ast.Stmt)
	nested := make(map[*types.Var]bool)
	var walk func(n ast.Node, inner bool)
	walk = func(n ast.Node, inner bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			switch c := c.(type) {
			case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
				if c != n {
					walk(c, true)
					return false
				}
			case *ast.AssignStmt:
				if v := filled(info, c, kind); v != nil {
					out[v] = append(out[v], c)
					nested[v] = nested[v] || inner
				}
			}
			return true
		})
	}
	walk(body, false)
	for v := range nested {
		if nested[v] {
			out[v] = append(out[v], nil)
		}
	}
	return out
}

// filled returns the variable that assign fills, or nil.
func filled(info *types.Info, assign *ast.AssignStmt, kind Kind) *types.Var {
	if assign.Tok != token.ASSIGN || len(assign.Lhs) != 1 || len(assign.Rhs) != 1 {
		return nil
	}
	switch kind {
	case Slice:
		lhs, ok := assign.Lhs[0].(*ast.Ident)
		call, ok2 := ast.Unparen(assign.Rhs[0]).(*ast.CallExpr)
		if !ok || !ok2 || len(call.Args) != 2 || call.Ellipsis.IsValid() || !isBuiltin(info, call.Fun, "append") {
			return nil
		}
		if arg, ok := call.Args[0].(*ast.Ident); ok && info.Uses[arg] == info.Uses[lhs] {
			v, _ := info.Uses[lhs].(*types.Var)
			return v
		}
	case Map:
		idx, ok := assign.Lhs[0].(*ast.IndexExpr)
		if !ok {
			return nil
		}
		id, ok := idx.X.(*ast.Ident)
		if !ok {
			return nil
		}
		if v, ok := info.Uses[id].(*types.Var); ok {
			// m[k] = append(m[k], x) groups values by key: keys repeat,
			// and the count of entries is not the count of iterations.
			if _, isMap := v.Type().Underlying().(*types.Map); isMap && !mentions(info, assign.Rhs[0], v) {
				return v
			}
		}
	}
	return nil
}

func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// declaredEmpty finds v's declaration among the statements of block
// before loop, with an empty value and no use of v between it and loop.
func declaredEmpty(info *types.Info, block *ast.BlockStmt, loop ast.Stmt, v *types.Var, kind Kind) (Fill, bool) {
	f := Fill{Var: v}
	declAt := -1
	for i, s := range block.List {
		if s == loop {
			if declAt < 0 {
				return f, false
			}
			for _, between := range block.List[declAt+1 : i] {
				if mentions(info, between, v) {
					return f, false
				}
			}
			return f, true
		}
		if s.Pos() <= v.Pos() && v.Pos() < s.End() {
			if !emptyDecl(info, s, v, kind, &f) {
				return f, false
			}
			declAt = i
			f.Decl = s
		}
	}
	return f, false
}

// emptyDecl reports whether s declares v (alone) with an empty value,
// and records the value and the type as written.
func emptyDecl(info *types.Info, s ast.Stmt, v *types.Var, kind Kind, f *Fill) bool {
	var value ast.Expr
	switch s := s.(type) {
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE || len(s.Lhs) != 1 || len(s.Rhs) != 1 {
			return false
		}
		value = s.Rhs[0]
	case *ast.DeclStmt:
		gen, ok := s.Decl.(*ast.GenDecl)
		if !ok || len(gen.Specs) != 1 {
			return false
		}
		spec, ok := gen.Specs[0].(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 {
			return false
		}
		switch len(spec.Values) {
		case 0:
			// var s []T is an empty slice; var m map[K]V is a nil map
			// that the loop could not fill.
			f.Type = spec.Type
			return kind == Slice && spec.Type != nil
		case 1:
			value = spec.Values[0]
		default:
			return false
		}
	default:
		return false
	}
	value = ast.Unparen(value)
	switch value := value.(type) {
	case *ast.CompositeLit:
		if len(value.Elts) != 0 || value.Type == nil {
			return false
		}
		f.Init, f.Type = value, value.Type
		return true
	case *ast.CallExpr:
		if !isBuiltin(info, value.Fun, "make") || len(value.Args) == 0 {
			return false
		}
		switch {
		case kind == Slice && len(value.Args) == 2 && isZero(info, value.Args[1]):
		case kind == Map && (len(value.Args) == 1 || isZero(info, value.Args[1])):
		default:
			return false
		}
		f.Init, f.Type = value, value.Args[0]
		return true
	}
	return false
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && constant.Sign(tv.Value) == 0
}

func mentions(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// reassigned reports whether body assigns v other than by the fill.
func reassigned(info *types.Info, body *ast.BlockStmt, v *types.Var, fill ast.Stmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case nil:
			return false
		case *ast.AssignStmt, *ast.IncDecStmt, *ast.UnaryExpr, *ast.RangeStmt:
			found = found || n != fill && loops.AssignsAny(info, n, []*types.Var{v})
		}
		return !found && n != fill
	})
	return found
}

// topLevel reports whether stmt is one of body's own statements, run on
// every iteration that reaches the end of the body.
func topLevel(body *ast.BlockStmt, stmt ast.Stmt) bool {
	for _, s := range body.List {
		if s == stmt {
			return true
		}
	}
	return false
}

// statementsBetween returns the statements of block after decl and
// before loop.
func statementsBetween(block *ast.BlockStmt, decl, loop ast.Stmt) []ast.Stmt {
	from := slices.Index(block.List, decl)
	to := slices.Index(block.List, loop)
	if from < 0 || to < from {
		return nil
	}
	return block.List[from+1 : to]
}

// filledAfter reports whether a statement of block after loop fills v.
func filledAfter(info *types.Info, block *ast.BlockStmt, loop ast.Stmt, v *types.Var, kind Kind) bool {
	found := false
	for _, s := range block.List[slices.Index(block.List, loop)+1:] {
		ast.Inspect(s, func(n ast.Node) bool {
			if a, ok := n.(*ast.AssignStmt); ok && filled(info, a, kind) == v {
				found = true
			}
			return !found
		})
	}
	return found
}

// later returns the loops after f.Loop in block that fill f.Var, when
// the sum of all the counts is the number of elements: every statement
// after f.Loop that fills or assigns the variable is such a loop, filling
// it once per iteration without leaving early, and each count can be
// computed where the fix puts the size (the declaration, or right before
// the first loop where the declaration moves), with the value that loop
// sees. The counts must not be negative (max(a+b, 0) is not the sum of
// max(a, 0) and max(b, 0)) and must have one type, for the sum to
// compile. Otherwise nil.
func later(info *types.Info, fn ast.Node, block *ast.BlockStmt, f Fill, kind Kind) []Later {
	typ := countType(info, f.Trips)
	if !f.Trips.NonNegative(info) || typ == nil {
		return nil
	}
	at := f.Decl
	if !f.Evaluable {
		at = f.Loop
	}
	from := slices.Index(block.List, at)
	var out []Later
	for i := slices.Index(block.List, f.Loop) + 1; i < len(block.List); i++ {
		s := block.List[i]
		if !fillsIn(info, s, f.Var, kind) {
			if loops.AssignsAny(info, s, []*types.Var{f.Var}) {
				return nil
			}
			continue
		}
		tc, ok := loops.Trips(info, s)
		if !ok || !tc.NonNegative(info) || !types.Identical(countType(info, tc), typ) {
			return nil
		}
		body := loops.Body(s)
		stmts := fillers(info, body, kind)[f.Var]
		if len(stmts) != 1 || !topLevel(body, stmts[0]) || len(loops.Exits(body)) > 0 || reassigned(info, body, f.Var, stmts[0]) {
			return nil
		}
		between := block.List[from+1 : i]
		if !evaluable(info, fn, between, at, s, tc) || changesContents(info, between, tc.Vars) {
			return nil
		}
		out = append(out, Later{Stmt: stmts[0], Loop: s, Trips: tc})
	}
	return out
}

// fillsIn reports whether n holds a statement that fills v.
func fillsIn(info *types.Info, n ast.Node, v *types.Var, kind Kind) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && filled(info, a, kind) == v {
			found = true
		}
		return !found
	})
	return found
}

// countType returns the type of the count (int for a len), nil if it
// has none.
func countType(info *types.Info, tc loops.TripCount) types.Type {
	if tc.X != nil {
		return types.Typ[types.Int]
	}
	t := info.TypeOf(tc.Expr)
	if t == nil {
		return nil
	}
	return types.Default(t)
}

// changesContents reports whether stmts mention a map or channel of
// vars: their length changes without an assignment to the variable (an
// entry added, a call given the map, a value sent).
func changesContents(info *types.Info, stmts []ast.Stmt, vars []*types.Var) bool {
	for _, v := range vars {
		switch v.Type().Underlying().(type) {
		case *types.Map, *types.Chan:
			for _, s := range stmts {
				if mentions(info, s, v) {
					return true
				}
			}
		}
	}
	return false
}

// jumps reports whether stmts hold a goto or a label: moving a
// declaration past them could let a goto skip it (a compile error) or
// run it again.
func jumps(stmts []ast.Stmt) bool {
	found := false
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.LabeledStmt:
				found = true
			case *ast.BranchStmt:
				found = found || n.Tok == token.GOTO
			}
			return !found
		})
	}
	return found
}

// evaluable reports whether the trip count can be computed at decl
// instead of at loop. The variables it reads must be declared before decl
// and not assigned in between. And either nothing lies in between, or
// the count cannot panic nor race wherever it is computed: it reads only
// local variables of fn, never through a pointer, that no closure
// assigns and whose address is never taken (so that no call in between
// changes them), and divides by no variable. Otherwise a guard in between
// (if s == nil { return }, a Lock) would no longer protect it.
func evaluable(info *types.Info, fn ast.Node, between []ast.Stmt, decl, loop ast.Stmt, tc loops.TripCount) bool {
	for _, v := range tc.Vars {
		if v.Pos() >= decl.Pos() && v.Pos() < loop.Pos() {
			return false
		}
	}
	for _, s := range between {
		if loops.AssignsAny(info, s, tc.Vars) {
			return false
		}
	}
	if len(between) == 0 {
		return true
	}
	e := tc.Expr
	if tc.X != nil {
		e = tc.X
	}
	for _, v := range tc.Vars {
		if !loops.Contains(fn, v.Pos()) || sharedLocal(info, fn, v) {
			return false
		}
	}
	return !mayPanic(info, e)
}

// sharedLocal reports whether fn lets code other than its own statements
// change v: a function literal assigns it, or its address is taken,
// explicitly or by calling a pointer method on it.
func sharedLocal(info *types.Info, fn ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			found = n != fn && loops.AssignsAny(info, n.Body, []*types.Var{v})
		case *ast.UnaryExpr:
			found = n.Op == token.AND && root(info, n.X) == v
		case *ast.SelectorExpr:
			if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal && !sel.Indirect() {
				if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
					_, ptrRecv := sig.Recv().Type().Underlying().(*types.Pointer)
					found = ptrRecv && root(info, n.X) == v
				}
			}
		}
		return !found
	})
	return found
}

// root returns the variable whose storage e designates (x in x, x.f,
// x[i] for an array x), or nil.
func root(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			return v
		case *ast.SelectorExpr:
			if sel := info.Selections[x]; sel == nil || sel.Indirect() {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			if _, arr := info.TypeOf(x.X).Underlying().(*types.Array); !arr {
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}

// mayPanic reports whether evaluating e (made of what loops.Trips
// accepts) can panic: a field selected through a pointer, or a division
// by a non-constant.
func mayPanic(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			sel := info.Selections[n]
			found = sel != nil && sel.Indirect()
		case *ast.BinaryExpr:
			found = (n.Op == token.QUO || n.Op == token.REM) && info.Types[n.Y].Value == nil
		}
		return !found
	})
	return found
}
