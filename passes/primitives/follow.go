package primitives

import (
	"cmp"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/chanop"
)

// role is what a followed value is to its location.
type role uint8

const (
	addr      role = iota // the address of the location (a field or variable)
	value                 // a primitive
	timerC                // the channel of a timer
	cell                  // a local variable holding a primitive
	container             // the map, slice or array holding primitives
	elemAddr              // the address of an element of a container
	cellOf                // a local variable holding a container
)

type item struct {
	v    ssa.Value
	role role
}

type builder struct {
	pass     *analysis.Pass
	m        *Model
	ops      map[*ssa.Function][]chanop.Op
	trackers map[*Loc]*tracker
}

// tracker follows the values of one location.
type tracker struct {
	b    *builder
	loc  *Loc
	seen map[item]bool
	fns  map[*ssa.Function]bool
	work []item
	// stored are the stores of a primitive into the location (or an
	// element of it), and containers the stores of the container itself.
	stored     []ssa.Instruction
	containers []ssa.Instruction
}

// root starts following the locations instr refers to.
func (b *builder) root(instr ssa.Instruction) {
	switch instr := instr.(type) {
	case *ssa.FieldAddr:
		if st, ok := pointee(instr.X.Type()); ok {
			if l := b.loc(st.Field(instr.Field), owner(instr.X.Type())); l != nil {
				b.trackers[l].push(instr, addr)
			}
		}
	case *ssa.Field:
		if st, ok := instr.X.Type().Underlying().(*types.Struct); ok {
			if l := b.loc(st.Field(instr.Field), instr.X.Type()); l != nil {
				switch {
				case l.Elem:
					b.trackers[l].push(instr, container)
				case !l.valueHeld():
					b.trackers[l].push(instr, value)
				}
			}
		}
	}
	// Globals keep no referrers: each use is followed where it is met.
	for _, op := range instr.Operands(nil) {
		if g, ok := (*op).(*ssa.Global); ok {
			if v, ok := g.Object().(*types.Var); ok && !v.Exported() {
				if l := b.loc(v, nil); l != nil {
					t := b.trackers[l]
					t.seen[item{g, addr}] = true
					t.fns[instr.Parent()] = true
					if l.valueHeld() {
						t.valueUse(g, instr, value)
					} else {
						t.addressUse(g, instr, addr)
					}
				}
			}
		}
	}
}

func pointee(t types.Type) (*types.Struct, bool) {
	ptr, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil, false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	return st, ok
}

// owner returns the type a field is selected from, through a pointer.
func owner(t types.Type) types.Type {
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		return ptr.Elem()
	}
	return t
}

// loc returns the location of v, a field of a struct of type in (nil for
// a package-level variable), creating it, or nil when v holds no
// primitive or the package does not own every access to it.
func (b *builder) loc(v *types.Var, in types.Type) *Loc {
	v = v.Origin()
	if l, ok := b.m.byVar[v]; ok {
		return l
	}
	kind, elem, ok := kindOf(v.Type())
	if !ok || v.Pkg() != b.pass.Pkg {
		return nil
	}
	if v.Exported() {
		var named *types.Named
		if in != nil {
			named, _ = types.Unalias(in).(*types.Named)
		}
		if named == nil || named.Obj().Pkg() != b.pass.Pkg || named.Obj().Exported() {
			b.m.byVar[v] = nil
			return nil
		}
	}
	l := &Loc{Kind: kind, Var: v, Elem: elem}
	b.m.byVar[v] = l
	b.m.Locs = append(b.m.Locs, l)
	t := &tracker{b: b, loc: l, seen: map[item]bool{}, fns: map[*ssa.Function]bool{}}
	b.trackers[l] = t
	return l
}

func (t *tracker) push(v ssa.Value, r role) {
	it := item{v, r}
	if t.seen[it] {
		return
	}
	t.seen[it] = true
	t.work = append(t.work, it)
}

