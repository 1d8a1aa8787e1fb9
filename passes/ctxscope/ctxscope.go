// Package ctxscope finds the contexts in scope at a point of a function:
// the context.Context parameters and variables visible there, the
// Context() of an *http.Request parameter, and the context.Context fields
// of a method's receiver. ctxcheck's analyzers use it to tell whether a
// function could have observed cancellation, and with which expression.
package ctxscope

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/apimatch"
)

// Kind says where a context in scope comes from.
type Kind int

const (
	Param   Kind = iota // a parameter of an enclosing function
	Local               // a variable declared before the point
	Request             // the Context() of an *http.Request parameter
	Field               // a context.Context field of the receiver
)

// Source is one context in scope.
type Source struct {
	Kind Kind
	Var  *types.Var // the parameter, variable or receiver it is reached through
	Expr string     // how to write it at the point: "ctx", "r.Context()", "s.ctx"
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	return apimatch.IsType(t, "context", "Context")
}

// IsRequest reports whether t is *net/http.Request.
func IsRequest(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	return ok && apimatch.IsType(ptr.Elem(), "net/http", "Request")
}

// InScope returns the contexts visible at pos, innermost scope first (by
// name within a scope), given
// path, the AST nodes enclosing pos from the innermost outwards (as
// astutil.PathEnclosingInterval or loops.Path return it). A name shadowed
// by an inner declaration is not returned, nor is a variable declared at
// or after pos.
func InScope(info *types.Info, path []ast.Node, pos token.Pos) []Source {
	var out []Source
	seen := map[string]types.Object{} // what each name resolves to at pos
	for i, n := range path {
		scope := scopeOf(info, n)
		if scope == nil {
			continue
		}
		fn := funcOf(path[i:])
		for _, name := range scope.Names() {
			obj := scope.Lookup(name)
			// LookupParent knows where a declaration's scope starts: a
			// variable of "v := f()" is not in scope within f().
			if _, at := scope.LookupParent(name, pos); seen[name] != nil || name == "_" || at != obj && !isParam(fn, obj) {
				continue
			}
			seen[name] = obj
			v, ok := obj.(*types.Var)
			if !ok {
				continue
			}
			switch t := v.Type(); {
			case IsContext(t) && isParam(fn, v):
				out = append(out, Source{Kind: Param, Var: v, Expr: name})
			case IsContext(t):
				out = append(out, Source{Kind: Local, Var: v, Expr: name})
			case IsRequest(t) && isParam(fn, v):
				out = append(out, Source{Kind: Request, Var: v, Expr: name + ".Context()"})
			}
		}
		if decl, ok := n.(*ast.FuncDecl); ok {
			out = append(out, receiverFields(info, decl, seen)...)
		}
	}
	return out
}

// scopeOf returns the scope that n opens, if any.
func scopeOf(info *types.Info, n ast.Node) *types.Scope {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return info.Scopes[n.Type]
	case *ast.FuncLit:
		return info.Scopes[n.Type]
	}
	return info.Scopes[n]
}

// funcOf returns the innermost function type among path's nodes.
func funcOf(path []ast.Node) *ast.FuncType {
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncDecl:
			return n.Type
		case *ast.FuncLit:
			return n.Type
		}
	}
	return nil
}

func isParam(fn *ast.FuncType, v types.Object) bool {
	return fn != nil && fn.Params != nil && fn.Params.Pos() <= v.Pos() && v.Pos() < fn.Params.End()
}

// receiverFields returns the receiver's context fields of a method, as
// "recv.field", unless the receiver's name is shadowed or blank.
func receiverFields(info *types.Info, decl *ast.FuncDecl, seen map[string]types.Object) []Source {
	if decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	id := decl.Recv.List[0].Names[0]
	recv, ok := info.Defs[id].(*types.Var)
	if !ok || id.Name == "_" || seen[id.Name] != recv {
		return nil
	}
	t := recv.Type()
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []Source
	for f := range st.Fields() {
		if IsContext(f.Type()) && !f.Embedded() && (f.Exported() || f.Pkg() == recv.Pkg()) {
			out = append(out, Source{Kind: Field, Var: recv, Expr: strings.Join([]string{id.Name, f.Name()}, ".")})
		}
	}
	return out
}

// Own returns the contexts of InScope that the innermost function around
// pos receives or declares itself, and that function (an *ast.FuncDecl or
// *ast.FuncLit; nil outside functions). A function literal may run after
// the function around it has returned, when that function's context is
// done: the contexts it only captures are not its own.
func Own(info *types.Info, path []ast.Node, pos token.Pos) ([]Source, ast.Node) {
	var fn ast.Node
	for _, n := range path {
		if _, ok := n.(*ast.FuncDecl); ok {
			fn = n
			break
		}
		if _, ok := n.(*ast.FuncLit); ok {
			fn = n
			break
		}
	}
	if fn == nil {
		return nil, nil
	}
	var own []Source
	for _, s := range InScope(info, path, pos) {
		if fn.Pos() <= s.Var.Pos() && s.Var.Pos() < fn.End() {
			own = append(own, s)
		}
	}
	return own, fn
}

