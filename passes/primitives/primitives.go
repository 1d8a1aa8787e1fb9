// Package primitives builds, once per package, a model of the
// concurrency primitives the package keeps where it owns every access:
// the channels, WaitGroups, Conds, cancel funcs and timers held in a
// field of a package-local struct type (an unexported field, or any field
// of an unexported type) or in an unexported package-level variable,
// directly or as the elements of a map, slice or array held there.
//
// Each such location gathers every operation done, in any function or
// method of the package, on a value loaded from it: values are followed
// through local variables, closures, the parameters of the package's own
// functions and their results. What the model cannot see is recorded
// rather than guessed: a value stored there that the package did not make
// (a parameter, a result from another package) makes the location
// Foreign, and a value of it that reaches other code (another package, an
// interface, the result of a function callers outside may call) adds to
// Outside what that code may do with it, narrowed by channel direction.
//
// The model also maps each function to the go statements whose
// goroutines may run it and to its static callers in the package.
package primitives

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/lazyssa"
	"github.com/gohazard/gohazard/passes/ssaref"
)

// Analyzer builds the Model of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "primitives",
	Doc:        "model the channels, WaitGroups, Conds, cancel funcs and timers a package keeps in fields and variables it owns",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Model](),
	FactTypes:  []analysis.Fact{new(ParamOps)},
}

// Kind is the kind of primitive a location holds.
type Kind uint8

const (
	Chan Kind = iota
	WaitGroup
	Cond
	Cancel
	Timer
)

// OpKind is the kind of an operation on a primitive.
type OpKind uint8

const (
	Send OpKind = iota
	Recv
	Range
	Close
	Add
	Done
	Wait // WaitGroup.Wait or Cond.Wait
	Signal
	Broadcast
	Call // a cancel func called, deferred or started
	Stop
	Reset
	numOps
)

// OpSet is a set of operation kinds.
type OpSet uint16

// All is every operation.
const All = OpSet(1<<numOps - 1)

// Has reports whether s contains k.
func (s OpSet) Has(k OpKind) bool { return s&(1<<k) != 0 }

func set(ks ...OpKind) OpSet {
	var s OpSet
	for _, k := range ks {
		s |= 1 << k
	}
	return s
}

// Op is one operation on the primitive of a location.
type Op struct {
	Kind  OpKind
	Instr ssa.Instruction
	// Chan is the channel operation for Send, Recv, Range and Close (for
	// a timer, a receive from its C).
	Chan chanop.Op
	// Value is the primitive operated on, as the function sees it.
	Value ssa.Value
	// Remote marks an operation done by a function of another package
	// that Instr, a call, hands the primitive to (known from its facts).
	Remote bool
}

// Pos returns the position of the operation.
func (op Op) Pos() token.Pos {
	if op.Kind <= Close {
		return op.Chan.Pos()
	}
	return op.Instr.Pos()
}

// Loc is a place the package owns that holds primitives of one kind.
type Loc struct {
	Kind Kind
	Var  *types.Var // the field or package-level variable
	// Elem is set when the primitives are elements of a map, slice or
	// array held in Var.
	Elem bool
	// Makes are the values stored there that make a primitive:
	// make(chan), sync.NewCond, a new WaitGroup, the cancel func of
	// context.WithCancel and the like, time.NewTimer or AfterFunc.
	Makes []ssa.Value
	// Stores are the instructions that put those values there.
	Stores []ssa.Instruction
	// Foreign is set when a value the package did not make may be stored
	// there: what is done to it elsewhere is unknown.
	Foreign bool
	// Outside holds what code the model does not see may do with a
	// primitive of the location, once a value of it reached that code.
	Outside OpSet
	// Ops are the operations in the package, in source order.
	Ops []Op
}

// Known reports whether every primitive of l is made by the package (or
// is nil, or held by value) and every operation on one is in l.Ops, but
// for those in l.Outside: the package owns every store into l.
func (l *Loc) Known() bool { return !l.Foreign }

