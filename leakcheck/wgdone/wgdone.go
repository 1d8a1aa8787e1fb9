package wgdone

import (
	_ "embed"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/ssautil"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "wgdone",
	Doc:      analysisdoc.MustExtract(doc, "wgdone"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/wgdone",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, loops.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	loopInfo := pass.ResultOf[loops.Analyzer].(*loops.Info)
	for instr := range ssautil.Instructions(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs) {
		g, ok := instr.(*ssa.Go)
		if !ok {
			continue
		}
		fn, subst := ssautil.Bindings(g)
		if fn == nil || fn.Blocks == nil {
			continue
		}
		waits := wgCalls(g.Parent(), "Wait")
		dones := wgCalls(fn, "Done")
		// Done in a loop counts work items, not goroutines: a worker may
		// well return without one.
		if slices.ContainsFunc(dones, func(d ssa.CallInstruction) bool { return loopInfo.InLoop(d.Block()) }) {
			continue
		}
		for _, done := range dones {
			if _, deferred := done.(*ssa.Defer); deferred {
				continue
			}
			wg := done.Common().Args[0]
			var wait ssa.CallInstruction
			for _, w := range waits {
				if ssautil.SameRefIn(wg, w.Common().Args[0], subst) {
					wait = w
					break
				}
			}
			if wait == nil {
				continue
			}
			if path := returnWithoutDone(fn, wg); path != nil {
				pass.Report(analysis.Diagnostic{
					Pos:     wait.Pos(),
					Message: "Wait blocks forever when the goroutine takes the path that returns without calling Done: defer Done at the start of the goroutine",
					Related: []analysis.RelatedInformation{
						{Pos: ssautil.ExitPos(path), Message: "the goroutine returns here without Done"},
						{Pos: done.Pos(), Message: "Done is called only on other paths"},
						{Pos: g.Pos(), Message: "the goroutine is started here"},
					},
				})
				break
			}
		}
	}
	return nil, nil
}

// wgCalls returns fn's calls, direct or deferred, of the WaitGroup method
// name.
func wgCalls(fn *ssa.Function, name string) []ssa.CallInstruction {
	var calls []ssa.CallInstruction
	for instr := range ssautil.Instructions([]*ssa.Function{fn}) {
		if call, ok := instr.(ssa.CallInstruction); ok && !call.Common().IsInvoke() && len(call.Common().Args) > 0 &&
			ssautil.IsMethod(ssautil.Callee(call.Common()), "sync", "WaitGroup", name) {
			calls = append(calls, call)
		}
	}
	return calls
}

// returnWithoutDone returns a path from the entry of fn to a return that
// passes no Done on wg (direct or deferred) and no call handed wg, or nil.
func returnWithoutDone(fn *ssa.Function, wg ssa.Value) []*ssa.BasicBlock {
	avoid := ssautil.Points{}
	for _, d := range wgCalls(fn, "Done") {
		if ssautil.MayBeSame(d.Common().Args[0], wg) {
			avoid.Add(d.Block(), d)
		}
	}
	for instr := range ssautil.Instructions([]*ssa.Function{fn}) {
		if call, ok := instr.(ssa.CallInstruction); ok && (ssautil.Hands(call, wg) || callsDone(call)) {
			avoid.Add(instr.Block(), instr)
		}
	}
	return ssautil.ReturnAvoiding(fn.Blocks[0].Instrs[0], avoid)
}

// callsDone reports whether call may run a function of the package that
// calls Done on some WaitGroup itself: it may be this one, held in a
// global or a captured variable.
func callsDone(call ssa.CallInstruction) bool {
	return ssautil.RunsAny(call, func(fn *ssa.Function) bool { return len(wgCalls(fn, "Done")) > 0 })
}
