// Package ssautil holds the SSA helpers shared by gohazard's analyzers:
// callee resolution by object and a small API over channel operations.
package ssautil

import (
	"go/constant"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ssa"
)

// Callee returns the function or method statically called by call, or nil
// for dynamic calls, builtins and calls of function values. Generic
// instantiations resolve to their generic origin.
func Callee(call *ssa.CallCommon) *types.Func {
	if call.IsInvoke() {
		return call.Method
	}
	fn, ok := call.Value.(*ssa.Function)
	if !ok {
		return nil
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// IsFunc reports whether obj is the package-level function pkgPath.name.
func IsFunc(obj types.Object, pkgPath, name string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn == nil || fn.Pkg() == nil || fn.Name() != name || fn.Pkg().Path() != pkgPath {
		return false
	}
	return fn.Signature().Recv() == nil
}

// IsMethod reports whether obj is the method name of the named type
// pkgPath.typeName (with a value or pointer receiver).
func IsMethod(obj types.Object, pkgPath, typeName, name string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn == nil || fn.Pkg() == nil || fn.Name() != name || fn.Pkg().Path() != pkgPath {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Name() == typeName
}

// CallsFunc reports whether call statically calls pkgPath.name.
func CallsFunc(call *ssa.CallCommon, pkgPath, name string) bool {
	return IsFunc(Callee(call), pkgPath, name)
}

// Builtin returns the name of the builtin called by call, or "".
func Builtin(call *ssa.CallCommon) string {
	if b, ok := call.Value.(*ssa.Builtin); ok {
		return b.Name()
	}
	return ""
}

// Instructions yields every instruction of fns, in function, block and
// instruction order.
func Instructions(fns []*ssa.Function) iter.Seq[ssa.Instruction] {
	return func(yield func(ssa.Instruction) bool) {
		for _, fn := range fns {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if !yield(instr) {
						return
					}
				}
			}
		}
	}
}

func constantInt(c *ssa.Const) (int, bool) {
	if c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	n, ok := constant.Int64Val(c.Value)
	return int(n), ok
}

// IsType reports whether t (or what it aliases) is the named type
// pkgPath.name.
func IsType(t types.Type, pkgPath, name string) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == pkgPath && obj.Name() == name
}
