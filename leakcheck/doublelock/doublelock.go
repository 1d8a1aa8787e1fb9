package doublelock

import (
	_ "embed"
	"fmt"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/ssautil"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "doublelock",
	Doc:      analysisdoc.MustExtract(doc, "doublelock"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/doublelock",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	funcs := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	writers := writeLocks(funcs)
	for _, fn := range funcs {
		locks := ssautil.LockCalls(fn)
		for _, held := range locks {
			if _, deferred := held.Call.(*ssa.Defer); !held.Lock || deferred || captured(held.Mutex) {
				continue
			}
			avoid := releases(fn, locks, held)
			// A second Lock in the same function.
			for _, again := range locks {
				if again.Call == held.Call || !again.Lock || !ssautil.SameRef(again.Mutex, held.Mutex) {
					continue
				}
				if _, deferred := again.Call.(*ssa.Defer); deferred || !reaches(held.Call, again.Call, avoid) {
					continue
				}
				if held.Read && again.Read {
					reportRecursiveRead(pass, again.Call, held, writers, nil)
					continue
				}
				pass.Report(analysis.Diagnostic{
					Pos:     again.Call.Pos(),
					Message: fmt.Sprintf("%s of a mutex this path already holds blocks forever: sync mutexes are not reentrant", again.Method),
					Related: []analysis.RelatedInformation{{Pos: held.Call.Pos(), Message: "locked here"}},
				})
			}
			// A call of a package function that locks the same mutex.
			for instr := range ssautil.Instructions([]*ssa.Function{fn}) {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				callee, subst := ssautil.Bindings(call)
				if callee == nil || callee.Blocks == nil || callee == fn || !reaches(held.Call, call, avoid) {
					continue
				}
				inner, ok := locksFirst(callee, held.Mutex, subst)
				if ok && held.Read && inner.Read {
					reportRecursiveRead(pass, call, held, writers, &inner)
					continue
				}
				if ok {
					pass.Report(analysis.Diagnostic{
						Pos:     call.Pos(),
						Message: fmt.Sprintf("call of %s blocks forever: it calls %s on a mutex this path already holds, and sync mutexes are not reentrant", callee.Name(), inner.Method),
						Related: []analysis.RelatedInformation{
							{Pos: held.Call.Pos(), Message: "locked here"},
							{Pos: inner.Call.Pos(), Message: "locked again here"},
						},
					})
				}
			}
		}
	}
	return nil, nil
}

// releases returns the instructions of fn that may release a mutex
// like held: its unlocks (through any alias), calls handed the mutex, and
// calls of package functions that unlock something.
func releases(fn *ssa.Function, locks []ssautil.LockCall, held ssautil.LockCall) map[ssa.Instruction]bool {
	avoid := map[ssa.Instruction]bool{}
	// A path that runs the mutex's allocation again (a mutex declared in
	// a loop) reaches a fresh mutex.
	if alloc := allocOf(held.Mutex); alloc != nil {
		avoid[alloc] = true
	}
	for _, u := range locks {
		if _, deferred := u.Call.(*ssa.Defer); !u.Lock && !deferred && ssautil.MayBeSame(u.Mutex, held.Mutex) {
			avoid[u.Call] = true
		}
	}
	for instr := range ssautil.Instructions([]*ssa.Function{fn}) {
		// A goroutine handed the mutex may unlock it: a mutex used as a
		// signal is locked, handed to a goroutine that unlocks it, and
		// locked again to wait.
		switch call := instr.(type) {
		case *ssa.Call, *ssa.Go:
			c := call.(ssa.CallInstruction)
			if ssautil.Hands(c, held.Mutex) && !isLockCall(c) || ssautil.UnlocksSomething(c) {
				avoid[instr] = true
			}
		}
	}
	return avoid
}

// isLockCall reports whether call is a method of sync.Mutex or RWMutex.
func isLockCall(call ssa.CallInstruction) bool {
	obj := ssautil.Callee(call.Common())
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "sync" &&
		(ssautil.IsMethod(obj, "sync", "Mutex", obj.Name()) || ssautil.IsMethod(obj, "sync", "RWMutex", obj.Name()))
}

// reaches reports whether some path from a (exclusive) reaches b without
// executing an instruction of avoid on the way, taking no branch that
// contradicts the conditions under which a ran.
func reaches(a, b ssa.Instruction, avoid map[ssa.Instruction]bool) bool {
	ab, bb := a.Block(), b.Block()
	if ab == bb && ssautil.Index(a) < ssautil.Index(b) {
		return !avoidedIn(ab, ssautil.Index(a)+1, ssautil.Index(b), avoid)
	}
	// Leave a's block, then enter b's block and get to b.
	if avoidedIn(ab, ssautil.Index(a)+1, len(ab.Instrs), avoid) || avoidedIn(bb, 0, ssautil.Index(b), avoid) {
		return false
	}
	points := ssautil.Points{}
	for x := range avoid {
		if x.Block() != ab && x.Block() != bb {
			points.Add(x.Block(), x)
		}
	}
	assume := ssautil.Guards(ab)
	toB := func(x *ssa.BasicBlock) bool { return x == bb }
	if ab != bb {
		return ssautil.PathAvoiding(a, points, assume, toB) != nil
	}
	// b comes before a in one block: only a way round a loop reaches it.
	for _, succ := range ab.Succs {
		if succ == bb || ssautil.PathAvoiding(succ.Instrs[0], points, assume, toB) != nil {
			return true
		}
	}
	return false
}

// avoidedIn reports whether an instruction of avoid lies in blk at an
// index in [from, to).
func avoidedIn(blk *ssa.BasicBlock, from, to int, avoid map[ssa.Instruction]bool) bool {
	for _, x := range blk.Instrs[from:to] {
		if avoid[x] {
			return true
		}
	}
	return false
}

// locksFirst returns a Lock in callee of the mutex that, through subst, is
// mutex, reached from callee's entry without releasing it first.
func locksFirst(callee *ssa.Function, mutex ssa.Value, subst map[ssa.Value]ssa.Value) (ssautil.LockCall, bool) {
	locks := ssautil.LockCalls(callee)
	for _, l := range locks {
		if _, deferred := l.Call.(*ssa.Defer); deferred || !l.Lock || !ssautil.SameRefIn(l.Mutex, mutex, subst) {
			continue
		}
		avoid := releases(callee, locks, l)
		entry := callee.Blocks[0].Instrs[0]
		if entry == l.Call || !avoid[entry] && reaches(entry, l.Call, avoid) {
			return l, true
		}
	}
	return ssautil.LockCall{}, false
}

// captured reports whether mutex is reached through a free variable: the
// function is a closure sharing the mutex with the function around it,
// which may unlock it from another goroutine.
func captured(mutex ssa.Value) bool {
	return slices.ContainsFunc(ssautil.Chain(mutex), func(v ssa.Value) bool {
		_, ok := v.(*ssa.FreeVar)
		return ok
	})
}

// allocOf returns the allocation the mutex lives in, if it is made in
// the function (a local variable or new value).
func allocOf(mutex ssa.Value) *ssa.Alloc {
	alloc, _ := ssautil.Root(mutex).(*ssa.Alloc)
	return alloc
}

// writeLocks returns, for each mutex the package write-locks by field or
// global, its first Lock call.
func writeLocks(funcs []*ssa.Function) map[types.Object]ssautil.LockCall {
	writers := make(map[types.Object]ssautil.LockCall)
	for _, fn := range funcs {
		for _, l := range ssautil.LockCalls(fn) {
			key := ssautil.MutexKey(l.Mutex)
			if w, seen := writers[key]; key != nil && l.Method == "Lock" && (!seen || l.Call.Pos() < w.Call.Pos()) {
				writers[key] = l
			}
		}
	}
	return writers
}

// reportRecursiveRead reports a second RLock (at pos, directly or in
// inner, a call's callee) of an RWMutex that the path read-holds, when
// the package also write-locks it: a Lock that comes between the two
// RLocks waits for the first, and the second waits for the Lock, so all
// three block forever (RWMutex blocks new readers while a writer waits).
func reportRecursiveRead(pass *analysis.Pass, at ssa.Instruction, held ssautil.LockCall, writers map[types.Object]ssautil.LockCall, inner *ssautil.LockCall) {
	writer, ok := writers[ssautil.MutexKey(held.Mutex)]
	if !ok {
		return
	}
	related := []analysis.RelatedInformation{{Pos: held.Call.Pos(), Message: "read-locked here"}}
	msg := "recursive RLock of a mutex this path already read-holds"
	if inner != nil {
		related = append(related, analysis.RelatedInformation{Pos: inner.Call.Pos(), Message: "read-locked again here"})
		msg = fmt.Sprintf("call of %s read-locks again a mutex this path already read-holds", at.Parent().Name())
		if callee := at.(ssa.CallInstruction).Common().StaticCallee(); callee != nil {
			msg = fmt.Sprintf("call of %s read-locks again a mutex this path already read-holds", callee.Name())
		}
	}
	related = append(related, analysis.RelatedInformation{Pos: writer.Call.Pos(), Message: "a writer locks it here"})
	pass.Report(analysis.Diagnostic{
		Pos:     at.Pos(),
		Message: msg + ": a Lock waiting between the two read locks blocks the second one, and all of them block forever",
		Related: related,
	})
}
