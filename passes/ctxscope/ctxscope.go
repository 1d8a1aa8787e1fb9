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

	"github.com/gohazard/gohazard/passes/ssautil"
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
	return ssautil.IsType(t, "context", "Context")
}

// IsRequest reports whether t is *net/http.Request.
func IsRequest(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	return ok && ssautil.IsType(ptr.Elem(), "net/http", "Request")
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
			if seen[name] != nil || name == "_" || obj.Pos() >= pos && !isParam(fn, obj) {
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
