package lockstate

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/cfgpath"
)

// maxStates bounds the distinct states kept at one block. A function
// whose paths need more is left out rather than walked without end.
const maxStates = 64

// maxKeyBytes bounds the work of one walk, which keys every state it
// reaches by what the state holds and knows: a function whose paths carry
// hundreds of conditions (a generated state machine of 12,000 blocks in
// go-ethereum's dependencies: 1.7 GB of keys, 72 s, 3.4 GB of memory) is
// left out like one with too many states. The largest walks in std,
// pebble, caddy and go-ethereum key under 5 MiB.
const maxKeyBytes = 32 << 20

// held is a mutex the path holds.
type held struct {
	ref  ref
	op   Op // where it was taken: a Lock of the function or in a callee
	read bool
	// direct: taken by a Lock call of the function itself.
	direct bool
	// again: taken after the function released it, so held on entry.
	again bool
	// counted: taken in a loop and released in another, as many times
	// as the loops go round, which the analysis does not count.
	counted bool
	// stale: the variable the ref was reached through was assigned
	// since; the mutex is no longer known by its ref.
	stale bool
}

// rel is a mutex released without being taken first: held on entry.
type rel struct {
	ref  ref
	read bool
	key  types.Object
}

// cond is a branch condition known on the path, learned at a block.
type cond struct {
	key string
	val bool
	at  *ssa.BasicBlock // nil: known on entry (a constant argument)
}

type state struct {
	held     []held
	released []rel // released without being taken: held on entry
	conds    []cond
	defers   []*ssa.Defer
}

func (s *state) clone() *state {
	return &state{
		held:     slices.Clone(s.held),
		released: slices.Clone(s.released),
		conds:    slices.Clone(s.conds),
		defers:   slices.Clone(s.defers),
	}
}

func (s *state) key() string {
	// Built without fmt: the walk keys every state it reaches.
	var b []byte
	for _, h := range s.held {
		b = h.ref.appendTo(b)
		b = append(b, '@')
		b = strconv.AppendInt(b, int64(h.op.Pos()), 10)
		b = append(b, '/')
		for _, f := range [...]bool{h.read, h.direct, h.again, h.counted, h.stale} {
			b = strconv.AppendBool(b, f)
		}
		b = append(b, ';')
	}
	b = append(b, '|')
	for _, r := range s.released {
		b = r.ref.appendTo(b)
		b = append(b, '/')
		b = strconv.AppendBool(b, r.read)
		b = append(b, ';')
	}
	b = append(b, '|')
	for _, c := range s.conds {
		at := -1
		if c.at != nil {
			at = c.at.Index
		}
		b = append(b, c.key...)
		b = append(b, '=')
		b = strconv.AppendBool(b, c.val)
		b = append(b, '@')
		b = strconv.AppendInt(b, int64(at), 10)
		b = append(b, ';')
	}
	b = append(b, '|')
	for _, d := range s.defers {
		b = appendPtr(b, d)
		b = append(b, ';')
	}
	return string(b)
}

// find returns the index of the mutex r held by the path, or -1.
func (s *state) find(r ref) int {
	return slices.IndexFunc(s.held, func(h held) bool { return !h.stale && h.ref == r })
}

func (s *state) wasReleased(r ref) bool {
	return slices.ContainsFunc(s.released, func(x rel) bool { return x.ref == r })
}

func (s *state) lookup(key string) (bool, bool) {
	for _, c := range s.conds {
		if c.key == key {
			return c.val, true
		}
	}
	return false, false
}

func (s *state) learn(c cond) {
	s.conds = slices.DeleteFunc(s.conds, func(x cond) bool { return x.key == c.key })
	s.conds = append(s.conds, c)
	slices.SortFunc(s.conds, func(x, y cond) int { return strings.Compare(x.key, y.key) })
}

// take is a Lock a function performs, itself or in a call.
type take struct {
	ref ref
	op  Op
	// again: the function released the mutex first (the "...Locked"
	// contract: unlocked around a wait, locked again).
	again bool
	// released are the mutexes the function had released before.
	released []ref
}

// retState is a state in which the function returns.
type retState struct {
	ret *ssa.Return
	s   *state
}

