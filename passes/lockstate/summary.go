package lockstate

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/cfgpath"
)

// pkgState holds the frames and summaries of one package's functions.
type pkgState struct {
	fset   *token.FileSet
	pkg    *ssa.Package
	refs   *refs
	frames map[frameKey]*frame
	// walking marks the frames being computed: a recursive call gets
	// an empty summary.
	walking map[frameKey]bool
	named   []types.Type // the package's named non-interface types
	impls   map[*types.Func]*ssa.Function
	// locking marks the functions that may lock or unlock a mutex
	// (see computeLocking); visited, those it has looked at.
	locking, visited map[*ssa.Function]bool
	condKeys         map[ssa.Value]string
	// importFact imports the fact of a function of another package.
	importFact func(types.Object, analysis.Fact) bool
}

// frameKey is a function with the constant bool arguments it is called
// with, by parameter index ('t', 'f', or '-' for unknown).
type frameKey struct {
	fn     *ssa.Function
	consts string
}

func newAnalysis(fset *token.FileSet, pkg *ssa.Package, funcs []*ssa.Function) *pkgState {
	a := &pkgState{
		fset:     fset,
		pkg:      pkg,
		refs:     newRefs(funcs),
		frames:   map[frameKey]*frame{},
		walking:  map[frameKey]bool{},
		impls:    map[*types.Func]*ssa.Function{},
		condKeys: map[ssa.Value]string{},
	}
	if pkg != nil {
		scope := pkg.Pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if named, ok := tn.Type().(*types.Named); ok && named.TypeParams() == nil && !types.IsInterface(named) {
				a.named = append(a.named, named)
			}
		}
	}
	return a
}

// frame returns the walk of fn with the given constant arguments, or
// nil when it is recursive or has too many states.
func (a *pkgState) frame(fn *ssa.Function, consts string) *frame {
	k := frameKey{fn, consts}
	if f, ok := a.frames[k]; ok || a.walking[k] {
		return f
	}
	if a.visited[fn] && !a.locking[fn] {
		// Nothing it runs touches a mutex: its walk would find
		// nothing and summarise nothing.
		f := &frame{a: a, fn: fn}
		a.frames[k] = f
		return f
	}
	a.walking[k] = true
	f := a.newFrame(fn)
	entry := &state{}
	for i, c := range consts {
		if c != '-' && i < len(fn.Params) {
			entry.conds = append(entry.conds, cond{key: a.condKey(fn.Params[i]), val: c == 't'})
		}
	}
	slices.SortFunc(entry.conds, func(x, y cond) int { return strings.Compare(x.key, y.key) })
	if !f.walk(entry) {
		f = nil
	}
	delete(a.walking, k)
	a.frames[k] = f
	return f
}

// condKey returns cfgpath.CondKey of v, computed once.
func (a *pkgState) condKey(v ssa.Value) string {
	k, ok := a.condKeys[v]
	if !ok {
		k = cfgpath.CondKey(v)
		a.condKeys[v] = k
	}
	return k
}

// computeLocking marks the functions reachable from funcs that may lock
// or unlock a mutex: with a Lock or Unlock of their own, a call of a
// function of another package that has a LockEffects fact, or a call
// the analysis follows (or a function handed to a call) of a function
// that may. Most functions of most packages touch no mutex; their walk
// is skipped.
func (a *pkgState) computeLocking(funcs []*ssa.Function) {
	a.locking, a.visited = map[*ssa.Function]bool{}, map[*ssa.Function]bool{}
	callers := map[*ssa.Function][]*ssa.Function{}
	var marked []*ssa.Function
	queue := slices.Clone(funcs)
	for len(queue) > 0 {
		fn := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if a.visited[fn] || fn.Blocks == nil {
			continue
		}
		a.visited[fn] = true
		calls := func(g *ssa.Function) {
			if g != nil {
				callers[g] = append(callers[g], fn)
				queue = append(queue, g)
			}
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if _, ok := lockOp(call); ok || a.remote(call) != nil {
					if !a.locking[fn] {
						a.locking[fn] = true
						marked = append(marked, fn)
					}
					continue
				}
				common := call.Common()
				if common.IsInvoke() {
					calls(a.impl(common))
				} else {
					calls(a.funcOf(common.Value))
				}
				for _, arg := range common.Args {
					calls(a.funcOf(arg))
				}
			}
		}
	}
	for len(marked) > 0 {
		g := marked[len(marked)-1]
		marked = marked[:len(marked)-1]
		for _, c := range callers[g] {
			if !a.locking[c] {
				a.locking[c] = true
				marked = append(marked, c)
			}
		}
	}
}

