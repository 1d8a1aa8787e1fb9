package circularwait

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/chanflow"
	"github.com/gohazard/gohazard/passes/primitives"
)

// A point is where an operation takes effect: the chain of calls that
// leads to it from the code of a root, outermost first, ending with the
// operation. A root is a function each run of which starts at its entry
// and is not known to come from one of the package's own call sites; a
// function only ever called from known call sites runs within those
// calls.
type point []step

// step is an instruction of a point's chain, in its own function.
type step struct {
	instr ssa.Instruction
	// exit marks a deferred call or operation: it takes effect when its
	// function returns.
	exit bool
}

func (p point) root() *ssa.Function { return p[0].instr.Parent() }

// placer maps a function to the call sites every run of it comes from.
type placer interface {
	// callers returns the calls and defers every run of fn comes from,
	// or false when fn is a root.
	callers(fn *ssa.Function) ([]ssa.CallInstruction, bool)
}

// place returns the points where an operation at instr takes effect, or
// false when some cannot be known (a recursive call chain).
func place(p placer, instr ssa.Instruction) ([]point, bool) {
	return placeIn(p, instr, map[*ssa.Function]bool{})
}

func placeIn(p placer, instr ssa.Instruction, active map[*ssa.Function]bool) ([]point, bool) {
	_, deferred := instr.(*ssa.Defer)
	here := step{instr: instr, exit: deferred}
	fn := instr.Parent()
	calls, inlined := p.callers(fn)
	if !inlined {
		return []point{{here}}, true
	}
	if active[fn] {
		return nil, false
	}
	active[fn] = true
	defer delete(active, fn)
	var pts []point
	for _, c := range calls {
		outer, ok := placeIn(p, c, active)
		if !ok {
			return nil, false
		}
		for _, pt := range outer {
			pts = append(pts, append(pt[:len(pt):len(pt)], here))
		}
	}
	return pts, true
}

// local places the operations on a channel made in the package: the
// function that makes it and those its go statements start are roots;
// chanflow knows every other call that hands the channel on.
type local struct {
	c     *chanflow.Chan
	calls map[*ssa.Function][]ssa.CallInstruction
}

func newLocal(c *chanflow.Chan) *local {
	l := &local{c: c, calls: map[*ssa.Function][]ssa.CallInstruction{}}
	for _, call := range c.Calls {
		l.calls[call.Fn] = append(l.calls[call.Fn], call.Instr)
	}
	for _, s := range c.Starts {
		l.calls[s.Fn] = nil
	}
	l.calls[c.Make.Parent()] = nil
	return l
}

func (l *local) callers(fn *ssa.Function) ([]ssa.CallInstruction, bool) {
	calls := l.calls[fn]
	return calls, len(calls) > 0
}

// owned places the operations on a channel kept in a field or variable
// the package owns: a function is inlined into its callers when the
// package makes every call of it, directly, and none starts it as a
// goroutine.
type owned struct {
	model *primitives.Model
	// invoked are the names of the methods the package calls through an
	// interface: a method of that name may run from there.
	invoked map[string]bool
	// values are the methods used as values (method values and
	// expressions, and the interface methods such values call).
	values map[*types.Func]bool
}

func newOwned(model *primitives.Model, funcs []*ssa.Function) *owned {
	o := &owned{model: model, invoked: map[string]bool{}, values: map[*types.Func]bool{}}
	for instr := range apimatch.Instructions(funcs) {
		if call, ok := instr.(ssa.CallInstruction); ok && call.Common().IsInvoke() {
			o.invoked[call.Common().Method.Name()] = true
		}
		for _, op := range instr.Operands(nil) {
			// Method values and expressions are wrappers of the method.
			if fn, ok := (*op).(*ssa.Function); ok && fn.Synthetic != "" {
				if obj, ok := fn.Object().(*types.Func); ok && obj.Signature().Recv() != nil {
					o.values[obj.Origin()] = true
					if types.IsInterface(obj.Signature().Recv().Type()) {
						o.invoked[obj.Name()] = true
					}
				}
			}
		}
	}
	return o
}

func (o *owned) callers(fn *ssa.Function) ([]ssa.CallInstruction, bool) {
	if o.model.CalledOutside(fn) || !onlyCalled(fn) {
		return nil, false
	}
	if obj, ok := fn.Object().(*types.Func); ok && fn.Signature.Recv() != nil && (o.invoked[fn.Name()] || o.values[obj.Origin()]) {
		return nil, false
	}
	calls := o.model.Callers(fn)
	for _, c := range calls {
		if _, ok := c.(*ssa.Go); ok || c.Common().StaticCallee() != fn {
			return nil, false
		}
	}
	return calls, len(calls) > 0
}

// onlyCalled reports whether fn, if a function literal, is only called
// or deferred where it is made, not started or handed on.
func onlyCalled(fn *ssa.Function) bool {
	if fn.Parent() == nil {
		return true
	}
	called := func(v ssa.Value, ref ssa.Instruction) bool {
		switch ref := ref.(type) {
		case *ssa.Call:
			return ref.Call.Value == v
		case *ssa.Defer:
			return ref.Call.Value == v
		case *ssa.DebugRef:
			return true
		}
		return false
	}
	for _, ref := range *fn.Referrers() {
		mc, ok := ref.(*ssa.MakeClosure)
		if !ok {
			if !called(fn, ref) {
				return false
			}
			continue
		}
		for _, use := range *mc.Referrers() {
			if !called(mc, use) {
				return false
			}
		}
	}
	return true
}