// frame is the walk of one function, with constant bool arguments.
type frame struct {
	a         *pkgState
	fn        *ssa.Function
	ops       []Op              // the function's own lock operations
	multi     map[string]bool   // conditions tested by more than one if
	condPhis  map[*ssa.Phi]bool // bool phis that conditions test
	comp      []int
	cyclic    []bool
	relocks   []Relock
	relocked  map[ssa.Instruction]bool
	orders    []Order
	ordered   map[[3]token.Pos]bool
	takes     []take
	taken     map[string]bool
	returns   []retState
	unlocks   []rel // mutexes released on some path without being taken
	sends     []LockedSend
	sent      map[*ssa.Send]bool
	takeSites []Take
	took      map[Take]bool
	test      bool
}

func (a *pkgState) newFrame(fn *ssa.Function) *frame {
	f := &frame{
		a:        a,
		fn:       fn,
		multi:    map[string]bool{},
		condPhis: map[*ssa.Phi]bool{},
		relocked: map[ssa.Instruction]bool{},
		ordered:  map[[3]token.Pos]bool{},
		taken:    map[string]bool{},
		sent:     map[*ssa.Send]bool{},
		took:     map[Take]bool{},
		test:     strings.HasSuffix(a.fset.Position(fn.Pos()).Filename, "_test.go"),
	}
	f.comp, f.cyclic = cfgpath.SCCs(fn)
	tested := map[string]int{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				if op, ok := lockOp(call); ok {
					f.ops = append(f.ops, op)
				}
			}
		}
		// A condition tested once but passed to a call as a bool (a
		// locked flag) is worth knowing on the path too.
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				for _, arg := range call.Common().Args {
					if _, isConst := arg.(*ssa.Const); !isConst && isBool(arg.Type()) {
						tested[f.a.condKey(arg)]++
					}
				}
			}
		}
		if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			tested[f.a.condKey(iff.Cond)]++
			if phi := testedPhi(iff.Cond); phi != nil {
				f.condPhis[phi] = true
			}
		}
	}
	for k, n := range tested {
		if n > 1 {
			f.multi[k] = true
		}
	}
	return f
}

// testedPhi returns the bool phi a condition tests, if any: a flag set
// on some paths (locked = true) and tested later.
func testedPhi(v ssa.Value) *ssa.Phi {
	for {
		switch x := v.(type) {
		case *ssa.Phi:
			return x
		case *ssa.UnOp:
			if x.Op != token.NOT {
				return nil
			}
			v = x.X
		case *ssa.BinOp:
			if _, ok := x.Y.(*ssa.Const); !ok || x.Op != token.EQL && x.Op != token.NEQ {
				return nil
			}
			v = x.X
		default:
			return nil
		}
	}
}

// eval returns the value of a bool condition on the path, if known.
func (f *frame) eval(v ssa.Value, s *state) (bool, bool) {
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.Bool {
			return constant.BoolVal(x.Value), true
		}
		return false, false
	case *ssa.UnOp:
		if x.Op == token.NOT {
			b, ok := f.eval(x.X, s)
			return !b, ok
		}
	case *ssa.BinOp:
		if k, ok := x.Y.(*ssa.Const); ok && (x.Op == token.EQL || x.Op == token.NEQ) && k.Value != nil && k.Value.Kind() == constant.Bool {
			if b, ok := f.eval(x.X, s); ok {
				return (b == constant.BoolVal(k.Value)) == (x.Op == token.EQL), true
			}
		}
	}
	return s.lookup(f.a.condKey(v))
}

// known returns the evaluation of bool values on the path of s.
func (f *frame) known(s *state) func(ssa.Value) (bool, bool) {
	return func(v ssa.Value) (bool, bool) { return f.eval(v, s) }
}

// walk explores the paths of f.fn from entry. It reports false when the
// function has too many states, or states too large to key.
func (f *frame) walk(entry *state) bool {
	type item struct {
		b *ssa.BasicBlock
		s *state
	}
	seen := make([]map[string]bool, len(f.fn.Blocks))
	work := []item{{f.fn.Blocks[0], entry}}
	seen[0] = map[string]bool{entry.key(): true}
	exhausted := false
	keyBytes := 0
	push := func(from, to *ssa.BasicBlock, s *state) {
		s = f.enter(from, to, s)
		k := s.key()
		if keyBytes += len(k); keyBytes > maxKeyBytes {
			exhausted = true
			return
		}
		if seen[to.Index] == nil {
			seen[to.Index] = map[string]bool{}
		}
		if seen[to.Index][k] {
			return
		}
		if len(seen[to.Index]) >= maxStates {
			exhausted = true
			return
		}
		seen[to.Index][k] = true
		work = append(work, item{to, s})
	}
	for len(work) > 0 && !exhausted {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		s := it.s.clone()
		if !f.block(it.b, s) {
			continue
		}
		switch last := it.b.Instrs[len(it.b.Instrs)-1].(type) {
		case *ssa.If:
			val, known := f.eval(last.Cond, s)
			for i, succ := range it.b.Succs {
				if known && val != (i == 0) {
					continue
				}
				next := s
				if k := f.a.condKey(last.Cond); !known && f.multi[k] {
					next = s.clone()
					next.learn(cond{key: k, val: i == 0, at: it.b})
				}
				push(it.b, succ, next)
			}
		case *ssa.Return:
			f.returns = append(f.returns, retState{last, s})
		default:
			for _, succ := range it.b.Succs {
				push(it.b, succ, s)
			}
		}
	}
	return !exhausted
}