// explore returns the frame of fn without constant arguments, whose
// findings the analyzers report.
func (a *pkgState) explore(fn *ssa.Function) *frame {
	return a.frame(fn, "")
}

// effect is what a call does to the caller's locks, in the caller's
// refs.
type effect struct {
	callee   *ssa.Function
	takes    []take
	releases []rel
	acquires []held
	unlocks  []rel
}

// effect returns the effect of a call the analysis can follow, or nil.
// known gives the value of a bool argument on the caller's path, if
// known.
func (a *pkgState) effect(common *ssa.CallCommon, known func(ssa.Value) (bool, bool)) *effect {
	if common.IsInvoke() {
		fn := a.impl(common)
		if fn == nil {
			return nil
		}
		return a.effectOf(fn, nil, append([]ssa.Value{common.Value}, common.Args...), known)
	}
	fn := a.funcOf(common.Value)
	if fn == nil {
		return nil
	}
	return a.effectOf(fn, common.Value, common.Args, known)
}

// funcOf returns the function with a body that the function value v
// denotes: a function, a closure, or either held in a free variable of
// a closure with a single creator.
func (a *pkgState) funcOf(v ssa.Value) *ssa.Function {
	for range maxHops {
		switch x := v.(type) {
		case *ssa.FreeVar:
			if b := a.refs.binding(x); b != nil {
				v = b
				continue
			}
			return nil
		case *ssa.UnOp:
			if stored := a.storedOnce(x); stored != nil {
				v = stored
				continue
			}
			return nil
		case *ssa.MakeClosure:
			v = x.Fn
			continue
		case *ssa.Function:
			if x.Blocks == nil && x.Origin() != nil {
				x = x.Origin()
			}
			if x.Blocks == nil {
				return nil
			}
			return x
		}
		return nil
	}
	return nil
}

// maxHops bounds the free variables and stored variables followed to a
// function value: a variable may be assigned from itself (f = f).
const maxHops = 8

// closureOf returns the MakeClosure v denotes, through free variables.
func (a *pkgState) closureOf(v ssa.Value) *ssa.MakeClosure {
	for range maxHops {
		switch x := v.(type) {
		case *ssa.FreeVar:
			if b := a.refs.binding(x); b != nil {
				v = b
				continue
			}
		case *ssa.UnOp:
			if stored := a.storedOnce(x); stored != nil {
				v = stored
				continue
			}
		case *ssa.MakeClosure:
			return x
		}
		return nil
	}
	return nil
}

// storedOnce returns the value a load reads from a variable assigned
// once (a captured local: closures reach it through its address).
func (a *pkgState) storedOnce(load *ssa.UnOp) ssa.Value {
	if load.Op != token.MUL {
		return nil
	}
	addr := load.X
	if fv, ok := addr.(*ssa.FreeVar); ok {
		addr = a.refs.binding(fv)
	}
	alloc, ok := addr.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var stored ssa.Value
	for _, u := range *alloc.Referrers() {
		if st, ok := u.(*ssa.Store); ok && st.Addr == alloc {
			if stored != nil {
				return nil
			}
			stored = st.Val
		}
	}
	return stored
}

