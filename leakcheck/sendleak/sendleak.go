package sendleak

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/chanflow"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/goversion"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/meta"
	"github.com/gohazard/gohazard/passes/primitives"
	"github.com/gohazard/gohazard/passes/testfail"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "sendleak",
	Doc:      analysisdoc.MustExtract(doc, "sendleak"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/sendleak",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, chanflow.Analyzer, loops.Analyzer, inspect.Analyzer, primitives.Analyzer},
	Run:      run,
}

// Meta places sendleak among gohazard's analyzers. Off by default: 2 of 3
// findings real after the survey fixes (std, x/tools, caddy, pebble,
// go-ethereum): below the 90% that an analyzer on by default needs.
var Meta = meta.Info{Family: meta.LeakCheck, Default: false, Since: "v0.1.0", Severity: meta.Error}

func run(pass *analysis.Pass) (any, error) {
	loopInfo := pass.ResultOf[loops.Analyzer].(*loops.Info)
	for _, c := range pass.ResultOf[chanflow.Analyzer].(*chanflow.Result).Chans {
		if l, ok := strandedSender(c, loopInfo); ok {
			report(pass, c, l)
		}
	}
	model := pass.ResultOf[primitives.Analyzer].(*primitives.Model)
	fields(pass, model, loopInfo)
	overfill(pass, model, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs)
	return nil, nil
}

// leak is one stranded goroutine: its first send, and why no receive
// comes.
type leak struct {
	start chanflow.Start
	send  chanop.Op
	sends int // most sends on the channel along one path of the goroutine, -1 if unbounded
	// path is a path of the starting function from the go statement to a
	// return that receives nothing, or nil when the function receives only
	// once for goroutines started in a loop (recv is that receive).
	path   []*ssa.BasicBlock
	recv   chanop.Op
	noRecv bool // nothing receives from the channel at all
	// second is set for a double send: a send that follows another (send)
	// on one path while the function receives once.
	second *chanop.Op
	many   bool // the go statement is in a loop the channel is not made in
	// sel and state are the select on the channel that path leaves
	// through another case (state, or -1 for the default), if any.
	sel   *ssa.Select
	state int
}

// strandedSender reports whether c's only goroutine sends on it on every
// path, outside selects, while the function that made c and started the
// goroutine can return without receiving, or receives once for many
// senders.
func strandedSender(c *chanflow.Chan, loopInfo *loops.Info) (leak, bool) {
	parent := c.Make.Parent()
	if c.Escapes || len(c.Calls) > 0 || len(c.Starts) != 1 || c.Starts[0].Instr.Parent() != parent || len(c.Starts[0].Fn.Blocks) == 0 {
		return leak{}, false
	}
	l := leak{start: c.Starts[0]}
	sendPoints := cfgpath.Points{}
	sendsIn := map[*ssa.BasicBlock]int{}
	var recvs []chanop.Op
	for _, op := range c.Ops {
		fn := op.Instr.Parent()
		switch {
		case fn == l.start.Fn && op.Kind == chanop.Send && op.Select == nil:
			if len(sendsIn) == 0 {
				l.send = op
			}
			sendsIn[op.Instr.Block()]++
			sendPoints.Add(op.Instr.Block(), op.Instr)
		case fn == parent && (op.Kind == chanop.Recv || op.Kind == chanop.RangeRecv):
			recvs = append(recvs, op)
		default:
			// A close, a send by the parent, a receive by the
			// goroutine: not the simple hand-off this check is sure of.
			return leak{}, false
		}
	}
	fails := testfail.Points(parent)
	recvPoints := receivePoints(recvs, nil)
	merge(recvPoints, fails)
	entry := l.start.Fn.Blocks[0].Instrs[0]
	if len(sendsIn) == 0 || cfgpath.ReturnAvoiding(entry, sendPoints) != nil {
		return leak{}, false
	}
	l.sends = cfgpath.MaxPassed(l.start.Fn, sendsIn, loopInfo.InLoop)
	goBlock := l.start.Instr.Block()
	l.many = loopInfo.InLoop(goBlock) && !loopInfo.SameLoop(goBlock, c.Make.Block())
	l.noRecv = len(recvs) == 0
	recvInLoop := slices.ContainsFunc(recvs, func(op chanop.Op) bool {
		return op.Kind == chanop.Recv && loopInfo.InLoop(op.Instr.Block())
	})
	bufferShort := c.Cap == 0 || (c.Cap > 0 && !l.many && l.sends >= 0 && c.Cap < int64(l.sends))
	// A path that leaves through another case of a select on the channel
	// (a timeout, a cancelled context) is certain to strand the sender.
	assume := cfgpath.Guards(l.start.Instr.Block())
	if l.path, l.sel, l.state = throughOtherCase(c, l.start.Instr, recvs, fails, assume); l.path != nil {
		return l, bufferShort && !(l.many && recvInLoop)
	}
	// A path that merely skips a receive loop is not certain: the loop
	// may run as often as goroutines were started.
	if l.path = cfgpath.PathAvoiding(l.start.Instr, recvPoints, assume, isReturn); l.path != nil {
		return l, bufferShort && !recvInLoop
	}
	// Every path receives once, outside any loop: a goroutine that can
	// send more than the receive and the buffer take blocks on the extra
	// send (a return missing after sending an error, typically).
	if !l.many && len(recvs) == 1 && !loopInfo.InLoop(recvs[0].Instr.Block()) && l.sends > 1+int(c.Cap) && c.Cap >= 0 {
		for _, a := range c.Ops {
			for _, b := range c.Ops {
				if a.Kind == chanop.Send && b.Kind == chanop.Send && a.Select == nil && b.Select == nil &&
					a.Instr.Parent() == l.start.Fn && b.Instr.Parent() == l.start.Fn && a.Instr != b.Instr && follows(a.Instr, b.Instr) {
					l.send, l.recv = a, recvs[0]
					l.second = &b
					return l, true
				}
			}
		}
	}
	// Every path receives: a leak only when many goroutines send and the
	// function receives exactly once, outside any loop, into no buffer.
	if !l.many || c.Cap != 0 || len(recvs) != 1 || loopInfo.InLoop(recvs[0].Instr.Block()) {
		return leak{}, false
	}
	l.recv = recvs[0]
	return l, true
}

