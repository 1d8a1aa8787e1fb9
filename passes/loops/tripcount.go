package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
)

// A TripCount is the number of iterations of a loop, known before it
// starts: len(xs) for a range over a slice, array or map xs, n for a range
// over an integer n or for i := 0; i < n; i++.
type TripCount struct {
	Expr ast.Expr     // the expression whose value is the count, or nil for len(X)
	X    ast.Expr     // for len(X): the ranged slice, array or map
	Vars []*types.Var // the variables the count reads
}

// Text returns the count as source text, given the text of expressions.
func (tc TripCount) Text(text func(ast.Expr) string) string {
	if tc.X != nil {
		return "len(" + text(tc.X) + ")"
	}
	return text(tc.Expr)
}

// Trips returns the trip count of loop when it is known before the loop
// runs and cannot change while it runs; the body may still leave early
// (see Exits), which makes it an upper bound. Ranges over strings are not
// counted (len counts bytes, not runes), nor loops whose count is a
// constant below 2.
func Trips(info *types.Info, loop ast.Stmt) (TripCount, bool) {
	body := Body(loop)
	if body == nil {
		return TripCount{}, false
	}
	var tc TripCount
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		t := info.TypeOf(loop.X)
		if t == nil {
			return tc, false
		}
		switch u := t.Underlying().(type) {
		case *types.Slice, *types.Map:
			tc.X = loop.X
		case *types.Array:
			if u.Len() < 2 {
				return tc, false
			}
			tc.X = loop.X
		case *types.Pointer:
			if a, ok := u.Elem().Underlying().(*types.Array); !ok || a.Len() < 2 {
				return tc, false
			}
			tc.X = loop.X
		case *types.Basic:
			if !isInteger(u) {
				return tc, false
			}
			tc.Expr = loop.X
		default:
			return tc, false
		}
	case *ast.ForStmt:
		n, ok := countingTo(info, loop)
		if !ok {
			return tc, false
		}
		tc.Expr = n
	default:
		return tc, false
	}
	e := tc.Expr
	if e == nil {
		e = tc.X
	}
	// A constant count must be an integer a make can take on every
	// platform; below 2 there is nothing to grow.
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if v, ok := intConst(tv.Value); !ok || v < 2 || v > math.MaxInt32 {
			return tc, false
		}
	}
	vars, ok := pureVars(info, e)
	if !ok {
		return tc, false
	}
	// A for loop reads its bound on every iteration: the body must not
	// change it.
	if _, isFor := loop.(*ast.ForStmt); isFor && AssignsAny(info, body, vars) {
		return tc, false
	}
	tc.Vars = vars
	return tc, true
}

// countingTo matches for i := 0; i < n; i++ (or i += 1), with i not
// assigned in the body, and returns n.
func countingTo(info *types.Info, loop *ast.ForStmt) (ast.Expr, bool) {
	init, ok := loop.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return nil, false
	}
	i, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, false
	}
	iv, _ := info.Defs[i].(*types.Var)
	if iv == nil || !isInteger(iv.Type()) {
		// A float counter has no integer count (and stops counting
		// past 2^53); a make cannot take it.
		return nil, false
	}
	if tv, ok := info.Types[init.Rhs[0]]; !ok || tv.Value == nil || tv.Value.String() != "0" {
		return nil, false
	}
	cond, ok := loop.Cond.(*ast.BinaryExpr)
	if !ok || cond.Op != token.LSS {
		return nil, false
	}
	if id, ok := ast.Unparen(cond.X).(*ast.Ident); !ok || info.Uses[id] != iv {
		return nil, false
	}
	switch post := loop.Post.(type) {
	case *ast.IncDecStmt:
		if post.Tok != token.INC {
			return nil, false
		}
	case *ast.AssignStmt:
		if tv, ok := info.Types[post.Rhs[0]]; post.Tok != token.ADD_ASSIGN || !ok || tv.Value == nil || tv.Value.String() != "1" {
			return nil, false
		}
	default:
		return nil, false
	}
	if AssignsAny(info, loop.Body, []*types.Var{iv}) {
		return nil, false
	}
	return cond.Y, true
}

