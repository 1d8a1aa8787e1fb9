package lockstate

import (
	"fmt"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// LockEffects is the fact exported for an exported function or method
// that takes a mutex reached through its parameters (the receiver first)
// or a package-level variable: the mutexes it locks, itself or in a call
// (and unlocks again, or not), and those it returns holding on every
// path. A caller in another package applies it as it would the summary of
// one of its own functions, so that a Lock through such a call of a mutex
// the caller holds is seen.
type LockEffects struct {
	Takes    []MutexEffect
	Acquires []MutexEffect
}

func (*LockEffects) AFact() {}

func (f *LockEffects) String() string {
	parts := make([]string, 0, len(f.Takes)+len(f.Acquires))
	for _, e := range f.Takes {
		parts = append(parts, "takes "+e.String())
	}
	for _, e := range f.Acquires {
		parts = append(parts, "acquires "+e.String())
	}
	return "lockeffects(" + strings.Join(parts, ", ") + ")"
}

// MutexEffect is one mutex of a LockEffects fact, as the callee reaches
// it: a parameter (by index) or a package-level variable, then the steps
// of a ref from there.
type MutexEffect struct {
	Param  int    // -1 for a package-level variable
	Pkg    string // the variable's package path, when Param is -1
	Var    string // the variable's name, when Param is -1
	Path   string
	Method string // Lock or RLock
	// Again: the callee released the mutex before taking it (the
	// "...Locked" contract), so a caller holding it does not block.
	Again bool
}

func (e MutexEffect) String() string {
	root := "param" + strconv.Itoa(e.Param)
	if e.Param < 0 {
		root = e.Pkg + "." + e.Var
	}
	s := fmt.Sprintf("%s%s %s", root, e.Path, e.Method)
	if e.Again {
		s += " again"
	}
	return s
}

// exportEffects exports the LockEffects fact of fn, an exported function
// or method of the package, from its summary.
func (a *pkgState) exportEffects(pass *analysis.Pass, fn *ssa.Function) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || !obj.Exported() {
		return
	}
	f := a.frames[frameKey{fn, ""}]
	if f == nil {
		return
	}
	// Callers in other packages are not walked with their constant bool
	// arguments (a hasLock flag): only what the function does whatever
	// each flag is goes into the fact.
	sums := []summary{f.summary()}
	for i, p := range fn.Params {
		if !isBool(p.Type()) {
			continue
		}
		for _, val := range []byte("tf") {
			consts := []byte(strings.Repeat("-", len(fn.Params)))
			consts[i] = val
			v := a.frame(fn, string(consts))
			if v == nil {
				return
			}
			sums = append(sums, v.summary())
		}
	}
	fact := &LockEffects{}
	for _, t := range sums[0].takes {
		e, ok := effectOf(fn, t.ref, t.op)
		if ok && everyTakes(sums[1:], t.ref, t.op.Method) {
			e.Again = t.again || contains(t.released, t.ref)
			fact.Takes = append(fact.Takes, e)
		}
	}
	for _, h := range sums[0].acquires {
		e, ok := effectOf(fn, h.ref, h.op)
		if ok && everyAcquires(sums[1:], h.ref, h.op.Method) {
			fact.Acquires = append(fact.Acquires, e)
		}
	}
	if len(fact.Takes) > 0 || len(fact.Acquires) > 0 {
		pass.ExportObjectFact(obj, fact)
	}
}

func everyTakes(sums []summary, r ref, method string) bool {
	for _, sum := range sums {
		if !slices.ContainsFunc(sum.takes, func(t take) bool { return t.ref == r && t.op.Method == method }) {
			return false
		}
	}
	return true
}

func everyAcquires(sums []summary, r ref, method string) bool {
	for _, sum := range sums {
		if !slices.ContainsFunc(sum.acquires, func(h held) bool { return h.ref == r && h.op.Method == method }) {
			return false
		}
	}
	return true
}

func contains(refs []ref, r ref) bool {
	for _, x := range refs {
		if x == r {
			return true
		}
	}
	return false
}

// effectOf expresses r, a ref of fn, for its callers, if it is reached
// from a parameter or a package-level variable.
func effectOf(fn *ssa.Function, r ref, op Op) (MutexEffect, bool) {
	e := MutexEffect{Path: r.path, Method: op.Method}
	switch root := r.root.(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == root {
				e.Param = i
				return e, true
			}
		}
	case *ssa.Global:
		if obj := root.Object(); obj != nil && obj.Pkg() != nil {
			e.Param, e.Pkg, e.Var = -1, obj.Pkg().Path(), obj.Name()
			return e, true
		}
	}
	return MutexEffect{}, false
}

// remote returns the effect of call, a call of a function of another
// package, from its LockEffects fact, or nil. It lists the Locks and
// what the callee returns holding; what else it does to the mutexes it
// is handed is left to the caller to assume, as for any call it cannot
// follow.
func (a *pkgState) remote(call ssa.CallInstruction) *effect {
	common := call.Common()
	callee := common.StaticCallee()
	if a.importFact == nil || callee == nil || callee.Blocks != nil {
		return nil
	}
	obj, ok := callee.Object().(*types.Func)
	var fact LockEffects
	if !ok || !a.importFact(obj.Origin(), &fact) {
		return nil
	}
	eff := &effect{callee: callee}
	for _, e := range fact.Takes {
		if r, op, ok := a.resolve(call, e); ok {
			eff.takes = append(eff.takes, take{ref: r, op: op, again: e.Again})
		}
	}
	for _, e := range fact.Acquires {
		if r, op, ok := a.resolve(call, e); ok {
			eff.acquires = append(eff.acquires, held{ref: r, op: op, read: op.Read})
		}
	}
	return eff
}

// resolve returns the caller's ref of a mutex of a fact, and the Op, at
// the call, that takes it.
func (a *pkgState) resolve(call ssa.CallInstruction, e MutexEffect) (ref, Op, bool) {
	var root ssa.Value
	switch {
	case e.Param >= 0 && e.Param < len(call.Common().Args):
		root = call.Common().Args[e.Param]
	case e.Param < 0 && a.pkg != nil:
		if p := a.pkg.Prog.ImportedPackage(e.Pkg); p != nil {
			if g, ok := p.Members[e.Var].(*ssa.Global); ok {
				root = g
			}
		}
	}
	if root == nil {
		return ref{}, Op{}, false
	}
	r := a.refs.of(root)
	r.path += e.Path
	op := Op{Call: call, Mutex: root, Method: e.Method, Read: strings.HasPrefix(e.Method, "R"), Key: keyAt(root, e.Path)}
	return r, op, true
}

// keyAt returns the mutexKey of the mutex reached from v through the
// steps of path: the last field selected, or v's own key when path is
// empty.
func keyAt(v ssa.Value, path string) types.Object {
	if path == "" {
		return mutexKey(v)
	}
	t := v.Type()
	var field *types.Var
	for _, step := range strings.SplitAfter(path, ";") {
		switch {
		case step == "":
		case step == "*;":
			if ptr, ok := t.Underlying().(*types.Pointer); ok {
				t = ptr.Elem()
			}
			field = nil
		case strings.HasPrefix(step, "."):
			i, err := strconv.Atoi(strings.TrimSuffix(step[1:], ";"))
			if ptr, ok := t.Underlying().(*types.Pointer); ok {
				t = ptr.Elem()
			}
			st, ok := t.Underlying().(*types.Struct)
			if err != nil || !ok || i >= st.NumFields() {
				return nil
			}
			field = st.Field(i)
			t = field.Type()
		default:
			return nil
		}
	}
	if field == nil {
		return nil
	}
	return field.Origin()
}