// effectOf returns the effect of calling fn (denoted by value, nil for
// an interface method) with args.
func (a *pkgState) effectOf(fn *ssa.Function, value ssa.Value, args []ssa.Value, known func(ssa.Value) (bool, bool)) *effect {
	// The callee is walked once per combination of bool arguments known
	// at the call: constants, and conditions the path has tested.
	consts := make([]byte, len(fn.Params))
	for i := range consts {
		consts[i] = '-'
		if i >= len(args) || !isBool(args[i].Type()) {
			continue
		}
		if v, ok := known(args[i]); ok {
			consts[i] = 'f'
			if v {
				consts[i] = 't'
			}
		}
	}
	cs := string(consts)
	if !strings.ContainsAny(cs, "tf") {
		cs = ""
	}
	f := a.frame(fn, cs)
	if f == nil {
		return nil
	}
	sub := subst{callee: fn, vals: map[ssa.Value]ref{}}
	for i, p := range fn.Params {
		if i < len(args) {
			sub.vals[p] = a.refs.of(args[i])
		}
	}
	if mc := a.closureOf(value); mc != nil && mc.Fn == fn {
		for i, fv := range fn.FreeVars {
			sub.vals[fv] = a.refs.of(mc.Bindings[i])
		}
	}
	sum := f.summary()
	eff := &effect{callee: fn}
	for _, t := range sum.takes {
		r, ok := sub.apply(t.ref)
		if !ok {
			continue
		}
		var released []ref
		for _, x := range t.released {
			if x, ok := sub.apply(x); ok {
				released = append(released, x)
			}
		}
		eff.takes = append(eff.takes, take{ref: r, op: t.op, again: t.again, released: released})
	}
	for _, x := range sum.releases {
		if r, ok := sub.apply(x.ref); ok {
			x.ref = r
			eff.releases = append(eff.releases, x)
		}
	}
	for _, x := range sum.unlocks {
		if r, ok := sub.apply(x.ref); ok {
			x.ref = r
			eff.unlocks = append(eff.unlocks, x)
		}
	}
	for _, h := range sum.acquires {
		if r, ok := sub.apply(h.ref); ok {
			h.ref = r
			eff.acquires = append(eff.acquires, h)
		}
	}
	return eff
}

// impl returns the single method of the package's types that an
// interface call may run, or nil.
func (a *pkgState) impl(common *ssa.CallCommon) *ssa.Function {
	if fn, ok := a.impls[common.Method]; ok {
		return fn
	}
	a.impls[common.Method] = nil
	iface, ok := common.Value.Type().Underlying().(*types.Interface)
	if !ok || a.pkg == nil {
		return nil
	}
	var found *ssa.Function
	for _, t := range a.named {
		for _, recv := range []types.Type{t, types.NewPointer(t)} {
			if !types.Implements(recv, iface) {
				continue
			}
			sel := a.pkg.Prog.MethodSets.MethodSet(recv).Lookup(common.Method.Pkg(), common.Method.Name())
			if sel == nil {
				continue
			}
			fn := a.pkg.Prog.MethodValue(sel)
			if fn == nil || found != nil && found != fn {
				return nil
			}
			found = fn
			break
		}
	}
	if found != nil && found.Blocks == nil {
		found = nil
	}
	a.impls[common.Method] = found
	return found
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// summary is what a function does to the mutexes its caller may hold.
type summary struct {
	takes    []take
	releases []rel  // released on some return without being taken
	acquires []held // held on every return, taken by the function
	unlocks  []rel  // released at some point without being taken
}

func (f *frame) summary() summary {
	sum := summary{takes: f.takes, unlocks: f.unlocks}
	seen := map[ref]bool{}
	for _, rs := range f.returns {
		for _, x := range rs.s.released {
			if !seen[x.ref] && rs.s.find(x.ref) < 0 {
				seen[x.ref] = true
				sum.releases = append(sum.releases, x)
			}
		}
	}
	if len(f.returns) == 0 {
		return sum
	}
	for _, h := range f.returns[0].s.held {
		if h.stale || h.again {
			continue
		}
		every := true
		for _, rs := range f.returns[1:] {
			if rs.s.find(h.ref) < 0 {
				every = false
				break
			}
		}
		if every {
			sum.acquires = append(sum.acquires, h)
		}
	}
	return sum
}

// leaks returns the returns that keep a mutex locked that the function
// locked itself and unlocks on other paths. A return whose bool or error
// result tells the caller the lock is held (true against false, nil
// against an error) returns it held on purpose.
func (f *frame) leaks() []Leak {
	var out []Leak
	done := map[ssa.CallInstruction]bool{}
	for _, rs := range f.returns {
		for _, h := range rs.s.held {
			if !h.direct || h.again || h.counted || h.stale || done[h.op.Call] {
				continue
			}
			// A mutex reached through a phi is a different one on each
			// path or iteration (hand-over-hand locking): which one
			// the Unlocks release depends on data.
			if _, ok := h.ref.root.(*ssa.Phi); ok {
				continue
			}
			done[h.op.Call] = true
			unlock, ok := f.unlockOf(h)
			if !ok || f.signals(h) || f.flagsHeld(h) {
				continue
			}
			out = append(out, Leak{Lock: h.op, Return: f.firstReturn(h), Unlock: unlock})
		}
	}
	return out
}

// unlockOf returns an Unlock of the function (not deferred) that pairs
// with h's Lock.
func (f *frame) unlockOf(h held) (Op, bool) {
	for _, u := range f.ops {
		if _, deferred := u.Call.(*ssa.Defer); !deferred && !u.acquires() && u.Read == h.read && f.a.refs.of(u.Mutex) == h.ref {
			return u, true
		}
	}
	return Op{}, false
}

// flagsHeld reports whether the function sets a bool field of the
// mutex's owner to true: the value records that the lock is kept (as in
// rows.scanHold = true), for the method that unlocks it later.
func (f *frame) flagsHeld(h held) bool {
	owner := parent(h.ref)
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok || !isBool(st.Val.Type()) {
				continue
			}
			if k, ok := st.Val.(*ssa.Const); !ok || k.Value == nil || !constant.BoolVal(k.Value) {
				continue
			}
			if _, ok := st.Addr.(*ssa.FieldAddr); ok && parent(f.a.refs.of(st.Addr)) == owner {
				return true
			}
		}
	}
	return false
}