// finish follows everything pushed, then gathers the channel operations
// and judges the stored values.
func (t *tracker) finish() {
	for len(t.work) > 0 {
		it := t.work[len(t.work)-1]
		t.work = t.work[:len(t.work)-1]
		if fn := it.v.Parent(); fn != nil {
			t.fns[fn] = true
		}
		switch it.role {
		case addr, elemAddr:
			t.address(it.v, it.role)
		case value, timerC:
			t.value(it.v, it.role)
		case cell, cellOf:
			t.cell(it.v, it.role)
		case container:
			t.container(it.v)
		}
	}
	for fn := range t.fns {
		ops, ok := t.b.ops[fn]
		if !ok {
			ops = chanop.Ops(fn)
			t.b.ops[fn] = ops
		}
		want := value
		if t.loc.Kind == Timer {
			want = timerC
		} else if t.loc.Kind != Chan {
			continue
		}
		for _, op := range ops {
			if t.seen[item{op.Chan, want}] {
				t.loc.Ops = append(t.loc.Ops, Op{Kind: chanKind(op.Kind), Instr: op.Instr, Chan: op, Value: op.Chan})
			}
		}
	}
	for _, st := range t.stored {
		v := storedValue(st)
		if mk := t.made(v, 0); mk {
			t.loc.Makes = append(t.loc.Makes, v)
			t.loc.Stores = append(t.loc.Stores, st)
		} else if !t.copied(v, 0) {
			t.loc.Foreign = true
		}
	}
	for _, st := range t.containers {
		if !fresh(storedValue(st)) && !t.seen[item{storedValue(st), container}] {
			t.loc.Foreign = true
		}
	}
	slices.SortFunc(t.loc.Ops, func(a, b Op) int {
		if c := cmp.Compare(a.Pos(), b.Pos()); c != 0 {
			return c
		}
		return cmp.Compare(a.Chan.Index, b.Chan.Index)
	})
	slices.SortFunc(t.loc.Makes, func(a, b ssa.Value) int { return cmp.Compare(a.Pos(), b.Pos()) })
	slices.SortFunc(t.loc.Stores, func(a, b ssa.Instruction) int { return cmp.Compare(a.Pos(), b.Pos()) })
}

func chanKind(k chanop.Kind) OpKind {
	switch k {
	case chanop.Send:
		return Send
	case chanop.Recv:
		return Recv
	case chanop.RangeRecv:
		return Range
	}
	return Close
}

func storedValue(instr ssa.Instruction) ssa.Value {
	switch st := instr.(type) {
	case *ssa.Store:
		return st.Val
	case *ssa.MapUpdate:
		return st.Value
	}
	return nil
}

// storeInto records a store of a primitive into the location. One the
// package makes is followed from the make too: what is done with it
// before or besides the store is done to the location's primitive.
func (t *tracker) storeInto(st ssa.Instruction) {
	t.stored = append(t.stored, st)
	t.followMakes(storedValue(st), 0)
}

// followMakes follows the makes v comes from, through conversions to a
// directional channel and phis: their other uses are of the same
// primitive.
func (t *tracker) followMakes(v ssa.Value, depth int) {
	if depth > 4 {
		return
	}
	switch x := v.(type) {
	case *ssa.ChangeType:
		t.followMakes(x.X, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			t.followMakes(e, depth+1)
		}
	default:
		if t.made(v, depth) {
			t.push(v, value)
		}
	}
}

// escape records that code the model does not see may do s.
func (t *tracker) escape(s OpSet) { t.loc.Outside |= s }

// lose records that a value of the location reached code that may also
// store into it.
func (t *tracker) lose() {
	t.escape(All)
	t.loc.Foreign = true
}

func (t *tracker) op(k OpKind, instr ssa.Instruction, v ssa.Value) {
	t.loc.Ops = append(t.loc.Ops, Op{Kind: k, Instr: instr, Value: v})
}

// address follows the address of the location, or of an element of it.
func (t *tracker) address(a ssa.Value, r role) {
	if r == addr && t.loc.valueHeld() {
		t.push(a, value)
		return
	}
	for _, ref := range *referrers(a) {
		t.addressUse(a, ref, r)
	}
}