// enter returns the state on the edge from -> to: conditions learned in
// a loop are forgotten when it goes round, and phis rename what they
// merge.
func (f *frame) enter(from, to *ssa.BasicBlock, s *state) *state {
	s = s.clone()
	if to.Dominates(from) {
		s.conds = slices.DeleteFunc(s.conds, func(c cond) bool { return c.at != nil && to.Dominates(c.at) })
	}
	pred := slices.Index(to.Preds, from)
	var phis []*ssa.Phi
	for _, instr := range to.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		phis = append(phis, phi)
	}
	if len(phis) == 0 || pred < 0 {
		return s
	}
	var learned []cond
	var forget []string
	for _, phi := range phis {
		if !f.condPhis[phi] {
			continue
		}
		k := f.a.condKey(phi)
		if v, ok := f.eval(phi.Edges[pred], s); ok {
			learned = append(learned, cond{key: k, val: v, at: to})
		} else {
			forget = append(forget, k)
		}
	}
	if len(s.held) > 0 || len(s.released) > 0 {
		rename := func(r ref) (ref, bool) {
			for _, phi := range phis {
				if e := f.a.refs.of(phi.Edges[pred]); r.under(e) {
					return ref{root: phi, path: r.path[len(e.path):]}, true
				}
			}
			for _, phi := range phis {
				if r.root == phi {
					return r, false
				}
			}
			return r, true
		}
		for i := range s.held {
			if r, ok := rename(s.held[i].ref); ok {
				s.held[i].ref = r
			} else {
				s.held[i].stale = true
			}
		}
		s.released = slices.DeleteFunc(s.released, func(x rel) bool {
			_, ok := rename(x.ref)
			return !ok
		})
		for i := range s.released {
			s.released[i].ref, _ = rename(s.released[i].ref)
		}
	}
	for _, k := range forget {
		s.conds = slices.DeleteFunc(s.conds, func(c cond) bool { return c.key == k })
	}
	for _, c := range learned {
		s.learn(c)
	}
	return s
}

// block runs the instructions of b on s. It reports false when the path
// blocks forever there (a Lock of a mutex it holds).
func (f *frame) block(b *ssa.BasicBlock, s *state) bool {
	for _, instr := range b.Instrs {
		if v, ok := instr.(ssa.Value); ok {
			f.redefine(v, s)
		}
		switch instr := instr.(type) {
		case *ssa.Phi:
			// Renamed on entry to the block.
		case *ssa.Store:
			if len(s.held) > 0 {
				addr := f.a.refs.of(instr.Addr)
				addr.path += "*;"
				for i := range s.held {
					if s.held[i].ref.under(addr) {
						s.held[i].stale = true
					}
				}
			}
		case *ssa.Call:
			if !f.call(instr, s, false) {
				return false
			}
		case *ssa.Send:
			f.send(instr, s)
		case *ssa.Defer:
			s.defers = append(s.defers, instr)
		case *ssa.Go:
			f.goCall(instr, s)
		case *ssa.RunDefers:
			for i := len(s.defers) - 1; i >= 0; i-- {
				if !f.call(s.defers[i], s, true) {
					return false
				}
			}
			s.defers = nil
		}
	}
	return true
}

// redefine applies the run of an instruction that defines v: a mutex
// reached from v's previous value (a fresh allocation, the result of
// the same call in the previous iteration) is no longer known by its ref.
func (f *frame) redefine(v ssa.Value, s *state) {
	if _, ok := v.(*ssa.Phi); ok {
		return
	}
	for i := range s.held {
		if s.held[i].ref.root == v {
			s.held[i].stale = true
		}
	}
	s.released = slices.DeleteFunc(s.released, func(x rel) bool { return x.ref.root == v })
}

