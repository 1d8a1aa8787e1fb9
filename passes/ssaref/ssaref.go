// Package ssaref tells which SSA values denote the same variable, and
// what a call binds, is handed and runs: the reasoning analyzers share to
// follow a value (a mutex, a WaitGroup, a channel) into the functions a
// call starts or calls.
package ssaref

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// SameRef reports whether a and b certainly denote the same variable or
// value: the same SSA value, or the same field or element path from the
// same root, loaded from the same place.
func SameRef(a, b ssa.Value) bool {
	return SameRefIn(a, b, nil)
}

// SameRefIn is SameRef where a belongs to a function started or called
// from b's: subst maps a's free variables and parameters to the values
// the call binds them to.
func SameRefIn(a, b ssa.Value, subst map[ssa.Value]ssa.Value) bool {
	if s, ok := subst[a]; ok {
		a = s
	}
	if a == b {
		return true
	}
	switch a := a.(type) {
	case *ssa.FieldAddr:
		b, ok := b.(*ssa.FieldAddr)
		return ok && a.Field == b.Field && SameRefIn(a.X, b.X, subst)
	case *ssa.Field:
		b, ok := b.(*ssa.Field)
		return ok && a.Field == b.Field && SameRefIn(a.X, b.X, subst)
	case *ssa.UnOp:
		b, ok := b.(*ssa.UnOp)
		return ok && a.Op == token.MUL && b.Op == token.MUL && SameRefIn(a.X, b.X, subst)
	case *ssa.ChangeType:
		b, ok := b.(*ssa.ChangeType)
		return ok && SameRefIn(a.X, b.X, subst)
	}
	return false
}

// Bindings maps the free variables and parameters of the function that
// call runs to the values the call gives them.
func Bindings(call ssa.CallInstruction) (*ssa.Function, map[ssa.Value]ssa.Value) {
	common := call.Common()
	fn := common.StaticCallee()
	if fn == nil {
		return nil, nil
	}
	subst := map[ssa.Value]ssa.Value{}
	if mc, ok := common.Value.(*ssa.MakeClosure); ok {
		for i, b := range mc.Bindings {
			subst[fn.FreeVars[i]] = b
		}
	}
	for i, arg := range common.Args {
		if i < len(fn.Params) {
			subst[fn.Params[i]] = arg
		}
	}
	return fn, subst
}

// MayBeSame reports whether a and b may denote the same variable: they
// certainly do (SameRef), or one is reached through a phi, a value that
// changes along the way (hand-over-hand locking reassigns the node whose
// mutex is unlocked next).
func MayBeSame(a, b ssa.Value) bool {
	return SameRef(a, b) || throughPhi(a) || throughPhi(b)
}

func throughPhi(v ssa.Value) bool {
	_, ok := root(v).(*ssa.Phi)
	return ok
}

// chain returns v and the values it is reached from through field
// selections, loads and conversions, v first and its root last: for
// &s.mu, the field address, the load of s, and s's variable.
func chain(v ssa.Value) []ssa.Value {
	vs := []ssa.Value{v}
	for {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.UnOp:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return vs
		}
		vs = append(vs, v)
	}
}

// root returns the last value of chain(v).
func root(v ssa.Value) ssa.Value {
	c := chain(v)
	return c[len(c)-1]
}

// Hands reports whether call is handed v, or a value v was reached from
// (the struct holding a mutex field, say), as an argument, receiver or
// closure binding: the callee may then operate on v.
func Hands(call ssa.CallInstruction, v ssa.Value) bool {
	roots := chain(v)
	handed := func(arg ssa.Value) bool {
		return slices.ContainsFunc(roots, func(r ssa.Value) bool { return SameRef(arg, r) })
	}
	common := call.Common()
	for _, arg := range common.Args {
		if handed(arg) {
			return true
		}
		// A closure handed on (the body of a range-over-func loop, say)
		// hands what it binds.
		if mc, ok := arg.(*ssa.MakeClosure); ok && slices.ContainsFunc(mc.Bindings, handed) {
			return true
		}
	}
	if common.IsInvoke() && handed(common.Value) {
		return true
	}
	if mc, ok := common.Value.(*ssa.MakeClosure); ok {
		for _, b := range mc.Bindings {
			if handed(b) {
				return true
			}
		}
	}
	return false
}

// Runs returns the functions with bodies that call may run: its static
// callee, and the functions and closures it is handed as arguments (the
// body of a range-over-func loop is handed to the iterator).
func Runs(call ssa.CallInstruction) []*ssa.Function {
	var fns []*ssa.Function
	add := func(v ssa.Value) {
		if mc, ok := v.(*ssa.MakeClosure); ok {
			v = mc.Fn
		}
		if fn, ok := v.(*ssa.Function); ok && fn.Blocks != nil {
			fns = append(fns, fn)
		}
	}
	if fn := call.Common().StaticCallee(); fn != nil && fn.Blocks != nil {
		fns = append(fns, fn)
	}
	for _, arg := range call.Common().Args {
		add(arg)
	}
	return fns
}

// RunsAny reports whether call may run a function of the package (see
// Runs) for which pred holds.
func RunsAny(call ssa.CallInstruction, pred func(*ssa.Function) bool) bool {
	return slices.ContainsFunc(Runs(call), pred)
}