func (t *tracker) addressUse(a ssa.Value, ref ssa.Instruction, r role) {
	{
		switch ref := ref.(type) {
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				t.lose()
			} else if r == addr && t.loc.Elem {
				t.push(ref, container)
			} else {
				t.push(ref, value)
			}
		case *ssa.Store:
			if ref.Addr != a {
				t.lose()
			} else if r == addr && t.loc.Elem {
				t.containers = append(t.containers, ref)
			} else {
				t.storeInto(ref)
			}
		case *ssa.DebugRef:
		default:
			t.lose()
		}
	}
}

// value follows a primitive (or, as timerC, a timer's channel).
func (t *tracker) value(v ssa.Value, r role) {
	for _, ref := range *referrers(v) {
		t.valueUse(v, ref, r)
	}
}

func (t *tracker) valueUse(v ssa.Value, ref ssa.Instruction, r role) {
	{
		switch ref := ref.(type) {
		case *ssa.Send:
			if ref.X == v {
				t.escape(All)
			}
		case *ssa.Select:
			for _, st := range ref.States {
				if st.Send == v {
					t.escape(All)
				}
			}
		case *ssa.UnOp:
			// A receive, found with the channel operations; a load
			// copies a WaitGroup or Cond, which vet reports.
		case *ssa.ChangeType, *ssa.Phi:
			t.push(ref.(ssa.Value), r)
		case *ssa.DebugRef, *ssa.BinOp:
		case *ssa.Store:
			if ref.Val == v {
				t.store(ref, r)
			}
		case *ssa.FieldAddr:
			if t.loc.Kind == Timer && r == value && isTimerC(ref) {
				for _, use := range *referrers(ref) {
					if load, ok := use.(*ssa.UnOp); ok && load.Op == token.MUL {
						t.push(load, timerC)
					}
				}
			}
		case *ssa.MakeClosure:
			t.bind(ref, v, r)
		case *ssa.MapUpdate:
			if ref.Value != v || !t.seen[item{ref.Map, container}] {
				t.escape(All)
			}
		case *ssa.Return:
			t.returned(ref, v, r)
		case ssa.CallInstruction:
			t.call(ref, v, r)
		default:
			t.escape(All)
		}
	}
}

func isTimerC(fa *ssa.FieldAddr) bool {
	st, ok := pointee(fa.X.Type())
	return ok && st.Field(fa.Field).Name() == "C"
}

// store follows v into a local variable; a store anywhere else is a copy
// the model does not follow, unless it is into the location itself.
func (t *tracker) store(st *ssa.Store, r role) {
	switch a := st.Addr.(type) {
	case *ssa.Alloc:
		if r == container {
			t.push(a, cellOf)
		} else {
			t.push(a, cell)
		}
		return
	case *ssa.FieldAddr, *ssa.Global, *ssa.IndexAddr:
		if t.seen[item{a, addr}] || t.seen[item{a, elemAddr}] {
			return
		}
	}
	t.escape(All)
}

func (t *tracker) cell(c ssa.Value, r role) {
	inner := value
	if r == cellOf {
		inner = container
	}
	for _, ref := range *referrers(c) {
		switch ref := ref.(type) {
		case *ssa.UnOp:
			if ref.Op == token.MUL {
				t.push(ref, inner)
			} else {
				t.lose()
			}
		case *ssa.Store, *ssa.DebugRef:
			// Another value stored in the variable: what is loaded may
			// be either, which only adds operations.
		case *ssa.MakeClosure:
			t.bind(ref, c, r)
		default:
			t.lose()
		}
	}
}

func (t *tracker) bind(mc *ssa.MakeClosure, v ssa.Value, r role) {
	fn := mc.Fn.(*ssa.Function)
	for i, b := range mc.Bindings {
		if b == v && i < len(fn.FreeVars) {
			t.push(fn.FreeVars[i], r)
		}
	}
}

