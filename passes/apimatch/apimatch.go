// Package apimatch identifies the functions, methods, types and fields
// that SSA code uses by their objects (package path and name), never by
// the spelling at the call site: static callees, builtins, and the struct
// field a field address selects.
package apimatch

import (
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

// FieldVar returns the struct field fa addresses, the generic origin for
// a field of an instantiated type, so that every value of the struct type
// shares it; nil when fa does not select through a pointer to a struct.
func FieldVar(fa *ssa.FieldAddr) *types.Var {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	return st.Field(fa.Field).Origin()
}

// ExportedParams yields the receiver and parameter types of every
// exported function and method (by name) the package defines.
func ExportedParams(info *types.Info) iter.Seq[types.Type] {
	return func(yield func(types.Type) bool) {
		for _, obj := range info.Defs {
			fn, ok := obj.(*types.Func)
			if !ok || !fn.Exported() {
				continue
			}
			sig := fn.Signature()
			if r := sig.Recv(); r != nil && !yield(r.Type()) {
				return
			}
			for p := range sig.Params().Variables() {
				if !yield(p.Type()) {
					return
				}
			}
		}
	}
}