func (l *Loc) valueHeld() bool {
	_, ptr := l.Var.Type().Underlying().(*types.Pointer)
	return !l.Elem && !ptr && (l.Kind == WaitGroup || l.Kind == Cond)
}

// Has reports whether the package does an operation of kind k on l.
func (l *Loc) Has(k OpKind) bool {
	return slices.ContainsFunc(l.Ops, func(op Op) bool { return op.Kind == k })
}

// Cap returns the capacity every channel of l is made with, or -1 when it
// is not one constant.
func (l *Loc) Cap() int64 {
	c := int64(-1)
	for i, mk := range l.Makes {
		m, ok := mk.(*ssa.MakeChan)
		if !ok {
			return -1
		}
		k, ok := m.Size.(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
			return -1
		}
		n, _ := constant.Int64Val(k.Value)
		if i > 0 && n != c {
			return -1
		}
		c = n
	}
	return c
}

// Model is the primitives of a package and how its functions run.
type Model struct {
	Locs       []*Loc // ordered by the position of their variable
	byVar      map[*types.Var]*Loc
	callers    map[*ssa.Function][]ssa.CallInstruction
	goroutines map[*ssa.Function][]*ssa.Go
	// escaping are the functions used other than by a static call, and
	// the exported ones: code outside the model may call them.
	escaping map[*ssa.Function]bool
}

// Of returns the location of the field or variable v, or nil.
func (m *Model) Of(v *types.Var) *Loc { return m.byVar[v] }

// Callers returns the static calls, direct, deferred or go, of fn in the
// package.
func (m *Model) Callers(fn *ssa.Function) []ssa.CallInstruction { return m.callers[fn] }

// Goroutines returns the go statements of the package whose goroutine
// may run fn: those that start it, or a function that calls it.
func (m *Model) Goroutines(fn *ssa.Function) []*ssa.Go { return m.goroutines[fn] }

// CalledOutside reports whether code the model does not see may call fn.
func (m *Model) CalledOutside(fn *ssa.Function) bool { return m.escaping[fn] }

func run(pass *analysis.Pass) (any, error) {
	return model(pass, pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)), nil
}

// FactsAnalyzer computes the ParamOps facts alone. A facts-only run (go
// vet on a dependency) uses it in place of Analyzer: it builds the
// package's SSA form only when an exported function or method has a
// parameter holding a primitive, the only ones with facts.
var FactsAnalyzer = &analysis.Analyzer{
	Name:      "primitivesfacts",
	Doc:       "compute the ParamOps facts of a package",
	Requires:  []*analysis.Analyzer{lazyssa.Analyzer},
	Run:       runFacts,
	FactTypes: []analysis.Fact{new(ParamOps)},
}

func runFacts(pass *analysis.Pass) (any, error) {
	for t := range apimatch.ExportedParams(pass.TypesInfo) {
		if _, elem, ok := kindOf(t); ok && !elem {
			info, err := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.SSA).Get()
			if err != nil {
				return nil, err
			}
			model(pass, info)
			break
		}
	}
	return nil, nil
}

func model(pass *analysis.Pass, info *buildssa.SSA) *Model {
	funcs := info.SrcFuncs
	// Package-level variables are initialised in the synthetic init.
	if init := info.Pkg.Func("init"); init != nil && !slices.Contains(funcs, init) {
		funcs = append(slices.Clip(funcs), init)
	}
	m := &Model{byVar: map[*types.Var]*Loc{}}
	m.callGraph(pass, funcs)
	b := &builder{pass: pass, m: m, ops: map[*ssa.Function][]chanop.Op{}, trackers: map[*Loc]*tracker{}}
	for instr := range apimatch.Instructions(funcs) {
		b.root(instr)
	}
	for _, l := range m.Locs {
		b.trackers[l].finish()
	}
	for _, fn := range info.SrcFuncs {
		b.exportParams(fn)
	}
	slices.SortFunc(m.Locs, func(a, b *Loc) int { return cmp.Compare(a.Var.Pos(), b.Var.Pos()) })
	return m
}