// call applies a call (or a deferred call, run now) to s.
func (f *frame) call(call ssa.CallInstruction, s *state, deferred bool) bool {
	if op, ok := lockOp(call); ok {
		if op.acquires() {
			return f.lock(op, s, !deferred)
		}
		f.release(s, rel{ref: f.a.refs.of(op.Mutex), read: op.Read, key: op.Key})
		return true
	}
	if eff := f.a.effect(call.Common(), f.known(s)); eff != nil {
		return f.apply(call, eff, s)
	}
	// A function of another package: its Locks and what it returns
	// holding are known from its fact, whatever else it does with what
	// it is handed is not.
	remote := f.a.remote(call)
	if remote != nil && !f.apply(call, &effect{callee: remote.callee, takes: remote.takes}, s) {
		return false
	}
	f.unknown(call.Common(), s)
	if remote != nil {
		f.apply(call, &effect{callee: remote.callee, acquires: remote.acquires}, s)
	}
	return true
}

// lock applies a Lock of the function to s.
func (f *frame) lock(op Op, s *state, direct bool) bool {
	r := f.a.refs.of(op.Mutex)
	if i := s.find(r); i >= 0 {
		h := s.held[i]
		f.relock(Relock{At: op.Call, Held: h.op, Again: op}, r)
		if !(h.read && op.Read) {
			return false
		}
		s.held[i].counted = s.held[i].counted || f.counted(op, r)
		return true
	}
	f.order(op, op.Pos(), s, nil)
	f.site(op.Call, op)
	again := s.wasReleased(r)
	f.addTake(take{ref: r, op: op, again: again, released: releasedRefs(s)})
	s.held = append(s.held, held{ref: r, op: op, read: op.Read, direct: direct, again: again, counted: f.counted(op, r)})
	return true
}

func releasedRefs(s *state) []ref {
	//lint:ignore prealloc nil when nothing was released, as takes have always recorded it
	var out []ref
	for _, x := range s.released {
		out = append(out, x.ref)
	}
	return out
}

// release applies an Unlock (of the function or a callee) to s. The
// Unlock of a mutex the path does not hold records that the function
// expects it held on entry.
func (f *frame) release(s *state, x rel) {
	if i := slices.IndexFunc(s.held, func(h held) bool { return !h.stale && h.ref == x.ref && h.read == x.read }); i >= 0 {
		if !s.held[i].counted {
			s.held = slices.Delete(s.held, i, i+1)
		}
		return
	}
	// A mutex whose ref went stale may be this one.
	if i := slices.IndexFunc(s.held, func(h held) bool { return h.stale && h.op.Key == x.key && h.read == x.read }); i >= 0 && x.key != nil {
		s.held = slices.Delete(s.held, i, i+1)
		return
	}
	if !s.wasReleased(x.ref) {
		s.released = append(s.released, x)
	}
	if !slices.ContainsFunc(f.unlocks, func(u rel) bool { return u.ref == x.ref }) {
		f.unlocks = append(f.unlocks, x)
	}
}

// counted reports whether the Lock op of r runs in a loop and the
// function releases r in another loop: it takes and releases the mutex
// as many times as the loops go round.
func (f *frame) counted(op Op, r ref) bool {
	b := op.Call.Block()
	if !f.cyclic[b.Index] {
		return false
	}
	return slices.ContainsFunc(f.ops, func(u Op) bool {
		ub := u.Call.Block()
		return !u.acquires() && u.Read == op.Read && f.cyclic[ub.Index] && f.comp[ub.Index] != f.comp[b.Index] && f.a.refs.of(u.Mutex) == r
	})
}

func (f *frame) relock(rl Relock, r ref) {
	if f.relocked[rl.At] {
		return
	}
	f.relocked[rl.At] = true
	_, rl.Shared = r.root.(*ssa.FreeVar)
	if alloc, ok := r.root.(*ssa.Alloc); ok && alloc.Parent() == f.fn {
		rl.Local = true
	}
	f.relocks = append(f.relocks, rl)
}

// order records second taken (at pos) under each mutex s holds, except
// those released first (by a callee before its Lock).
func (f *frame) order(second Op, at token.Pos, s *state, releasedFirst []ref) {
	if second.Key == nil {
		return
	}
	for _, h := range s.held {
		if h.op.Key == nil || h.op.Key == second.Key || slices.Contains(releasedFirst, h.ref) {
			continue
		}
		k := [3]token.Pos{h.op.Pos(), second.Pos(), at}
		if f.ordered[k] {
			continue
		}
		f.ordered[k] = true
		gates := map[types.Object]bool{}
		for _, g := range s.held {
			if g.op.Key != nil && g.op.Key != h.op.Key && g.op.Key != second.Key {
				gates[g.op.Key] = gates[g.op.Key] || !g.read
			}
		}
		f.orders = append(f.orders, Order{First: h.op, Second: second, At: at, Gates: gates, Test: f.test})
	}
}