// ObservesDone reports whether fn, before pos, calls Done or Err on one of
// the contexts srcs: code that has seen a context end (a graceful
// shutdown after <-ctx.Done(), cleanup after ctx.Err() != nil) needs a
// fresh one on purpose.
func ObservesDone(info *types.Info, fn ast.Node, srcs []Source, pos token.Pos) bool {
	exprs := make(map[string]bool, len(srcs))
	for _, s := range srcs {
		exprs[s.Expr] = true
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= pos {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if ok && (sel.Sel.Name == "Done" || sel.Sel.Name == "Err") && IsContext(info.TypeOf(sel.X)) && exprs[types.ExprString(sel.X)] {
			found = true
		}
		return !found
	})
	return found
}

// Path returns the nodes from cur's up to the file, innermost first.
func Path(cur inspector.Cursor) []ast.Node {
	var path []ast.Node
	for c := range cur.Enclosing() {
		path = append(path, c.Node())
	}
	return path
}

// Describe says where src comes from, for messages about fn, the
// function that declares it.
func Describe(src Source, fn ast.Node) string {
	name := "the function literal"
	if decl, ok := fn.(*ast.FuncDecl); ok {
		name = decl.Name.Name
	}
	switch src.Kind {
	case Param:
		return "parameter of " + name
	case Request:
		return "request given to " + name
	case Field:
		return "field of " + name + "'s receiver"
	}
	return "declared in " + name
}

// Origin is Describe for a source in scope at path[0]: it names the
// function of path that declares src, which for a context captured by a
// function literal is an enclosing one.
func Origin(src Source, path []ast.Node) string {
	return Describe(src, Declaring(src, path))
}

// Declaring returns the function of path that declares src, or nil.
func Declaring(src Source, path []ast.Node) ast.Node {
	for _, n := range path {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			if n.Pos() <= src.Var.Pos() && src.Var.Pos() < n.End() {
				return n
			}
		}
	}
	return nil
}

// TestOwned reports whether src, a context of fn, is one a test made
// and ends itself: fn is in a test file and is a function literal (a
// handler of a test server, a hook given to code under test) or src is
// the request fn serves (a fake server's method). Such stubs ignore it on
// purpose, acting as a plain server or network would.
func TestOwned(fset *token.FileSet, src Source, fn ast.Node) bool {
	if fn == nil || !strings.HasSuffix(fset.File(fn.Pos()).Name(), "_test.go") {
		return false
	}
	_, lit := fn.(*ast.FuncLit)
	return lit || src.Kind == Request
}

// derivations are the functions that derive a context from a parent,
// their first argument.
var derivations = []string{"WithCancel", "WithCancelCause", "WithDeadline", "WithDeadlineCause", "WithTimeout", "WithTimeoutCause", "WithValue"}

// HandedToCalls reports whether the context made by path[0], an
// expression in fn, directly or through derivations (context.WithTimeout
// and the like) and local variables, only ever goes to calls that fn
// makes itself, at least one of which uses it (ignores says which
// arguments of a call its callee discards), or is returned by fn in
// place of a context parameter: not to go or defer statements, not into
// fields, globals or function literals, and not back into one of srcs
// (a nil guard). Such a context serves work that fn waits for, which a
// context in scope should bound.
func HandedToCalls(info *types.Info, fn ast.Node, path []ast.Node, srcs []Source, ignores func(*ast.CallExpr, int) bool) bool {
	for i := 0; i+1 < len(path); i++ {
		expr := path[i]
		switch parent := path[i+1].(type) {
		case *ast.ParenExpr:
			continue
		case *ast.CallExpr:
			if parent.Fun == expr {
				return false
			}
			if Derives(info, parent) && parent.Args[0] == expr {
				continue
			}
			return ordinaryCall(path[i+1:], fn) && !ignores(parent, argIndex(parent, expr))
		case *ast.AssignStmt:
			if len(parent.Rhs) != 1 || parent.Rhs[0] != expr {
				return false
			}
			return localHandedToCalls(info, fn, parent.Lhs[0], srcs, ignores)
		case *ast.ValueSpec:
			if len(parent.Values) != 1 || parent.Values[0] != expr {
				return false
			}
			return localHandedToCalls(info, fn, parent.Names[0], srcs, ignores)
		case *ast.ReturnStmt:
			return replacesParam(info, fn, path[i+1:], srcs)
		default:
			return false
		}
	}
	return false
}

// argIndex returns the index of arg among call's arguments, or -1.
func argIndex(call *ast.CallExpr, arg ast.Node) int {
	for i, a := range call.Args {
		if a == arg {
			return i
		}
	}
	return -1
}

