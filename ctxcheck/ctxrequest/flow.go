package ctxrequest

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/ctxscope"
)

// RequestParams is the fact exported for a function with *http.Request
// parameters: which of them (by index) it may send, and which it gives a
// context (req.WithContext(ctx), req.Clone(ctx)).
type RequestParams struct {
	Sends, Attaches []bool
}

func (*RequestParams) AFact() {}

func (f *RequestParams) String() string {
	return fmt.Sprintf("sends %v attaches %v", indexes(f.Sends), indexes(f.Attaches))
}

func indexes(set []bool) []int {
	var out []int
	for i, in := range set {
		if in {
			out = append(out, i)
		}
	}
	return out
}

// fate is what a function does with a request value.
type fate struct {
	sent     bool // it may reach the network: a client, a transport, a caller
	attached bool // it is given a context
}

// exportFacts computes RequestParams for the package's functions, to a
// fixed point: a function that hands its request to another of the
// package's functions does what that one does.
func exportFacts(pass *analysis.Pass, decls []*ast.FuncDecl) {
	for changed := true; changed; {
		changed = false
		for _, decl := range decls {
			obj, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok || decl.Body == nil {
				continue
			}
			var fact RequestParams
			pass.ImportObjectFact(obj, &fact)
			params := obj.Signature().Params()
			next := RequestParams{Sends: make([]bool, params.Len()), Attaches: make([]bool, params.Len())}
			some := false
			for i := range params.Len() {
				p := params.At(i)
				if !ctxscope.IsRequest(p.Type()) {
					continue
				}
				f := follow(pass, decl.Body, p)
				next.Sends[i], next.Attaches[i] = f.sent, f.attached
				some = some || f.sent || f.attached
			}
			if some && next.String() != fact.String() {
				pass.ExportObjectFact(obj, &next)
				changed = true
			}
		}
	}
}

// follow returns what body does with the request in v: whether it may
// send it, and whether it attaches a context to it. The request is
// followed through local copies.
func follow(pass *analysis.Pass, body ast.Node, v *types.Var) fate {
	info := pass.TypesInfo
	vars := map[*types.Var]bool{v: true}
	var f fate
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok {
			if u, ok := info.Uses[id].(*types.Var); ok && vars[u] {
				use(pass, id, stack, vars, &f)
			}
		}
		stack = append(stack, n)
		return true
	})
	return f
}

// use records in f what the use id of a request does, given the nodes
// enclosing it (outermost first); a copy to a local variable adds that
// variable to vars.
func use(pass *analysis.Pass, id *ast.Ident, stack []ast.Node, vars map[*types.Var]bool, f *fate) {
	info := pass.TypesInfo
	var e ast.Expr = id
	for i := len(stack) - 1; i >= 0; i-- {
		switch parent := stack[i].(type) {
		case *ast.ParenExpr:
			e = parent
			continue
		case *ast.FuncLit:
			f.sent = true // captured: it may be sent later
			return
		case *ast.SelectorExpr:
			if i > 0 {
				if call, ok := stack[i-1].(*ast.CallExpr); ok && call.Fun == parent {
					method(typeutil.Callee(info, call), f)
				}
			}
			return // a field or method: not the request itself
		case *ast.CallExpr:
			if parent.Fun != e {
				call(pass, parent, e, stack[:i], f)
			}
			return
		case *ast.AssignStmt:
			for j, rhs := range parent.Rhs {
				if rhs != e || len(parent.Lhs) != len(parent.Rhs) {
					continue
				}
				if lhs, ok := parent.Lhs[j].(*ast.Ident); ok {
					if lhs.Name == "_" {
						return // discarded
					}
					if v, ok := info.ObjectOf(lhs).(*types.Var); ok && v.Parent() != nil && v.Parent() != v.Pkg().Scope() {
						vars[v] = true
						return
					}
				}
				f.sent = true // stored in a field, a map, a global
			}
			return
		case *ast.ValueSpec:
			for j, val := range parent.Values {
				if val == e && j < len(parent.Names) {
					if v, ok := info.Defs[parent.Names[j]].(*types.Var); ok {
						vars[v] = true
					}
				}
			}
			return
		case *ast.BinaryExpr, *ast.StarExpr, *ast.IfStmt, *ast.SwitchStmt, *ast.ExprStmt:
			return // compared, dereferenced, tested
		default:
			f.sent = true // returned, sent on a channel, stored in a literal
			return
		}
	}
}

// method records what calling m on a request does.
func method(m types.Object, f *fate) {
	switch {
	case apimatch.IsMethod(m, "net/http", "Request", "WithContext"), apimatch.IsMethod(m, "net/http", "Request", "Clone"):
		f.attached = true
	case apimatch.IsMethod(m, "net/http", "Request", "Write"), apimatch.IsMethod(m, "net/http", "Request", "WriteProxy"):
		f.sent = true
	}
}

// call records what passing the request e to call does: a function with
// a RequestParams fact does what it says; a function that returns an
// *http.Response, kept by the caller, sends it (Client.Do, RoundTrip); a
// call of an unknown function may send it.
func call(pass *analysis.Pass, call *ast.CallExpr, e ast.Expr, stack []ast.Node, f *fate) {
	callee, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok {
		if _, builtin := typeutil.Callee(pass.TypesInfo, call).(*types.Builtin); !builtin {
			f.sent = true
		}
		return
	}
	if sig := callee.Signature(); sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) && !returnsResponse(sig) {
		f.sent = true // an interface method: any implementation
		return
	}
	sends := false
	var fact RequestParams
	if pass.ImportObjectFact(callee, &fact) {
		for i, arg := range call.Args {
			if arg == e && i < len(fact.Sends) {
				sends = fact.Sends[i]
				f.attached = f.attached || fact.Attaches[i]
			}
		}
	}
	if returnsResponse(callee.Signature()) {
		// A call that returns the response sends the request for it, or
		// only pretends to when the response is not wanted.
		sends = responseKept(call, stack)
	}
	f.sent = f.sent || sends
}

func returnsResponse(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		if ptr, ok := types.Unalias(v.Type()).(*types.Pointer); ok && apimatch.IsType(ptr.Elem(), "net/http", "Response") {
			return true
		}
	}
	return false
}

// responseKept reports whether the results of call, enclosed by stack
// (outermost first), are used: a request whose response is thrown away
// (httputil.DumpRequestOut's fake round trip) was not sent for it.
func responseKept(call *ast.CallExpr, stack []ast.Node) bool {
	if len(stack) == 0 {
		return true
	}
	switch parent := stack[len(stack)-1].(type) {
	case *ast.ExprStmt:
		return false
	case *ast.AssignStmt:
		id, ok := parent.Lhs[0].(*ast.Ident)
		return !ok || id.Name != "_"
	}
	return true
}