// send records a send made while the path holds mutexes known by field
// or variable.
func (f *frame) send(send *ssa.Send, s *state) {
	if f.sent[send] {
		return
	}
	var ops []Op
	for _, h := range s.held {
		if h.op.Key != nil && !h.stale {
			ops = append(ops, h.op)
		}
	}
	if len(ops) > 0 {
		f.sent[send] = true
		f.sends = append(f.sends, LockedSend{Send: send, Held: ops})
	}
}

// site records that the function takes op's mutex at instr.
func (f *frame) site(instr ssa.Instruction, op Op) {
	t := Take{At: instr, Op: op}
	if op.Key != nil && !f.took[t] {
		f.took[t] = true
		f.takeSites = append(f.takeSites, t)
	}
}

func (f *frame) addTake(t take) {
	b := t.ref.appendTo(nil)
	b = append(b, '@')
	b = strconv.AppendInt(b, int64(t.op.Pos()), 10)
	b = strconv.AppendBool(b, t.again)
	k := string(b)
	if !f.taken[k] {
		f.taken[k] = true
		f.takes = append(f.takes, t)
	}
}

// apply applies the summary of a call's callee to s.
func (f *frame) apply(call ssa.CallInstruction, eff *effect, s *state) bool {
	for _, t := range eff.takes {
		if i := s.find(t.ref); i >= 0 && !t.again && !slices.Contains(t.released, t.ref) {
			h := s.held[i]
			f.relock(Relock{At: call, Callee: eff.callee, Held: h.op, Again: t.op}, t.ref)
			if !(h.read && t.op.Read) {
				return false
			}
		}
		f.order(t.op, call.Pos(), s, t.released)
		f.site(call, t.op)
		f.addTake(take{
			ref:      t.ref,
			op:       t.op,
			again:    t.again || s.wasReleased(t.ref),
			released: append(releasedRefs(s), t.released...),
		})
	}
	for _, x := range eff.releases {
		f.release(s, x)
	}
	for _, h := range eff.acquires {
		h.again = s.wasReleased(h.ref)
		h.direct = false
		s.held = append(s.held, h)
	}
	return true
}

// goCall applies a go statement: the goroutine may release what it
// unlocks, or what it is handed, at any time.
func (f *frame) goCall(g *ssa.Go, s *state) {
	if op, ok := lockOp(g); ok {
		if !op.acquires() {
			f.release(s, rel{ref: f.a.refs.of(op.Mutex), read: op.Read, key: op.Key})
		}
		return
	}
	if eff := f.a.effect(g.Common(), f.known(s)); eff != nil {
		for _, x := range eff.unlocks {
			f.release(s, x)
		}
		return
	}
	f.unknown(g.Common(), s)
}

// unknown applies a call the analysis cannot follow: it may release a
// mutex it is handed (or the value holding it), and run the functions
// it is handed.
func (f *frame) unknown(common *ssa.CallCommon, s *state) {
	if _, ok := common.Value.(*ssa.Builtin); ok {
		return
	}
	handed := slices.Clone(common.Args)
	if common.IsInvoke() {
		handed = append(handed, common.Value)
	}
	if mc, ok := common.Value.(*ssa.MakeClosure); ok {
		handed = append(handed, mc.Bindings...)
	}
	for _, arg := range common.Args {
		if mc, ok := arg.(*ssa.MakeClosure); ok {
			handed = append(handed, mc.Bindings...)
		}
		if fn := f.a.funcOf(arg); fn != nil {
			if eff := f.a.effectOf(fn, arg, nil, f.known(s)); eff != nil {
				for _, x := range eff.releases {
					f.release(s, x)
				}
			}
		}
	}
	if len(s.held) == 0 {
		return
	}
	roots := make([]ref, 0, len(handed))
	for _, v := range handed {
		roots = append(roots, f.a.refs.of(v))
	}
	s.held = slices.DeleteFunc(s.held, func(h held) bool {
		return slices.ContainsFunc(roots, func(r ref) bool { return h.ref.under(r) })
	})
}
