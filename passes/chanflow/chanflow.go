// Package chanflow computes, once per package, where each channel made in
// the package flows and what is done with it: the operations on it in any
// function, the goroutines that can reach it, and whether it escapes to
// code the analysis cannot follow.
//
// A channel is followed through values and the variables that hold it
// (captured variables live in heap cells in SSA), into closures, into the
// parameters of the package's own functions, and through conversions to
// directional channel types. Anything else (a store into a field, global or
// slice; a conversion to an interface; a send of the channel itself; a
// call into another package; a closure passed on rather than called or
// started) marks the channel as escaping, and analyzers stay silent about
// escaping channels.
package chanflow

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/lazyssa"
)

// Analyzer computes the flow of every channel made in the package.
var Analyzer = &analysis.Analyzer{
	Name:       "chanflow",
	Doc:        "compute where the channels made in a package flow and what is done with them",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(ChanParams)},
}

// Use is what a function does with a channel parameter, as a set.
type Use uint8

const (
	Sends Use = 1 << iota
	Receives
	Ranges
	Closes
	// Escapes: the parameter reaches code the analysis does not follow.
	Escapes
)

func (u Use) String() string {
	if u == 0 {
		return "-"
	}
	var parts []string
	for _, x := range []struct {
		u    Use
		name string
	}{{Sends, "send"}, {Receives, "recv"}, {Ranges, "range"}, {Closes, "close"}, {Escapes, "escapes"}} {
		if u&x.u != 0 {
			parts = append(parts, x.name)
		}
	}
	return strings.Join(parts, "+")
}

// ChanParams is the fact exported for a function with channel
// parameters: what it does with each (by index, receiver first for
// methods; the zero Use for a parameter that is not a channel). It lets
// the flow of a channel continue into another package, standalone and
// under go vet alike.
type ChanParams struct {
	Params []Use
}

func (*ChanParams) AFact() {}

func (f *ChanParams) String() string {
	parts := make([]string, len(f.Params))
	for i, u := range f.Params {
		parts[i] = u.String()
	}
	return "chanparams(" + strings.Join(parts, ", ") + ")"
}

// Result lists the channels made in the package, in source order.
type Result struct {
	Chans []*Chan
}

// Chan is one channel made by a make(chan T[, n]) in the package.
type Chan struct {
	Make *ssa.MakeChan
	// Cap is the constant capacity, or -1 when it is not a constant.
	Cap int64
	// Escapes is set when the channel reaches code the analysis does not
	// follow; Ops and Starts are then incomplete.
	Escapes bool
	// Ops are the operations on the channel, in any function.
	Ops []chanop.Op
	// Starts are the go statements that start a function that can reach
	// the channel, with that function.
	Starts []Start
	// Calls are synchronous calls of the package's functions that are
	// handed the channel, with the callee.
	Calls []Start
}

// Start is a go statement, or a call, and the function it runs (from
// another package, with no blocks, when its facts were used).
type Start struct {
	Instr ssa.CallInstruction
	Fn    *ssa.Function
}

func run(pass *analysis.Pass) (any, error) {
	return flows(pass, pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs), nil
}

// FactsAnalyzer computes the ChanParams facts alone. A facts-only run (go
// vet on a dependency) uses it in place of Analyzer: it builds the
// package's SSA form only when an exported function or method has a
// channel parameter, the only ones with facts.
var FactsAnalyzer = &analysis.Analyzer{
	Name:      "chanflowfacts",
	Doc:       "compute the ChanParams facts of a package",
	Requires:  []*analysis.Analyzer{lazyssa.Analyzer},
	Run:       runFacts,
	FactTypes: []analysis.Fact{new(ChanParams)},
}

func runFacts(pass *analysis.Pass) (any, error) {
	for t := range apimatch.ExportedParams(pass.TypesInfo) {
		if _, ok := t.Underlying().(*types.Chan); ok {
			info, err := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.SSA).Get()
			if err != nil {
				return nil, err
			}
			flows(pass, info.SrcFuncs)
			break
		}
	}
	return nil, nil
}

