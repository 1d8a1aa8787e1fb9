package recvleak

import (
	_ "embed"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/chanflow"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/meta"
	"github.com/gohazard/gohazard/passes/primitives"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "recvleak",
	Doc:      analysisdoc.MustExtract(doc, "recvleak"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/recvleak",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, chanflow.Analyzer, inspect.Analyzer, loops.Analyzer, primitives.Analyzer},
	Run:      run,
}

// Meta places recvleak among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: true, Since: "v0.1.0", Severity: meta.Error}

func run(pass *analysis.Pass) (any, error) {
	loopInfo := pass.ResultOf[loops.Analyzer].(*loops.Info)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for _, c := range pass.ResultOf[chanflow.Analyzer].(*chanflow.Result).Chans {
		if c.Escapes {
			continue
		}
		sends, closes := false, false
		for _, op := range c.Ops {
			sends = sends || op.Kind == chanop.Send
			closes = closes || op.Kind == chanop.Close
		}
		if closes {
			continue
		}
		related := []analysis.RelatedInformation{{Pos: c.Make.Pos(), Message: "the channel is made here"}}
		for _, op := range c.Ops {
			if op.Remote {
				// Reported, if at all, in the package that does it.
				continue
			}
			switch {
			case op.Kind == chanop.RangeRecv && sends && onlyExitIsClose(loopInfo, op):
				pass.Report(analysis.Diagnostic{Pos: op.Pos(), Related: related,
					Message: "range over the channel blocks forever after the last value: nothing closes the channel"})
			case (op.Kind == chanop.Recv || op.Kind == chanop.RangeRecv) && !sends && op.Select == nil && !parks(insp, c, op):
				pass.Report(analysis.Diagnostic{Pos: op.Pos(), Related: related,
					Message: "receive blocks forever: nothing sends on or closes this channel"})
			}
		}
	}
	fields(pass, pass.ResultOf[primitives.Analyzer].(*primitives.Model))
	for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
		for _, op := range chanop.Ops(fn) {
			if k, ok := op.Chan.(*ssa.Const); ok && k.IsNil() && op.Select == nil && op.Kind != chanop.Close {
				pass.Reportf(op.Pos(), "%s on a nil channel blocks forever", op.Kind)
			}
		}
	}
	return nil, nil
}

// parks reports whether op receives from a channel made in the same
// expression, <-make(chan T), which nothing can ever refer to: a way to
// block forever on purpose, like select {}.
func parks(insp *inspector.Inspector, c *chanflow.Chan, op chanop.Op) bool {
	refs := c.Make.Referrers()
	if op.Kind != chanop.Recv || op.Chan != c.Make || refs == nil || len(*refs) != 1 {
		return false
	}
	path := loops.Path(insp, c.Make.Pos(), c.Make.Pos()+1)
	if len(path) == 0 {
		return false
	}
	if _, ok := path[0].(*ast.CallExpr); !ok {
		return false
	}
	for _, n := range path[1:] {
		switch n := n.(type) {
		case *ast.ParenExpr:
			continue
		case *ast.UnaryExpr:
			return n.Op == token.ARROW
		}
		return false
	}
	return false
}

// onlyExitIsClose reports whether the range loop of op can be left only
// when the channel is closed: a consumer that returns or breaks on a
// value (an "end" message) does not need a close.
func onlyExitIsClose(info *loops.Info, op chanop.Op) bool {
	b := op.Instr.Block()
	done := b.Succs[len(b.Succs)-1]
	for _, exit := range info.Exits(b) {
		if exit != done {
			return false
		}
	}
	// A break jumps to the block after the loop too: only the receive
	// that finds the channel closed may lead there.
	for _, pred := range done.Preds {
		if pred != b && info.SameLoop(pred, b) {
			return false
		}
	}
	return true
}