func report(pass *analysis.Pass, c *chanflow.Chan, l leak) {
	diag := analysis.Diagnostic{Pos: l.send.Pos()}
	related := []analysis.RelatedInformation{{Pos: l.start.Instr.Pos(), Message: "the goroutine is started here"}}
	who := "goroutine blocks"
	if l.many {
		who = "goroutines started in a loop block"
	}
	switch {
	case l.second != nil:
		diag.Pos = l.second.Pos()
		diag.Message = "goroutine blocks forever on its second send: the function receives only one value"
		related = append(related,
			analysis.RelatedInformation{Pos: l.send.Pos(), Message: "the first send (is a return missing after it?)"},
			analysis.RelatedInformation{Pos: l.recv.Pos(), Message: "the only receive"})
	case l.path == nil:
		diag.Message = who + " forever on send: the function receives only one value and the channel has no buffer for the others"
		related = append(related, analysis.RelatedInformation{Pos: l.recv.Pos(), Message: "the only receive"})
	default:
		if l.sel != nil {
			diag.Message = fmt.Sprintf("%s forever on send when %s: nobody receives from the channel afterwards", who, describe(l.sel, l.state))
			pos := l.sel.Pos()
			if l.state >= 0 {
				pos = l.sel.States[l.state].Pos
			}
			related = append(related, analysis.RelatedInformation{Pos: pos, Message: "this case wins"})
		} else if l.noRecv {
			diag.Message = who + " forever on send: nothing ever receives from the channel"
		} else {
			diag.Message = who + " forever on send: the function that started it can return without receiving"
		}
		if !l.noRecv {
			related = append(related, analysis.RelatedInformation{Pos: cfgpath.ExitPos(l.path), Message: "returns here without receiving"})
		}
	}
	related = append(related, analysis.RelatedInformation{Pos: c.Make.Pos(), Message: "the channel is made here"})
	diag.Related = related
	if fix, ok := bufferOne(pass, c, l); ok {
		diag.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	pass.Report(diag)
}

// throughOtherCase returns a path from the go statement to a return that
// passes no receive nor fails, and leaves a select on the channel through
// another case (or its default, state -1): the select, and the case that
// wins.
func throughOtherCase(c *chanflow.Chan, from ssa.Instruction, recvs []chanop.Op, fails cfgpath.Points, assume cfgpath.Conds) ([]*ssa.BasicBlock, *ssa.Select, int) {
	recvPoints := receivePoints(recvs, nil)
	merge(recvPoints, fails)
	for _, op := range recvs {
		if op.Select == nil {
			continue
		}
		// Up to the select, the path may pass the select itself.
		before := receivePoints(recvs, op.Select)
		merge(before, fails)
		bodies, deflt := chanop.CaseBodies(op.Select)
		for state, body := range append(bodies, deflt) {
			if state == op.Index || body == nil {
				continue
			}
			if state == len(bodies) {
				state = -1
			}
			head := cfgpath.PathAvoiding(from, before, assume, func(b *ssa.BasicBlock) bool { return b == body })
			if head == nil {
				continue
			}
			if tail := cfgpath.PathAvoiding(body.Instrs[0], recvPoints, assume, isReturn); tail != nil {
				return append(head, tail[1:]...), op.Select, state
			}
		}
	}
	return nil, nil, 0
}

// receivePoints returns the points a path passes when it receives: a
// plain receive, or the body of a select case that only that case enters.
// A case with an empty body continues in the block after the select,
// which the other cases enter too: entering it does not tell which case
// won, so the select itself is the point then, unless it is skip.
func receivePoints(recvs []chanop.Op, skip *ssa.Select) cfgpath.Points {
	points := cfgpath.Points{}
	for _, op := range recvs {
		if op.Select == nil {
			points.Add(op.Instr.Block(), op.Instr)
			continue
		}
		bodies, _ := chanop.CaseBodies(op.Select)
		if body := bodies[op.Index]; body != nil && len(body.Preds) == 1 {
			points.Add(body, nil)
		} else if op.Select != skip {
			points.Add(op.Instr.Block(), op.Instr)
		}
	}
	return points
}

// merge adds the points of src to dst, keeping the later point of a block
// as Points.Add does.
func merge(dst, src cfgpath.Points) {
	for b, i := range src {
		if old, ok := dst[b]; !ok || i > old {
			dst[b] = i
		}
	}
}

// follows reports whether b can run after a on one path of their
// function.
func follows(a, b ssa.Instruction) bool {
	if a.Block() == b.Block() {
		for _, x := range a.Block().Instrs {
			if x == a {
				return true
			}
			if x == b {
				break
			}
		}
	}
	for _, succ := range a.Block().Succs {
		if cfgpath.PathAvoiding(succ.Instrs[0], nil, nil, func(x *ssa.BasicBlock) bool { return x == b.Block() }) != nil {
			return true
		}
	}
	return false
}

func isReturn(b *ssa.BasicBlock) bool {
	_, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
	return ok
}

// describe says which case of sel wins: a timeout, a cancelled context,
// the default or another case.
func describe(sel *ssa.Select, state int) string {
	if state < 0 {
		return "the select's default case runs"
	}
	switch v := sel.States[state].Chan.(type) {
	case *ssa.Call:
		if apimatch.CallsFunc(&v.Call, "time", "After") {
			return "the timeout wins"
		}
		if obj := apimatch.Callee(&v.Call); apimatch.IsMethod(obj, "context", "Context", "Done") {
			return "the context is done first"
		}
	}
	return "another case wins"
}

// nonNegative returns n, a signed count, clamped at zero for make, which
// panics on a negative size where the range would just not run: max(n,
// 0), if the file's Go version has max (1.21) and nothing at pos hides the
// builtin; "" otherwise.
func nonNegative(pass *analysis.Pass, n string, pos token.Pos) string {
	if !goversion.AtLeast(pass, pos, "go1.21") {
		return ""
	}
	scope := pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return ""
	}
	if _, obj := scope.LookupParent("max", pos); obj != types.Universe.Lookup("max") {
		return ""
	}
	return "max(" + n + ", 0)"
}