func flows(pass *analysis.Pass, funcs []*ssa.Function) *Result {
	res := &Result{}
	for instr := range apimatch.Instructions(funcs) {
		if mk, ok := instr.(*ssa.MakeChan); ok {
			res.Chans = append(res.Chans, follow(pass, mk, mk))
		}
	}
	for _, fn := range funcs {
		exportParams(pass, fn)
	}
	return res
}

// exportParams exports the ChanParams fact of fn, if it is an exported
// function with a channel parameter that it does not let escape: only
// other packages read the fact, and a missing fact already means escape.
func exportParams(pass *analysis.Pass, fn *ssa.Function) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || !obj.Exported() {
		return
	}
	fact := &ChanParams{Params: make([]Use, len(fn.Params))}
	any := false
	for i, p := range fn.Params {
		if _, ok := p.Type().Underlying().(*types.Chan); !ok {
			continue
		}
		c := follow(pass, p, nil)
		if c.Escapes {
			fact.Params[i] = Escapes
			continue
		}
		any = true
		for _, op := range c.Ops {
			fact.Params[i] |= use(op.Kind)
		}
	}
	if any {
		pass.ExportObjectFact(obj, fact)
	}
}

func use(k chanop.Kind) Use {
	switch k {
	case chanop.Send:
		return Sends
	case chanop.Recv:
		return Receives
	case chanop.RangeRecv:
		return Ranges
	}
	return Closes
}

// tracker follows one channel.
type tracker struct {
	pass   *analysis.Pass
	c      *Chan
	values map[ssa.Value]bool // values that are the channel
	cells  map[ssa.Value]bool // pointers to variables that hold it
	fns    map[*ssa.Function]bool
	work   []ssa.Value
	// remote are the operations done by functions of other packages, as
	// their ChanParams facts tell, placed at the calls.
	remote []chanop.Op
}

// follow follows the channel start, made by mk (nil for a parameter).
func follow(pass *analysis.Pass, start ssa.Value, mk *ssa.MakeChan) *Chan {
	c := &Chan{Make: mk, Cap: -1}
	if mk != nil {
		if k, ok := mk.Size.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Int {
			c.Cap, _ = constant.Int64Val(k.Value)
		}
	}
	t := &tracker{pass: pass, c: c, values: map[ssa.Value]bool{}, cells: map[ssa.Value]bool{}, fns: map[*ssa.Function]bool{}}
	t.value(start)
	for len(t.work) > 0 && !c.Escapes {
		v := t.work[len(t.work)-1]
		t.work = t.work[:len(t.work)-1]
		if t.cells[v] {
			t.followCell(v)
		} else {
			t.followValue(v)
		}
	}
	if !c.Escapes {
		for fn := range t.fns {
			for _, op := range chanop.Ops(fn) {
				if t.values[op.Chan] {
					c.Ops = append(c.Ops, op)
				}
			}
		}
		c.Ops = append(c.Ops, t.remote...)
		sortOps(c.Ops)
	}
	return c
}

func (t *tracker) value(v ssa.Value) {
	if !t.values[v] {
		t.values[v] = true
		t.fns[v.Parent()] = true
		t.work = append(t.work, v)
	}
}

func (t *tracker) cell(v ssa.Value) {
	if !t.cells[v] {
		t.cells[v] = true
		t.work = append(t.work, v)
	}
}

func (t *tracker) escape() { t.c.Escapes = true }

func (t *tracker) followValue(v ssa.Value) {
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, ref := range *refs {
		switch ref := ref.(type) {
		case *ssa.Send:
			if ref.X == v {
				t.escape()
			}
		case *ssa.UnOp:
			if ref.Op != token.ARROW {
				t.escape()
			}
		case *ssa.Select:
			for _, st := range ref.States {
				if st.Send == v {
					t.escape()
				}
			}
		case *ssa.ChangeType:
			t.value(ref)
		case *ssa.DebugRef, *ssa.BinOp:
			// Comparisons and debug info do not move the channel.
		case *ssa.Store:
			if ref.Val != v {
				continue
			}
			if alloc, ok := ref.Addr.(*ssa.Alloc); ok {
				t.cell(alloc)
			} else {
				t.escape()
			}
		case *ssa.MakeClosure:
			t.bindings(ref, v, t.value)
		case ssa.CallInstruction:
			t.call(ref, v, t.value)
		default:
			t.escape()
		}
	}
}