// container follows the map, slice or array that holds the primitives.
func (t *tracker) container(c ssa.Value) {
	for _, ref := range *referrers(c) {
		switch ref := ref.(type) {
		case *ssa.Lookup:
			if !ref.CommaOk {
				t.push(ref, value)
				continue
			}
			for _, use := range *referrers(ref) {
				if ex, ok := use.(*ssa.Extract); ok && ex.Index == 0 {
					t.push(ex, value)
				}
			}
		case *ssa.Index:
			t.push(ref, value)
		case *ssa.IndexAddr:
			t.push(ref, elemAddr)
		case *ssa.MapUpdate:
			if ref.Map == c {
				t.storeInto(ref)
			} else {
				t.lose()
			}
		case *ssa.Range:
			for _, use := range *referrers(ref) {
				for _, ex := range *referrers(use.(ssa.Value)) {
					if ex, ok := ex.(*ssa.Extract); ok && ex.Index == 2 {
						t.push(ex, value)
					}
				}
			}
		case *ssa.Slice, *ssa.ChangeType, *ssa.Phi:
			t.push(ref.(ssa.Value), container)
		case *ssa.DebugRef, *ssa.BinOp:
		case *ssa.Store:
			if ref.Val == c {
				t.store(ref, container)
			}
		case *ssa.MakeClosure:
			t.bind(ref, c, container)
		case ssa.CallInstruction:
			switch apimatch.Builtin(ref.Common()) {
			case "len", "cap", "delete", "clear":
				continue
			}
			if fn := t.local(ref.Common()); fn != nil {
				for i, arg := range ref.Common().Args {
					if arg == c && i < len(fn.Params) {
						t.push(fn.Params[i], container)
					}
				}
				continue
			}
			t.lose()
		default:
			t.lose()
		}
	}
}

// local returns the function of the package a static call runs, or nil.
func (t *tracker) local(common *ssa.CallCommon) *ssa.Function {
	fn := common.StaticCallee()
	if fn == nil || fn.Blocks == nil || fn.Pkg == nil || fn.Pkg.Pkg != t.b.pass.Pkg {
		return nil
	}
	return fn
}

// call follows v into a call: an operation on the primitive, a call of
// the package's own functions, or code the model does not see.
func (t *tracker) call(call ssa.CallInstruction, v ssa.Value, r role) {
	common := call.Common()
	if common.Value == v && !common.IsInvoke() {
		t.op(Call, call, v)
		return
	}
	if common.IsInvoke() && common.Value == v {
		t.escape(All)
		return
	}
	switch apimatch.Builtin(common) {
	case "close", "len", "cap":
		return
	case "":
	default:
		t.escape(All)
		return
	}
	if len(common.Args) > 0 && common.Args[0] == v {
		if ks, ok := method(apimatch.Callee(common)); ok {
			for _, k := range ks {
				t.op(k, call, v)
			}
			return
		}
	}
	if fn := t.local(common); fn != nil {
		for i, arg := range common.Args {
			if arg == v && i < len(fn.Params) {
				t.push(fn.Params[i], r)
			}
		}
		return
	}
	if t.viaFact(call, v) {
		return
	}
	sig := common.Signature()
	for i, arg := range common.Args {
		if arg != v {
			continue
		}
		j := i
		if sig.Recv() != nil && !common.IsInvoke() {
			j--
		}
		if j >= 0 && j < sig.Params().Len() && !(sig.Variadic() && j == sig.Params().Len()-1) {
			t.escape(t.mayDo(sig.Params().At(j).Type()))
		} else {
			t.escape(All)
		}
	}
}

// method returns the operations a call of obj does on its receiver.
func method(obj *types.Func) ([]OpKind, bool) {
	for _, m := range []struct {
		typ, name string
		ops       []OpKind
	}{
		{"WaitGroup", "Add", []OpKind{Add}},
		{"WaitGroup", "Done", []OpKind{Done}},
		{"WaitGroup", "Wait", []OpKind{Wait}},
		{"WaitGroup", "Go", []OpKind{Add, Done}},
		{"Cond", "Wait", []OpKind{Wait}},
		{"Cond", "Signal", []OpKind{Signal}},
		{"Cond", "Broadcast", []OpKind{Broadcast}},
	} {
		if apimatch.IsMethod(obj, "sync", m.typ, m.name) {
			return m.ops, true
		}
	}
	switch {
	case apimatch.IsMethod(obj, "time", "Timer", "Stop"):
		return []OpKind{Stop}, true
	case apimatch.IsMethod(obj, "time", "Timer", "Reset"):
		return []OpKind{Reset}, true
	}
	return nil, false
}