// bufferOne returns the fix that gives an unbuffered channel room for
// every value that may be abandoned: one for a single goroutine sending
// once, or one per iteration for goroutines started once per iteration of
// a range over a slice, array, map, string or integer that the make can
// see (len(xs), or n for range n).
func bufferOne(pass *analysis.Pass, c *chanflow.Chan, l leak) (analysis.SuggestedFix, bool) {
	if c.Cap != 0 || l.sends != 1 || l.second != nil {
		return analysis.SuggestedFix{}, false
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	path := loops.Path(insp, c.Make.Pos(), c.Make.Pos()+1)
	if len(path) == 0 {
		return analysis.SuggestedFix{}, false
	}
	call, ok := path[0].(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return analysis.SuggestedFix{}, false
	}
	size, msg := "1", "give the channel a buffer of one so that the send completes whether or not it is received"
	if l.many {
		if size = senderCount(pass, insp, l.start.Instr, call); size == "" {
			return analysis.SuggestedFix{}, false
		}
		msg = "give the channel a buffer for every goroutine so that every send completes"
	}
	return analysis.SuggestedFix{
		Message:   msg,
		TextEdits: []analysis.TextEdit{{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", " + size)}},
	}, true
}

// senderCount returns the expression, valid at the make, that counts the
// goroutines started by the go statement: the go statement must be
// directly in a range over a variable declared before the make.
func senderCount(pass *analysis.Pass, insp *inspector.Inspector, goInstr ssa.Instruction, mk *ast.CallExpr) string {
	loop, ok := loops.Enclosing(loops.Path(insp, goInstr.Pos(), goInstr.Pos()+1)).(*ast.RangeStmt)
	if !ok {
		return ""
	}
	id, ok := loop.X.(*ast.Ident)
	if !ok {
		return ""
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pos() >= mk.Pos() || loops.Contains(loop, mk.Pos()) {
		return ""
	}
	switch t := v.Type().Underlying().(type) {
	case *types.Basic:
		if t.Info()&types.IsUnsigned != 0 {
			return id.Name
		}
		if t.Info()&types.IsInteger != 0 {
			return nonNegative(pass, id.Name, mk.Pos())
		}
		if t.Info()&types.IsString != 0 {
			return "len(" + id.Name + ")"
		}
	case *types.Slice, *types.Array, *types.Map:
		return "len(" + id.Name + ")"
	case *types.Pointer:
		if _, ok := t.Elem().Underlying().(*types.Array); ok {
			return "len(" + id.Name + ")"
		}
	}
	return ""
}
