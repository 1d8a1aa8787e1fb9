package circularwait

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/chanflow"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/meta"
	"github.com/gohazard/gohazard/passes/primitives"
	"github.com/gohazard/gohazard/passes/ssaref"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "circularwait",
	Doc:      analysisdoc.MustExtract(doc, "circularwait"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/circularwait",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, chanflow.Analyzer, primitives.Analyzer},
	Run:      run,
}

// Meta places circularwait among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: true, Since: "v0.3.0", Severity: meta.Error}

// channel is a channel every operation of which is known and placed.
type channel struct {
	cap     int64 // -1 when not one constant
	name    string
	makePos token.Pos // of a channel made in a function
	made    []analysis.RelatedInformation
	ops     []op
}

// op is an operation on a channel and the points where it takes effect.
type op struct {
	chanop.Op
	at []point
}

// blocked is an operation at which a root certainly stops, on a channel.
type blocked struct {
	c  *channel
	op op
	pt point
}

// wait is a circular wait: a and b each wait for an operation that only
// the other's root reaches, after it.
type wait struct {
	a, b       blocked
	forA, forB []op // the operations that would complete a, b
}

func run(pass *analysis.Pass) (any, error) {
	funcs := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	model := pass.ResultOf[primitives.Analyzer].(*primitives.Model)
	chans := channels(pass.ResultOf[chanflow.Analyzer].(*chanflow.Result), model, funcs)
	started := map[*ssa.Function]bool{}
	for instr := range apimatch.Instructions(funcs) {
		if g, ok := instr.(*ssa.Go); ok {
			if fn := g.Call.StaticCallee(); fn != nil {
				started[fn] = true
			}
		}
	}
	for _, w := range waits(chans, started) {
		report(pass, w, started)
	}
	return nil, nil
}

// channels returns the channels made in the package that never escape
// and those kept where the package owns every access and nothing outside
// operates on them, with their operations placed.
func channels(flow *chanflow.Result, model *primitives.Model, funcs []*ssa.Function) []*channel {
	var chans []*channel
	add := func(c *channel, ops []chanop.Op, p placer) {
		for _, o := range ops {
			// An operation a go statement runs may take effect at
			// any time.
			if _, async := o.Instr.(*ssa.Go); async {
				return
			}
			at, ok := place(p, o.Instr)
			if !ok {
				return
			}
			c.ops = append(c.ops, op{Op: o, at: at})
			if c.name == "" {
				c.name = chanName(o.Chan)
			}
		}
		if c.makePos.IsValid() {
			c.made = []analysis.RelatedInformation{{Pos: c.makePos, Message: c.called() + " is made here"}}
		}
		chans = append(chans, c)
	}
	for _, c := range flow.Chans {
		if !c.Escapes {
			add(&channel{cap: c.Cap, makePos: c.Make.Pos()}, c.Ops, newLocal(c))
		}
	}
	o := newOwned(model, funcs)
	for _, l := range model.Locs {
		if l.Kind != primitives.Chan || !l.Known() || l.Outside != 0 {
			continue
		}
		ops := make([]chanop.Op, len(l.Ops))
		for i, lop := range l.Ops {
			ops[i] = lop.Chan
		}
		add(&channel{cap: l.Cap(), name: l.Var.Name(), made: primitives.Made(l, "the channel")}, ops, o)
	}
	return chans
}

// waits returns the circular waits of the package, one per pair of
// roots: the first in source order, reported at the side that is not a
// goroutine when one is.
func waits(chans []*channel, started map[*ssa.Function]bool) []wait {
	var cands []blocked
	for _, c := range chans {
		for _, o := range c.ops {
			if pt, ok := blocks(c, o); ok {
				cands = append(cands, blocked{c: c, op: o, pt: pt})
			}
		}
	}
	found := map[[2]*ssa.Function]wait{}
	for _, a := range cands {
		forA := completing(a)
		root, ok := onlyRoot(forA)
		if !ok || root == a.pt.root() {
			continue
		}
		for _, b := range cands {
			if b.pt.root() != root || !allAfter(forA, b.pt) {
				continue
			}
			forB := completing(b)
			if r, ok := onlyRoot(forB); !ok || r != a.pt.root() || !allAfter(forB, a.pt) {
				continue
			}
			w := wait{a: a, b: b, forA: forA, forB: forB}
			if started[a.pt.root()] && !started[b.pt.root()] || started[a.pt.root()] == started[b.pt.root()] && b.op.Pos() < a.op.Pos() {
				w = wait{a: b, b: a, forA: forB, forB: forA}
			}
			key := [2]*ssa.Function{w.a.pt.root(), w.b.pt.root()}
			if old, ok := found[key]; !ok || w.a.op.Pos() < old.a.op.Pos() {
				found[key] = w
			}
		}
	}
	ws := make([]wait, 0, len(found))
	for _, w := range found {
		ws = append(ws, w)
	}
	slices.SortFunc(ws, func(x, y wait) int { return cmp.Compare(x.a.op.Pos(), y.a.op.Pos()) })
	return ws
}

