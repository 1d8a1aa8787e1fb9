package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/gohazard/gohazard/passes/loops"
)

// A use says how far a value of the iteration may live past it.
type use int

const (
	dead     use = iota // read, compared or reassigned in the iteration only
	retained            // passed to a call or closure that may keep it
	escapes             // stored outside the loop, sent or captured by a goroutine
)

// iteration describes the variables declared in one loop: how each is
// defined, and which of them carry a value of another.
type iteration struct {
	pass *analysis.Pass
	loop ast.Stmt
	cur  inspector.Cursor     // the loop
	defs map[*types.Var][]def // definitions in the loop, header included
	kept map[ast.Expr]bool    // calls with a result assigned to something outside the loop
}

// A def is one definition of a variable: from rhs (one result of it when
// tuple), or as the key or value of a range over rangeX.
type def struct {
	rhs    ast.Expr
	tuple  bool
	rangeX ast.Expr
}

func newIteration(pass *analysis.Pass, loop ast.Stmt, cur inspector.Cursor) *iteration {
	it := &iteration{pass: pass, loop: loop, cur: cur, defs: map[*types.Var][]def{}, kept: map[ast.Expr]bool{}}
	add := func(id ast.Expr, d def) {
		if id, ok := id.(*ast.Ident); ok {
			if v, ok := pass.TypesInfo.ObjectOf(id).(*types.Var); ok && loops.Contains(loop, v.Pos()) {
				it.defs[v] = append(it.defs[v], d)
			}
		}
	}
	ast.Inspect(loop, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					add(e, def{rangeX: n.X})
				}
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if len(n.Lhs) == len(n.Rhs) {
					add(l, def{rhs: n.Rhs[i]})
				} else if len(n.Rhs) == 1 {
					add(l, def{rhs: n.Rhs[0], tuple: true})
					if t := pass.TypesInfo.TypeOf(l); !it.local(l) && t != nil && refersType(t) {
						it.kept[n.Rhs[0]] = true
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				switch {
				case len(n.Values) == len(n.Names):
					add(name, def{rhs: n.Values[i]})
				case len(n.Values) == 1:
					add(name, def{rhs: n.Values[0], tuple: true})
				}
			}
		}
		return true
	})
	return it
}

// produced reports whether some definition of v in the loop makes a new
// value (a call, a receive, an allocation) rather than copying one that
// exists before the iteration, such as the elements of a ranged slice or
// map: deferring work on those releases a batch at return, which piles up
// nothing.
func (it *iteration) produced(v *types.Var) bool {
	return it.producedVar(v, map[*types.Var]bool{})
}

func (it *iteration) producedVar(v *types.Var, seen map[*types.Var]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	for _, d := range it.defs[v] {
		if d.rangeX != nil {
			switch under(it.pass.TypesInfo.TypeOf(d.rangeX)).(type) {
			case *types.Chan, *types.Signature:
				return true
			}
			continue
		}
		if it.producing(d.rhs, seen) {
			return true
		}
	}
	return false
}

func (it *iteration) producing(e ast.Expr, seen map[*types.Var]bool) bool {
	info := it.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			return len(e.Args) == 1 && it.producing(e.Args[0], seen)
		}
		if b, ok := info.Uses[ident(e.Fun)].(*types.Builtin); ok {
			switch b.Name() {
			case "append", "make", "new":
				return true
			}
			return false
		}
		return true
	case *ast.UnaryExpr:
		return e.Op == token.ARROW || it.producing(e.X, seen)
	case *ast.CompositeLit, *ast.FuncLit:
		return true
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		return ok && it.producedVar(v, seen)
	case *ast.SelectorExpr:
		return it.producing(e.X, seen)
	case *ast.IndexExpr:
		return it.producing(e.X, seen)
	case *ast.StarExpr:
		return it.producing(e.X, seen)
	case *ast.SliceExpr:
		return it.producing(e.X, seen)
	case *ast.TypeAssertExpr:
		return it.producing(e.X, seen)
	}
	return false
}

// yielded reports whether v is defined by a range over an iterator
// function, which may still use the value after yield returns.
func (it *iteration) yielded(v *types.Var) bool {
	for _, d := range it.defs[v] {
		if d.rangeX != nil {
			if _, ok := under(it.pass.TypesInfo.TypeOf(d.rangeX)).(*types.Signature); ok {
				return true
			}
		}
	}
	return false
}

// family returns v and the variables of the loop that may refer to what v
// refers to: the other results of the call that defines v (a server and
// its cleanup function) and values made from v (a reader wrapping a
// connection). Values of basic type and errors refer to nothing that a
// deferred call releases.
func (it *iteration) family(v *types.Var) map[*types.Var]bool {
	fam := map[*types.Var]bool{v: true}
	for w, ds := range it.defs {
		for _, dv := range it.defs[v] {
			for _, dw := range ds {
				if dv.tuple && dw.tuple && dv.rhs == dw.rhs && refers(w) {
					fam[w] = true
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for w, ds := range it.defs {
			if fam[w] || !refers(w) {
				continue
			}
			for _, d := range ds {
				x := d.rhs
				if x == nil {
					x = d.rangeX
				}
				if it.mentions(x, fam) {
					fam[w] = true
					changed = true
					break
				}
			}
		}
	}
	return fam
}

func refers(v *types.Var) bool { return refersType(v.Type()) }

func refersType(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Basic); ok {
		return false
	}
	return !types.Identical(t, types.Universe.Lookup("error").Type())
}

func (it *iteration) mentions(e ast.Expr, vars map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := it.pass.TypesInfo.Uses[id].(*types.Var); ok && vars[v] {
				found = true
			}
		}
		return !found
	})
	return found
}

