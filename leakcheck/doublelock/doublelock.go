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
			avoid := ssautil.Releases(fn, locks, held)
			// A second Lock in the same function.
			for _, again := range locks {
				if again.Call == held.Call || !again.Lock || !ssautil.SameRef(again.Mutex, held.Mutex) {
					continue
				}
				if _, deferred := again.Call.(*ssa.Defer); deferred || !ssautil.Reaches(held.Call, again.Call, avoid) {
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
				if callee == nil || callee.Blocks == nil || callee == fn || !ssautil.Reaches(held.Call, call, avoid) {
					continue
				}
				inner, ok := ssautil.LocksFirst(callee, func(l ssautil.LockCall) bool { return ssautil.SameRefIn(l.Mutex, held.Mutex, subst) })
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

// captured reports whether mutex is reached through a free variable: the
// function is a closure sharing the mutex with the function around it,
// which may unlock it from another goroutine.
func captured(mutex ssa.Value) bool {
	return slices.ContainsFunc(ssautil.Chain(mutex), func(v ssa.Value) bool {
		_, ok := v.(*ssa.FreeVar)
		return ok
	})
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
	// A mutex in a local variable of the function has no writer on
	// another goroutine.
	if _, local := ssautil.Root(held.Mutex).(*ssa.Alloc); local {
		return
	}
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
