package heldlock

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/ssautil"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "heldlock",
	Doc:      analysisdoc.MustExtract(doc, "heldlock"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/heldlock",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
		for _, l := range ssautil.LockCalls(fn) {
			// A deferred Lock re-acquires on the way out, on purpose.
			if _, deferred := l.Call.(*ssa.Defer); !l.Lock || deferred {
				continue
			}
			if path, unlock := heldOnReturn(fn, l); path != nil {
				pass.Report(analysis.Diagnostic{
					Pos:     l.Call.Pos(),
					Message: "mutex stays locked on a path that returns: the next " + l.Method + " blocks forever",
					Related: []analysis.RelatedInformation{
						{Pos: ssautil.ExitPos(path), Message: "returns here with the mutex locked"},
						{Pos: unlock.Call.Pos(), Message: "unlocked here on other paths"},
					},
				})
			}
		}
	}
	return nil, nil
}

// heldOnReturn returns a path from the lock l to a return that passes no
// unlock of the same mutex and no call that may unlock it, and one unlock
// the function does on another path; or nil.
func heldOnReturn(fn *ssa.Function, l ssautil.LockCall) ([]*ssa.BasicBlock, ssautil.LockCall) {
	var unlock ssautil.LockCall
	avoid := ssautil.Points{}
	for _, u := range ssautil.LockCalls(fn) {
		if !u.Pairs(l) || !ssautil.MayBeSame(u.Mutex, l.Mutex) {
			continue
		}
		avoid.Add(u.Call.Block(), u.Call)
		if !ssautil.SameRef(u.Mutex, l.Mutex) {
			continue
		}
		_, deferred := u.Call.(*ssa.Defer)
		// An Unlock deferred before the Lock still runs at every return
		// after it (the function unlocked and locked again in between).
		if deferred && before(u.Call, l.Call) {
			return nil, unlock
		}
		if !deferred && unlock.Call == nil {
			unlock = u
		}
	}
	if unlock.Call == nil {
		return nil, unlock
	}
	for instr := range ssautil.Instructions([]*ssa.Function{fn}) {
		call, ok := instr.(ssa.CallInstruction)
		if !ok || call == l.Call || !(ssautil.Hands(call, l.Mutex) || ssautil.UnlocksSomething(call)) {
			continue
		}
		// A deferred call that may unlock, taken before the Lock, runs
		// at every return after it.
		if _, deferred := call.(*ssa.Defer); deferred && before(call, l.Call) {
			return nil, unlock
		}
		avoid.Add(instr.Block(), instr)
	}
	held := ssautil.PathAvoiding(l.Call, avoid, ssautil.Guards(l.Call.Block()), func(b *ssa.BasicBlock) bool {
		_, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		return ok
	})
	if held != nil && lockedOnResult(fn, held) {
		return nil, unlock
	}
	return held, unlock
}

// lockedOnResult reports whether the return that keeps the lock returns a
// constant result that another return of fn does not (true against
// false, nil against an error): the result tells the caller the lock is
// held, as in func lockIfOpen() bool.
func lockedOnResult(fn *ssa.Function, held []*ssa.BasicBlock) bool {
	last := held[len(held)-1]
	ret := last.Instrs[len(last.Instrs)-1].(*ssa.Return)
	for i, r := range ret.Results {
		k, ok := r.(*ssa.Const)
		if !ok {
			continue
		}
		for _, b := range fn.Blocks {
			other, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || other == ret || i >= len(other.Results) {
				continue
			}
			if ko, ok := other.Results[i].(*ssa.Const); ok && ko.String() != k.String() {
				return true
			}
			if _, ok := other.Results[i].(*ssa.Const); !ok && k.IsNil() {
				return true
			}
		}
	}
	return false
}

// before reports whether a runs before b on every path to b: its block
// dominates b's, and within one block it comes first.
func before(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	for _, x := range a.Block().Instrs {
		switch x {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}