// mayDo returns what code handed a value of type typ may do with a
// primitive of the location: a directional channel type limits it.
func (t *tracker) mayDo(typ types.Type) OpSet {
	ch, ok := typ.Underlying().(*types.Chan)
	if t.loc.Kind != Chan || !ok {
		return All
	}
	switch ch.Dir() {
	case types.RecvOnly:
		return set(Recv, Range)
	case types.SendOnly:
		return set(Send, Close)
	}
	return All
}

// returned follows v, a result of its function, into the calls of the
// function in the package; callers outside the model get it too.
func (t *tracker) returned(ret *ssa.Return, v ssa.Value, r role) {
	fn := ret.Parent()
	results := fn.Signature.Results()
	for i, res := range ret.Results {
		if res != v {
			continue
		}
		// A method may be called through an interface, a function
		// literal from wherever it is handed.
		if t.b.m.escaping[fn] || fn.Signature.Recv() != nil || fn.Parent() != nil && !calledOnly(fn) {
			t.escape(t.mayDo(results.At(i).Type()))
		}
		for _, call := range t.b.m.callers[fn] {
			c, ok := call.(*ssa.Call)
			if !ok || c.Call.StaticCallee() != fn {
				continue
			}
			if results.Len() == 1 {
				t.push(c, r)
				continue
			}
			for _, use := range *referrers(c) {
				if ex, ok := use.(*ssa.Extract); ok && ex.Index == i {
					t.push(ex, r)
				}
			}
		}
	}
}

// calledOnly reports whether the function literal fn is only called
// where it is made, not handed on.
func calledOnly(fn *ssa.Function) bool {
	for _, ref := range *fn.Referrers() {
		mc, ok := ref.(*ssa.MakeClosure)
		if !ok {
			if call, ok := ref.(ssa.CallInstruction); ok && call.Common().Value == fn {
				continue
			}
			return false
		}
		for _, use := range *mc.Referrers() {
			if call, ok := use.(ssa.CallInstruction); !ok || call.Common().Value != mc {
				return false
			}
		}
	}
	return true
}

var noRefs []ssa.Instruction

func referrers(v ssa.Value) *[]ssa.Instruction {
	if refs := v.Referrers(); refs != nil {
		return refs
	}
	return &noRefs
}

// made reports whether v makes a primitive of the location's kind.
func (t *tracker) made(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch v := v.(type) {
	case *ssa.MakeChan:
		return t.loc.Kind == Chan
	case *ssa.Call:
		switch t.loc.Kind {
		case Cond:
			return apimatch.CallsFunc(&v.Call, "sync", "NewCond")
		case Timer:
			return apimatch.CallsFunc(&v.Call, "time", "NewTimer") || apimatch.CallsFunc(&v.Call, "time", "AfterFunc")
		}
	case *ssa.Alloc:
		return t.loc.Kind == WaitGroup || t.loc.Kind == Cond
	case *ssa.Extract:
		call, ok := v.Tuple.(*ssa.Call)
		if !ok || v.Index != 1 || t.loc.Kind != Cancel {
			return false
		}
		for _, name := range []string{"WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause", "WithTimeoutCause", "WithDeadlineCause"} {
			if apimatch.CallsFunc(&call.Call, "context", name) {
				return true
			}
		}
	case *ssa.ChangeType:
		return t.made(v.X, depth+1)
	}
	return false
}

// copied reports whether v holds nothing but primitives of the location
// itself, ones it makes, and nil.
func (t *tracker) copied(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	if t.seen[item{v, value}] || t.made(v, depth) {
		return true
	}
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !t.copied(e, depth+1) {
				return false
			}
		}
		return true
	case *ssa.ChangeType:
		return t.copied(v.X, depth+1)
	}
	return false
}

// fresh reports whether a container stored into the location is made
// where it is stored: its primitives are those stored into it later.
func fresh(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.MakeMap, *ssa.MakeSlice, *ssa.Alloc:
		return true
	case *ssa.Const:
		return v.IsNil()
	case *ssa.Slice:
		return fresh(v.X)
	}
	return false
}
