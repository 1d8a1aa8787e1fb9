package lockstate

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
)

// A ref names a mutex within a function: the value it is reached from
// and the steps from there (field selections ".N;", loads "*;", type
// assertions "(T);"), so that &s.mu loaded twice is one ref. The steps
// end with ";" so that a prefix of steps is a prefix of the string.
type ref struct {
	root ssa.Value
	path string
}

func (r ref) String() string { return string(r.appendTo(nil)) }

// appendTo appends the identity of r's root and its path to b.
func (r ref) appendTo(b []byte) []byte {
	return append(appendPtr(b, r.root), r.path...)
}

// appendPtr appends the address of p, a pointer, to b: an identity
// within the process, as %p prints it, without fmt.
func appendPtr(b []byte, p any) []byte {
	return strconv.AppendUint(append(b, "0x"...), uint64(reflect.ValueOf(p).Pointer()), 16)
}

// under reports whether r is p or reached from p through more steps.
func (r ref) under(p ref) bool {
	return r.root == p.root && strings.HasPrefix(r.path, p.path)
}

// refs canonicalises values to refs for the functions of one package.
type refs struct {
	memo map[ssa.Value]ref
	// closures maps an anonymous function to the MakeClosure that makes
	// it, when there is exactly one and it is not started as a
	// goroutine: its free variables are then the values bound there,
	// and the closure shares its creator's frame.
	closures map[*ssa.Function]*ssa.MakeClosure
}

func newRefs(funcs []*ssa.Function) *refs {
	count := map[*ssa.Function]int{}
	site := map[*ssa.Function]*ssa.MakeClosure{}
	for instr := range apimatch.Instructions(funcs) {
		if mc, ok := instr.(*ssa.MakeClosure); ok {
			fn := mc.Fn.(*ssa.Function)
			count[fn]++
			site[fn] = mc
		}
	}
	r := &refs{closures: map[*ssa.Function]*ssa.MakeClosure{}, memo: map[ssa.Value]ref{}}
	for fn, mc := range site {
		if count[fn] == 1 && !startedBy(mc) && fn.Synthetic == "" {
			r.closures[fn] = mc
		}
	}
	return r
}

// startedBy reports whether the closure mc makes is run by a go
// statement: it runs on another goroutine, whose captured mutexes the
// creator may lock and unlock concurrently.
func startedBy(mc *ssa.MakeClosure) bool {
	for _, u := range *mc.Referrers() {
		if g, ok := u.(*ssa.Go); ok && g.Call.Value == mc {
			return true
		}
	}
	return false
}

// binding returns the value a free variable is bound to, when its
// closure has a single creator, or nil.
func (r *refs) binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	mc := r.closures[fn]
	if mc == nil {
		return nil
	}
	for i, x := range fn.FreeVars {
		if x == fv {
			return mc.Bindings[i]
		}
	}
	return nil
}

// of returns the ref of v.
func (r *refs) of(v ssa.Value) ref {
	if x, ok := r.memo[v]; ok {
		return x
	}
	x := r.walk(v)
	r.memo[v] = x
	return x
}

func (r *refs) walk(v ssa.Value) ref {
	var steps []string
	for {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			steps = append(steps, fmt.Sprintf(".%d;", x.Field))
			v = x.X
			continue
		case *ssa.Field:
			steps = append(steps, fmt.Sprintf(".%d;", x.Field))
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op == token.MUL {
				steps = append(steps, "*;")
				v = x.X
				continue
			}
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		case *ssa.TypeAssert:
			steps = append(steps, "("+x.AssertedType.String()+");")
			v = x.X
			continue
		case *ssa.Extract:
			// The value of x, ok := y.(T) is y seen as T: two assertions
			// of one value are one mutex holder.
			if ta, ok := x.Tuple.(*ssa.TypeAssert); ok && x.Index == 0 {
				steps = append(steps, "("+ta.AssertedType.String()+");")
				v = ta.X
				continue
			}
		case *ssa.FreeVar:
			if b := r.binding(x); b != nil {
				v = b
				continue
			}
		}
		break
	}
	var path strings.Builder
	for i := len(steps) - 1; i >= 0; i-- {
		path.WriteString(steps[i])
	}
	return ref{root: v, path: path.String()}
}

// subst maps the refs of a callee to the caller's: the callee's
// parameters and unbound free variables to the values the call gives
// them. A ref rooted elsewhere in the callee (a local mutex) has no
// meaning for the caller.
type subst struct {
	callee *ssa.Function
	vals   map[ssa.Value]ref
}

func (s subst) apply(r ref) (ref, bool) {
	if to, ok := s.vals[r.root]; ok {
		return ref{root: to.root, path: to.path + r.path}, true
	}
	// A value of a function enclosing the callee (it shares that frame),
	// unless it is the callee's own.
	switch root := r.root.(type) {
	case *ssa.Parameter:
		return r, root.Parent() != s.callee
	case *ssa.FreeVar:
		return r, root.Parent() != s.callee
	case ssa.Instruction:
		return r, root.Parent() != s.callee
	}
	return r, true
}

// mutexKey returns what identifies a mutex across the functions of a
// package: the struct field it is (the same field of every value of the
// struct type, the generic origin for an instantiated type) or the
// package-level variable; nil for a mutex that is a local variable or
// reached otherwise.
func mutexKey(v ssa.Value) types.Object {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		if f := apimatch.FieldVar(v); f != nil {
			return f
		}
	case *ssa.Global:
		return v.Object()
	}
	return nil
}