// parent returns r without its last step.
func parent(r ref) ref {
	p := strings.TrimSuffix(r.path, ";")
	if i := strings.LastIndex(p, ";"); i >= 0 {
		return ref{root: r.root, path: p[:i+1]}
	}
	return ref{root: r.root}
}

// holds reports whether h's Lock is still held in s.
func holds(s *state, h held) bool {
	return slices.ContainsFunc(s.held, func(x held) bool { return x.op.Call == h.op.Call && !x.stale })
}

func (f *frame) firstReturn(h held) *ssa.Return {
	var first *ssa.Return
	for _, rs := range f.returns {
		if holds(rs.s, h) && (first == nil || rs.ret.Pos() < first.Pos()) {
			first = rs.ret
		}
	}
	return first
}

// signals reports whether a bool or error result tells the caller the
// lock is held: a constant on the returns that keep h locked (true, or a
// nil error) that the returns that do not keep it differ from (false, or
// an error).
func (f *frame) signals(h held) bool {
	results := f.fn.Signature.Results()
	errType := types.Universe.Lookup("error").Type()
	for i := range results.Len() {
		t := results.At(i).Type()
		isBool := types.Identical(t.Underlying(), types.Typ[types.Bool])
		if !isBool && !types.Identical(t, errType) {
			continue
		}
		var kept *ssa.Const
		consistent, differs := true, false
		for _, rs := range f.returns {
			if !holds(rs.s, h) {
				continue
			}
			k, ok := rs.ret.Results[i].(*ssa.Const)
			if !ok || !isBool && !k.IsNil() || kept != nil && k.String() != kept.String() {
				consistent = false
				break
			}
			kept = k
		}
		if !consistent || kept == nil {
			continue
		}
		for _, rs := range f.returns {
			if holds(rs.s, h) {
				continue
			}
			// A bool tells only as a different constant; an error
			// tells by being other than nil.
			k, ok := rs.ret.Results[i].(*ssa.Const)
			if ok && k.String() != kept.String() || !ok && !isBool {
				differs = true
			}
		}
		if differs {
			return true
		}
	}
	return false
}