// lifetime returns how far the values of vars may live past the
// iteration, judged by every use of them in the loop outside its defer
// statements (which run at the same time whether or not the body is
// wrapped).
func (it *iteration) lifetime(vars map[*types.Var]bool) use {
	// Another result of the call that made them kept outside the loop:
	// a context assigned to an outer variable, its cancel deferred.
	for v := range vars {
		for _, d := range it.defs[v] {
			if d.tuple && it.kept[d.rhs] {
				return escapes
			}
		}
	}
	worst := dead
	for c := range it.cur.Preorder((*ast.Ident)(nil)) {
		v, ok := it.pass.TypesInfo.Uses[c.Node().(*ast.Ident)].(*types.Var)
		if !ok || !vars[v] || it.inDefer(c) {
			continue
		}
		worst = max(worst, it.useOf(c))
		if worst == escapes {
			break
		}
	}
	return worst
}

// inDefer reports whether c lies in a defer statement of the loop's
// function (not of a function literal in the loop).
func (it *iteration) inDefer(c inspector.Cursor) bool {
	for p := range c.Enclosing((*ast.DeferStmt)(nil)) {
		if !it.cur.Contains(p) {
			return false
		}
		for f := range p.Enclosing((*ast.FuncLit)(nil)) {
			return !it.cur.Contains(f)
		}
		return true
	}
	return false
}

// useOf classifies the use of a variable at c by following the value up
// the expression that holds it.
func (it *iteration) useOf(c inspector.Cursor) use {
	if u, ok := it.captured(c); ok {
		return u
	}
	info := it.pass.TypesInfo
	first := true
	for ; c != it.cur; c, first = c.Parent(), false {
		k, idx := c.ParentEdge()
		parent := c.Parent().Node()
		switch k {
		case edge.AssignStmt_Lhs:
			// Assigning to the variable, or through it.
			return dead
		case edge.AssignStmt_Rhs:
			as := parent.(*ast.AssignStmt)
			targets := as.Lhs
			if len(as.Lhs) == len(as.Rhs) {
				targets = as.Lhs[idx : idx+1]
			}
			for _, l := range targets {
				if !it.local(l) {
					return escapes
				}
			}
			return dead
		case edge.ValueSpec_Values, edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.SendStmt_Chan,
			edge.ExprStmt_X, edge.IfStmt_Cond, edge.SwitchStmt_Tag, edge.CaseClause_List,
			edge.IncDecStmt_X, edge.ForStmt_Cond:
			return dead
		case edge.SendStmt_Value:
			return escapes
		case edge.ReturnStmt_Results:
			// A return ends the loop: only the iteration that returns
			// hands its value to the caller, every earlier one's is dead
			// after it. Its deferred call then runs as the value is
			// returned, so running it per iteration is no fix.
			return retained
		case edge.SelectorExpr_X:
			sel := info.Selections[parent.(*ast.SelectorExpr)]
			if sel == nil || sel.Kind() != types.FieldVal {
				// A method called with the value as receiver may keep
				// it; a method value keeps it.
				if call, ok := c.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == parent {
					return retained
				}
				return escapes
			}
			if _, ok := under(sel.Type()).(*types.Basic); ok {
				return dead
			}
		case edge.IndexExpr_Index:
			// A key stored into a map stays in it.
			ix := parent.(*ast.IndexExpr)
			if _, isMap := under(info.TypeOf(ix.X)).(*types.Map); isMap && c.Parent().ParentEdgeKind() == edge.AssignStmt_Lhs {
				return escapes
			}
			return dead
		case edge.UnaryExpr_X:
			if parent.(*ast.UnaryExpr).Op != token.AND {
				return dead
			}
		case edge.CallExpr_Fun:
			if first {
				// Calling a function value of the iteration.
				return dead
			}
		case edge.CallExpr_Args:
			call := parent.(*ast.CallExpr)
			if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
				continue
			}
			if b, ok := info.Uses[ident(call.Fun)].(*types.Builtin); ok {
				switch b.Name() {
				case "append":
					continue
				case "len", "cap", "delete", "clear", "close", "print", "println", "min", "max":
					return dead
				case "panic":
					return escapes
				}
			}
			return retained
		case edge.IndexExpr_X, edge.SliceExpr_X, edge.StarExpr_X, edge.ParenExpr_X,
			edge.TypeAssertExpr_X, edge.CompositeLit_Elts, edge.KeyValueExpr_Key, edge.KeyValueExpr_Value:
			// The value is part of the enclosing expression's.
		default:
			return retained
		}
	}
	return retained
}

// captured classifies a use inside a go statement or a function literal
// of the loop: a goroutine or a literal kept for later outlives the
// iteration; one called at once may keep the value.
func (it *iteration) captured(c inspector.Cursor) (use, bool) {
	for p := range c.Enclosing((*ast.GoStmt)(nil), (*ast.FuncLit)(nil)) {
		if !it.cur.Contains(p) {
			return dead, false
		}
		if _, ok := p.Node().(*ast.GoStmt); ok {
			return escapes, true
		}
		if call, ok := p.Parent().Node().(*ast.CallExpr); ok && call.Fun == p.Node() {
			if _, isGo := p.Parent().Parent().Node().(*ast.GoStmt); !isGo {
				return retained, true
			}
		}
		return escapes, true
	}
	return dead, false
}

// local reports whether e is a variable declared in the loop, or blank.
func (it *iteration) local(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		return true
	}
	obj := it.pass.TypesInfo.ObjectOf(id)
	return obj != nil && loops.Contains(it.loop, obj.Pos())
}

func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