// blocks reports whether o, a plain send or receive, is reached on every
// run of its root (each call on its chain is reached on every run of its
// function, and so is o in its own) and blocks there unless an
// operation that would complete it has happened: a receive always (the
// buffer is empty while nothing was sent), a send when the channel is
// unbuffered or the sends of the root that come before it on every path
// fill the buffer.
func blocks(c *channel, o op) (point, bool) {
	if o.Select != nil || o.Remote || o.Kind == chanop.Close || len(o.at) != 1 {
		return nil, false
	}
	pt := o.at[0]
	for _, st := range pt {
		if st.exit || !alwaysReached(st.instr.Parent(), st.instr) {
			return nil, false
		}
	}
	if o.Kind != chanop.Send {
		return pt, true
	}
	if c.cap < 0 {
		return nil, false
	}
	// The sends that fill the buffer are counted in o's own function.
	before := 0
	for _, s := range c.ops {
		if s.Kind == chanop.Send && s.Select == nil && !s.Remote && s.Instr != o.Instr &&
			s.Instr.Parent() == o.Instr.Parent() && ssaref.SameRef(s.Chan, o.Chan) && dominates(s.Instr, o.Instr) {
			before++
		}
	}
	return pt, int64(before) >= c.cap
}

// completing returns the operations of b's channel that would let b
// proceed: a send or close for a receive, a receive or close for a send.
func completing(b blocked) []op {
	var ops []op
	for _, o := range b.c.ops {
		if o.Kind == chanop.Close || (b.op.Kind == chanop.Send) != (o.Kind == chanop.Send) {
			ops = append(ops, o)
		}
	}
	return ops
}

// onlyRoot returns the root every one of ops takes effect in, if there is
// one.
func onlyRoot(ops []op) (*ssa.Function, bool) {
	var root *ssa.Function
	for _, o := range ops {
		for _, pt := range o.at {
			if root != nil && pt.root() != root {
				return nil, false
			}
			root = pt.root()
		}
	}
	return root, root != nil
}

// allAfter reports whether every one of ops takes effect, in the root of
// b, only once b has been passed.
func allAfter(ops []op, b point) bool {
	for _, o := range ops {
		for _, pt := range o.at {
			if !after(b, pt) {
				return false
			}
		}
	}
	return true
}

func report(pass *analysis.Pass, w wait, started map[*ssa.Function]bool) {
	self, other := w.a.pt.root(), w.b.pt.root()
	both := started[self] && started[other]
	them := who(other, started, both)
	me := self.Name()
	if started[self] {
		me = "this goroutine"
	}
	related := []analysis.RelatedInformation{{Pos: w.b.op.Pos(), Message: them + " blocks here"}}
	for _, o := range w.forA {
		related = append(related, analysis.RelatedInformation{Pos: o.Pos(), Message: them + " " + action(w.a.c, o) + " only here, after it blocks"})
	}
	for _, o := range w.forB {
		related = append(related, analysis.RelatedInformation{Pos: o.Pos(), Message: me + " " + action(w.b.c, o) + " only here, after it blocks"})
	}
	related = append(related, w.a.c.made...)
	if w.b.c != w.a.c {
		related = append(related, w.b.c.made...)
	}
	pass.Report(analysis.Diagnostic{
		Pos: w.a.op.Pos(),
		Message: fmt.Sprintf("circular wait: this %s and %s's %s block each other forever",
			describe(w.a.c, w.a.op), them, describe(w.b.c, w.b.op)),
		Related: related,
	})
}

// who names the root fn in a message.
func who(fn *ssa.Function, started map[*ssa.Function]bool, both bool) string {
	switch {
	case started[fn] && both:
		return "the other goroutine"
	case started[fn] && fn.Parent() != nil:
		return "the goroutine"
	case started[fn]:
		return "the goroutine running " + fn.Name()
	}
	return fn.Name()
}

// describe says what the blocked operation o on c does.
func describe(c *channel, o op) string {
	what := "receive from"
	switch o.Kind {
	case chanop.Send:
		what = "send on"
	case chanop.RangeRecv:
		what = "range over"
	}
	return what + " " + c.called()
}

// action says what o, an operation that completes a blocked one, does
// to c.
func action(c *channel, o op) string {
	what := "receives from"
	switch o.Kind {
	case chanop.Send:
		what = "sends on"
	case chanop.Close:
		what = "closes"
	}
	return what + " " + c.called()
}

func (c *channel) called() string {
	if c.name == "" {
		return "the channel"
	}
	return c.name
}

// chanName returns the name of the variable, parameter or field a
// channel value is read from, or "".
func chanName(v ssa.Value) string {
	for range 8 {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return ""
			}
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.FieldAddr:
			if f := apimatch.FieldVar(x); f != nil {
				return f.Name()
			}
			return ""
		case *ssa.Alloc:
			return x.Comment
		case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
			return x.Name()
		default:
			return ""
		}
	}
	return ""
}