// callGraph records the static callers of every function, the functions
// that may be called from outside, and the go statements that may run
// each function.
func (m *Model) callGraph(pass *analysis.Pass, funcs []*ssa.Function) {
	m.callers = map[*ssa.Function][]ssa.CallInstruction{}
	m.escaping = map[*ssa.Function]bool{}
	callees := map[*ssa.Function][]*ssa.Function{}
	var gos []*ssa.Go
	for _, fn := range funcs {
		if obj, ok := fn.Object().(*types.Func); ok && obj.Exported() {
			m.escaping[fn] = true
		}
	}
	for instr := range apimatch.Instructions(funcs) {
		call, isCall := instr.(ssa.CallInstruction)
		if isCall {
			for _, f := range ssaref.Runs(call) {
				m.callers[f] = append(m.callers[f], call)
				callees[instr.Parent()] = append(callees[instr.Parent()], f)
			}
			if g, ok := instr.(*ssa.Go); ok {
				gos = append(gos, g)
			}
		}
		for i, op := range instr.Operands(nil) {
			fn, ok := (*op).(*ssa.Function)
			if !ok || fn.Pkg == nil || fn.Pkg.Pkg != pass.Pkg {
				continue
			}
			if isCall && i == 0 && call.Common().Value == fn {
				continue
			}
			if _, ok := instr.(*ssa.MakeClosure); ok && i == 0 {
				// Judged by the closure's own uses; its calls are
				// static calls of fn.
				continue
			}
			m.escaping[fn] = true
		}
	}
	m.goroutines = map[*ssa.Function][]*ssa.Go{}
	for _, g := range gos {
		work := ssaref.Runs(g)
		seen := map[*ssa.Function]bool{}
		for len(work) > 0 {
			f := work[len(work)-1]
			work = work[:len(work)-1]
			if seen[f] {
				continue
			}
			seen[f] = true
			m.goroutines[f] = append(m.goroutines[f], g)
			work = append(work, callees[f]...)
		}
	}
}

// kindOf returns the kind of primitive held in a variable of type t, and
// whether it is held as the elements of a container.
func kindOf(t types.Type) (Kind, bool, bool) {
	// One level of container only, which also ends recursive types
	// (type list []list).
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Map:
		elem = u.Elem()
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	}
	if elem != nil {
		k, ok := primitive(elem)
		return k, true, ok
	}
	k, ok := primitive(t)
	return k, false, ok
}

// primitive returns the kind of primitive t is, not looking into
// containers.
func primitive(t types.Type) (Kind, bool) {
	if _, ok := t.Underlying().(*types.Chan); ok {
		return Chan, true
	}
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
		if apimatch.IsType(t, "time", "Timer") {
			return Timer, true
		}
	}
	switch {
	case apimatch.IsType(t, "sync", "WaitGroup"):
		return WaitGroup, true
	case apimatch.IsType(t, "sync", "Cond"):
		return Cond, true
	case apimatch.IsType(t, "context", "CancelFunc"), apimatch.IsType(t, "context", "CancelCauseFunc"):
		return Cancel, true
	}
	return 0, false
}

// Made returns the related positions that say where the primitive of l,
// called what, is kept and made, for a diagnostic.
func Made(l *Loc, what string) []analysis.RelatedInformation {
	related := []analysis.RelatedInformation{{Pos: l.Var.Pos(), Message: what + " is kept in " + l.Var.Name()}}
	if len(l.Makes) > 0 {
		if pos := Pos(l.Makes[0]); pos.IsValid() {
			related = append(related, analysis.RelatedInformation{Pos: pos, Message: "and made here"})
		}
	}
	return related
}

// Pos returns the position of v, or of the call whose result v extracts.
func Pos(v ssa.Value) token.Pos {
	if ex, ok := v.(*ssa.Extract); ok {
		return ex.Tuple.Pos()
	}
	return v.Pos()
}