// pureVars returns the variables e reads, when e is made only of
// variables, constants, field selections, len and cap, and arithmetic:
// evaluating it twice gives the same value if the variables keep theirs.
func pureVars(info *types.Info, e ast.Expr) ([]*types.Var, bool) {
	var vars []*types.Var
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil:
		case *ast.Ident:
			switch obj := info.Uses[n].(type) {
			case *types.Var:
				if !obj.IsField() {
					vars = append(vars, obj)
				}
			case *types.Const, *types.Builtin, *types.TypeName, *types.PkgName, nil:
			default:
				ok = false
			}
		case *ast.CallExpr:
			if id, isIdent := ast.Unparen(n.Fun).(*ast.Ident); !isIdent || (id.Name != "len" && id.Name != "cap") {
				ok = false
			} else if _, builtin := info.Uses[id].(*types.Builtin); !builtin {
				ok = false
			}
		case *ast.SelectorExpr, *ast.BinaryExpr, *ast.ParenExpr, *ast.BasicLit:
		case *ast.StarExpr, *ast.IndexExpr:
			// Through pointers or indexes the value may change without
			// an assignment to a variable.
			ok = false
		default:
			ok = false
		}
		return ok
	})
	return vars, ok
}

// AssignsAny reports whether n assigns to one of vars, takes its address,
// or increments it.
func AssignsAny(info *types.Info, n ast.Node, vars []*types.Var) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		obj := info.ObjectOf(id)
		for _, v := range vars {
			if obj == v {
				return true
			}
		}
		return false
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				found = found || is(l)
			}
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		case *ast.RangeStmt:
			found = found || n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value)
		}
		return !found
	})
	return found
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// intConst returns the value of an integer constant that fits in an
// int64; any other constant (float, complex, huge, not a number) is not
// a count.
func intConst(v constant.Value) (int64, bool) {
	if v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// NonNegative reports whether the count cannot be negative, so that a
// make can take it as it is: a len or cap, an unsigned value, a constant
// (Trips only returns those at least 2), or sums of these.
func (tc TripCount) NonNegative(info *types.Info) bool {
	if tc.X != nil {
		return true
	}
	return nonNegative(info, tc.Expr)
}

func nonNegative(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok {
		return false
	}
	if tv.Value != nil {
		return tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) >= 0
	}
	if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Info()&types.IsUnsigned != 0 {
		return true
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return nonNegative(info, e.X)
	case *ast.CallExpr:
		id, ok := ast.Unparen(e.Fun).(*ast.Ident)
		if !ok {
			return false
		}
		b, ok := info.Uses[id].(*types.Builtin)
		return ok && (b.Name() == "len" || b.Name() == "cap")
	case *ast.BinaryExpr:
		// Lengths of values in memory are far below the overflow of
		// their sum.
		return e.Op == token.ADD && nonNegative(info, e.X) && nonNegative(info, e.Y)
	}
	return false
}

// ConstTrips returns the trip count of loop when it is a constant: the
// length of a ranged array, n in range n or for i := 0; i < n; i++ with n
// constant (0 when negative). The body may still leave early: it is an
// upper bound.
func ConstTrips(info *types.Info, loop ast.Stmt) (int64, bool) {
	var n ast.Expr
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		if t := info.TypeOf(loop.X); t != nil {
			t = t.Underlying()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem().Underlying()
			}
			if a, ok := t.(*types.Array); ok {
				return a.Len(), true
			}
		}
		n = loop.X
	case *ast.ForStmt:
		var ok bool
		if n, ok = countingTo(info, loop); !ok {
			return 0, false
		}
	default:
		return 0, false
	}
	tv, ok := info.Types[n]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v, ok := intConst(tv.Value)
	return max(v, 0), ok
}