// replacesParam reports whether the return statement path[0] of fn hands
// a new context to fn's caller, which gave fn a context: unless the return
// is guarded by a nil test of that context.
func replacesParam(info *types.Info, fn ast.Node, path []ast.Node, srcs []Source) bool {
	given := false
	for _, s := range srcs {
		given = given || s.Kind == Param || s.Kind == Request
	}
	if !given {
		return false
	}
	exprs := Exprs(srcs)
	for _, n := range path {
		if n == fn {
			break
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok {
			continue
		}
		guard := false
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			if cmp, ok := n.(*ast.BinaryExpr); ok && (cmp.Op == token.EQL || cmp.Op == token.NEQ) {
				guard = guard || exprs[types.ExprString(cmp.X)] && info.Types[cmp.Y].IsNil() || exprs[types.ExprString(cmp.Y)] && info.Types[cmp.X].IsNil()
			}
			return !guard
		})
		if guard {
			return false
		}
	}
	return true
}

// Derives reports whether call derives a context from its first
// argument (context.WithValue, WithCancel, WithTimeout and the like).
func Derives(info *types.Info, call *ast.CallExpr) bool {
	callee := typeutil.Callee(info, call)
	for _, name := range derivations {
		if apimatch.IsFunc(callee, "context", name) {
			return len(call.Args) > 0
		}
	}
	return false
}

// ordinaryCall reports whether path[0], a call in fn, is neither the
// call of a go or defer statement nor inside a function literal of fn.
func ordinaryCall(path []ast.Node, fn ast.Node) bool {
	if len(path) > 1 {
		switch stmt := path[1].(type) {
		case *ast.GoStmt:
			return stmt.Call != path[0]
		case *ast.DeferStmt:
			return stmt.Call != path[0]
		}
	}
	for _, n := range path[1:] {
		if n == fn {
			return true
		}
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.FuncDecl:
			return true
		}
	}
	return true
}

// localHandedToCalls reports whether lhs is a local variable of fn, not
// one of srcs, used at least once and only as an argument of ordinary
// calls made by fn, one of which uses it.
func localHandedToCalls(info *types.Info, fn ast.Node, lhs ast.Expr, srcs []Source, ignores func(*ast.CallExpr, int) bool) bool {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.Pos() < fn.Pos() || v.Pos() >= fn.End() {
		return false
	}
	for _, s := range srcs {
		if s.Var == v {
			return false
		}
	}
	used := false
	ok = true
	var stack []ast.Node
	ast.Inspect(fn, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if use, isIdent := n.(*ast.Ident); isIdent && use != id && info.Uses[use] == v {
			path := []ast.Node{use}
			for j := len(stack) - 1; j >= 0; j-- {
				path = append(path, stack[j])
			}
			call, isCall := path[1].(*ast.CallExpr)
			if !isCall || call.Fun == use || !ordinaryCall(path[1:], fn) {
				ok = false
			} else {
				used = used || !ignores(call, argIndex(call, use))
			}
		}
		stack = append(stack, n)
		return ok
	})
	return ok && used
}

// RunsOnce reports whether fn is main, init or TestMain, where a process
// or a test run starts its root context.
func RunsOnce(fn ast.Node) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok || decl.Recv != nil {
		return false
	}
	switch decl.Name.Name {
	case "main", "init", "TestMain":
		return true
	}
	return false
}

// Given returns the contexts of srcs that the function was given: its
// parameters, its request's, its receiver's; not the local variables,
// which may be contexts the function makes for its own purposes.
func Given(srcs []Source) []Source {
	var out []Source
	for _, s := range srcs {
		if s.Kind != Local {
			out = append(out, s)
		}
	}
	return out
}

// NotLifetimes returns srcs without the context fields of receivers
// whose type also holds a context.CancelFunc: such a context is the
// object's own lifetime, which the object ends itself (an Exit or Close
// that cancels it once its work has stopped), not a context its methods
// were given for their work.
func NotLifetimes(srcs []Source) []Source {
	var out []Source
	for _, s := range srcs {
		if s.Kind != Field || !cancels(s.Var.Type()) {
			out = append(out, s)
		}
	}
	return out
}

// cancels reports whether t, a struct or a pointer to one, has a field
// of type context.CancelFunc or context.CancelCauseFunc.
func cancels(t types.Type) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if apimatch.IsType(f.Type(), "context", "CancelFunc") || apimatch.IsType(f.Type(), "context", "CancelCauseFunc") {
			return true
		}
	}
	return false
}

// Wrapper reports whether fn is a one-statement method whose only
// context is a field of its receiver: an API variant without a context
// that delegates to the one with (Prepare calling PrepareContext), where
// the receiver's context is not the caller's.
func Wrapper(fn ast.Node, srcs []Source) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok || decl.Body == nil || len(decl.Body.List) != 1 {
		return false
	}
	for _, s := range srcs {
		if s.Kind != Field {
			return false
		}
	}
	return true
}
