package wgdone

import (
	_ "embed"
	"fmt"
	"go/constant"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/meta"
	"github.com/gohazard/gohazard/passes/primitives"
	"github.com/gohazard/gohazard/passes/ssaref"
	"github.com/gohazard/gohazard/passes/testfail"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "wgdone",
	Doc:      analysisdoc.MustExtract(doc, "wgdone"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/wgdone",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, loops.Analyzer, inspect.Analyzer, primitives.Analyzer},
	Run:      run,
}

// Meta places wgdone among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: true, Since: "v0.1.0", Severity: meta.Error}

func run(pass *analysis.Pass) (any, error) {
	loopInfo := pass.ResultOf[loops.Analyzer].(*loops.Info)
	for instr := range apimatch.Instructions(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs) {
		g, ok := instr.(*ssa.Go)
		if !ok {
			continue
		}
		fn, subst := ssaref.Bindings(g)
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
				if ssaref.SameRefIn(wg, w.Common().Args[0], subst) {
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
					Message: "Wait blocks forever when the goroutine takes the path that returns without calling Done",
					Related: []analysis.RelatedInformation{
						{Pos: cfgpath.ExitPos(path), Message: "the goroutine returns here without Done"},
						{Pos: done.Pos(), Message: "Done is called only on other paths"},
						{Pos: g.Pos(), Message: "the goroutine is started here"},
					},
				})
				break
			}
		}
	}
	for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
		countMismatch(pass, fn, loopInfo)
		waitInStartingLoop(pass, fn, loopInfo)
	}
	addPerIteration(pass, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	fields(pass, pass.ResultOf[primitives.Analyzer].(*primitives.Model))
	return nil, nil
}

// countMismatch reports a constant wg.Add(k) whose WaitGroup is then
// waited for after m != k goroutines that each call Done exactly once on
// every path. It judges only the plain shape: a WaitGroup local to the
// function, one Add outside loops, the go statements between it and the
// Wait outside loops, and nothing else touching the WaitGroup.
func countMismatch(pass *analysis.Pass, fn *ssa.Function, loopInfo *loops.Info) {
	for _, wait := range wgCalls(fn, "Wait") {
		wg := wait.Common().Args[0]
		// Only a WaitGroup local to fn, used by nothing but one Add, the
		// Wait and closures started by go statements, has all its users
		// in view.
		alloc, ok := wg.(*ssa.Alloc)
		if !ok || alloc.Parent() != fn {
			continue
		}
		var add ssa.CallInstruction
		for _, ref := range *alloc.Referrers() {
			switch ref := ref.(type) {
			case *ssa.DebugRef:
			case ssa.CallInstruction:
				switch {
				case ref == wait:
				case isWGCall(ref, "Add") && add == nil:
					add = ref
				default:
					ok = false
				}
			case *ssa.MakeClosure:
				ok = ok && startedOnly(ref)
			default:
				ok = false
			}
		}
		if !ok || add == nil || loopInfo.InLoop(add.Block()) || !add.Block().Dominates(wait.Block()) {
			continue
		}
		k, isConst := add.Common().Args[1].(*ssa.Const)
		if !isConst || k.Value == nil {
			continue
		}
		want, exact := constant.Int64Val(k.Value)
		if !exact {
			continue
		}
		started, ok := countedGoroutines(fn, wg, add, wait, loopInfo)
		if !ok || int64(started) == want {
			continue
		}
		msg := fmt.Sprintf("Wait blocks forever: Add(%d) is matched by %d goroutine(s) calling Done", want, started)
		if int64(started) > want {
			msg = fmt.Sprintf("Done panics on a negative counter: Add(%d) is matched by %d goroutine(s) calling Done", want, started)
		}
		pass.Report(analysis.Diagnostic{
			Pos:     wait.Pos(),
			Message: msg,
			Related: []analysis.RelatedInformation{{Pos: add.Pos(), Message: "the counter is set here"}},
		})
	}
}

// countedGoroutines counts the go statements of fn that hand wg to a
// function calling Done on it exactly once on every path; it fails when
// such a statement is in a loop, is not between add and wait, or calls
// Done otherwise.
func countedGoroutines(fn *ssa.Function, wg ssa.Value, add, wait ssa.CallInstruction, loopInfo *loops.Info) (int, bool) {
	n := 0
	for instr := range apimatch.Instructions([]*ssa.Function{fn}) {
		g, ok := instr.(*ssa.Go)
		if !ok || !ssaref.Hands(g, wg) {
			continue
		}
		callee, subst := ssaref.Bindings(g)
		if callee == nil || callee.Blocks == nil || loopInfo.InLoop(g.Block()) ||
			!add.Block().Dominates(g.Block()) || !g.Block().Dominates(wait.Block()) {
			return 0, false
		}
		per := map[*ssa.BasicBlock]int{}
		var done ssa.Value
		for _, d := range wgCalls(callee, "Done") {
			if !ssaref.SameRefIn(d.Common().Args[0], wg, subst) {
				return 0, false
			}
			per[d.Block()]++
			done = d.Common().Args[0]
		}
		if done == nil || returnWithoutDone(callee, done) != nil || cfgpath.MaxPassed(callee, per, loopInfo.InLoop) != 1 {
			return 0, false
		}
		n++
	}
	return n, true
}

func isWGCall(call ssa.CallInstruction, name string) bool {
	return !call.Common().IsInvoke() && apimatch.IsMethod(apimatch.Callee(call.Common()), "sync", "WaitGroup", name)
}

// startedOnly reports whether the closure mc is used only by go
// statements that start it.
func startedOnly(mc *ssa.MakeClosure) bool {
	for _, ref := range *mc.Referrers() {
		if g, ok := ref.(*ssa.Go); !ok || g.Call.Value != mc {
			return false
		}
	}
	return true
}

// wgCalls returns fn's calls, direct or deferred, of the WaitGroup method
// name.
func wgCalls(fn *ssa.Function, name string) []ssa.CallInstruction {
	var calls []ssa.CallInstruction
	for instr := range apimatch.Instructions([]*ssa.Function{fn}) {
		if call, ok := instr.(ssa.CallInstruction); ok && !call.Common().IsInvoke() && len(call.Common().Args) > 0 &&
			apimatch.IsMethod(apimatch.Callee(call.Common()), "sync", "WaitGroup", name) {
			calls = append(calls, call)
		}
	}
	return calls
}

// returnWithoutDone returns a path from the entry of fn to a return that
// passes no Done on wg (direct or deferred), no call handed wg and no
// call that fails a test (the Wait then hangs a run that already failed),
// or nil.
func returnWithoutDone(fn *ssa.Function, wg ssa.Value) []*ssa.BasicBlock {
	avoid := testfail.Points(fn)
	for _, d := range wgCalls(fn, "Done") {
		if ssaref.MayBeSame(d.Common().Args[0], wg) {
			avoid.Add(d.Block(), d)
		}
	}
	for instr := range apimatch.Instructions([]*ssa.Function{fn}) {
		if call, ok := instr.(ssa.CallInstruction); ok && (ssaref.Hands(call, wg) || callsDone(call)) {
			avoid.Add(instr.Block(), instr)
		}
	}
	return cfgpath.ReturnAvoiding(fn.Blocks[0].Instrs[0], avoid)
}

// callsDone reports whether call may run a function of the package that
// calls Done on some WaitGroup itself: it may be this one, held in a
// global or a captured variable.
func callsDone(call ssa.CallInstruction) bool {
	return ssaref.RunsAny(call, func(fn *ssa.Function) bool { return len(wgCalls(fn, "Done")) > 0 })
}