func (t *tracker) followCell(cell ssa.Value) {
	refs := cell.Referrers()
	if refs == nil {
		return
	}
	for _, ref := range *refs {
		switch ref := ref.(type) {
		case *ssa.UnOp:
			if ref.Op == token.MUL {
				t.value(ref)
			} else {
				t.escape()
			}
		case *ssa.Store:
			// Another channel stored into the variable makes it a
			// different channel from here on.
			if ref.Addr == cell && !t.values[ref.Val] {
				t.escape()
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			t.bindings(ref, cell, t.cell)
		default:
			t.escape()
		}
	}
}

// bindings follows v into the free variables of the closure mc binds it
// to, then the closure itself: started, called or deferred is followed,
// anything else escapes.
func (t *tracker) bindings(mc *ssa.MakeClosure, v ssa.Value, next func(ssa.Value)) {
	fn := mc.Fn.(*ssa.Function)
	for i, b := range mc.Bindings {
		if b == v {
			next(fn.FreeVars[i])
		}
	}
	t.fns[fn] = true
	for _, ref := range *mc.Referrers() {
		call, ok := ref.(ssa.CallInstruction)
		if !ok || call.Common().Value != mc || call.Common().IsInvoke() {
			if _, ok := ref.(*ssa.DebugRef); !ok {
				t.escape()
			}
			continue
		}
		t.record(call, fn)
	}
}

// call follows v into a call: close, len and cap are uses; a static call
// of a function of the same package passes it to the parameter.
func (t *tracker) call(call ssa.CallInstruction, v ssa.Value, next func(ssa.Value)) {
	common := call.Common()
	switch apimatch.Builtin(common) {
	case "close", "len", "cap":
		return
	case "":
	default:
		t.escape()
		return
	}
	fn := common.StaticCallee()
	if fn != nil && (fn.Pkg == nil || fn.Pkg.Pkg != t.pass.Pkg) && t.viaFact(call, fn, v) {
		return
	}
	if fn == nil || fn.Blocks == nil || fn.Pkg == nil || fn.Pkg.Pkg != t.pass.Pkg {
		t.escape()
		return
	}
	for i, arg := range common.Args {
		if arg == v && i < len(fn.Params) {
			next(fn.Params[i])
		}
	}
	t.fns[fn] = true
	t.record(call, fn)
}

// viaFact applies the ChanParams fact of fn, a function of another
// package, to the call handing it v: its sends, receives and closes
// become operations at the call. It reports false when there is no fact
// or the callee lets the channel escape.
func (t *tracker) viaFact(call ssa.CallInstruction, fn *ssa.Function, v ssa.Value) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	var fact ChanParams
	if !t.pass.ImportObjectFact(obj, &fact) {
		return false
	}
	for i, arg := range call.Common().Args {
		if arg != v {
			continue
		}
		if i >= len(fact.Params) || fact.Params[i]&Escapes != 0 {
			return false
		}
		for _, k := range []struct {
			u    Use
			kind chanop.Kind
		}{{Sends, chanop.Send}, {Receives, chanop.Recv}, {Ranges, chanop.RangeRecv}, {Closes, chanop.Close}} {
			if fact.Params[i]&k.u != 0 {
				t.remote = append(t.remote, chanop.Op{Kind: k.kind, Chan: v, Instr: call, Remote: true})
			}
		}
	}
	t.record(call, fn)
	return true
}

func (t *tracker) record(call ssa.CallInstruction, fn *ssa.Function) {
	s := Start{Instr: call, Fn: fn}
	if _, ok := call.(*ssa.Go); ok {
		t.c.Starts = append(t.c.Starts, s)
	} else {
		t.c.Calls = append(t.c.Calls, s)
	}
}

// sortOps puts ops in source order, so that findings come out in a
// fixed order whatever order the functions were visited in.
func sortOps(ops []chanop.Op) {
	slices.SortFunc(ops, func(a, b chanop.Op) int {
		if c := cmp.Compare(a.Pos(), b.Pos()); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
}
