// Package lockstate computes, once per package, which mutexes each path
// of each function holds, and what follows from it: a Lock of a mutex
// the path already holds (directly or in a call at any depth), a return
// that keeps a mutex locked, and the pairs of mutexes taken one while
// holding the other. heldlock, doublelock and lockorder report from it.
//
// The analysis walks the paths of a function's control flow graph with
// the set of held mutexes, merging paths that reach a block in the same
// state. It is path-sensitive where real code relies on it:
//
//   - a condition tested twice (if shared { Lock } ... if shared { Unlock })
//     takes the same branch both times, until a loop goes round;
//   - a bool variable set next to the Lock (locked = true) is known on
//     each path through the phi that merges it;
//   - constant bool arguments (a hasLock parameter) are known in the
//     callee, which is summarised once per constant combination.
//
// Each function is summarised: the mutexes it takes (in itself or any
// call, with those it released first: the "...Locked" contract of a
// function that unlocks around I/O and locks again), those it releases
// that it did not take, and those it returns holding on every path.
// Calls follow static callees, closures (also one called through another
// closure's free variable), method values, methods of generic types
// (through their generic origin), and interface methods with a single
// implementation in the package. A call the analysis cannot follow that
// is handed a mutex (or what holds it) may release it. The exported
// functions of other packages are known by their LockEffects facts: the
// mutexes they lock and return holding.
//
// A function with more paths than a budget proportional to its size is
// left out: no findings from it, and an empty summary.
package lockstate

import (
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/lazyssa"
)

// Analyzer computes the lock state of every function of the package.
var Analyzer = &analysis.Analyzer{
	Name:       "lockstate",
	Doc:        "compute the mutexes held on each path of each function",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(LockEffects)},
}

// Op is a Lock, RLock, Unlock or RUnlock call of a sync.Mutex or
// RWMutex.
type Op struct {
	Call   ssa.CallInstruction
	Mutex  ssa.Value    // the *Mutex or *RWMutex operated on
	Method string       // Lock, RLock, Unlock, RUnlock
	Read   bool         // RLock or RUnlock
	Key    types.Object // the field or package variable, or nil
}

// Pos returns the position of the call.
func (o Op) Pos() token.Pos { return o.Call.Pos() }

// Relock is a Lock of a mutex that the path already holds.
type Relock struct {
	At     ssa.Instruction // the Lock, or the call that locks in a callee
	Callee *ssa.Function   // the function At calls, or nil
	Held   Op              // where the path took the mutex
	Again  Op              // the second Lock
	// Shared: the mutex is a variable a goroutine shares with the
	// function that started it, which may unlock it concurrently.
	Shared bool
	// Local: the mutex is a local variable of the function.
	Local bool
}

// Leak is a return that keeps a mutex locked that the function locked
// and unlocks on other paths.
type Leak struct {
	Lock   Op
	Return *ssa.Return
	Unlock Op
}

// Order is a mutex (Second) taken while another (First) is held.
type Order struct {
	First, Second Op
	At            token.Pos // Second's Lock, or the call that takes it
	// Gates are the other mutexes held at that point, true for a write
	// lock: two paths that hold one, one of them for writing, cannot
	// overlap.
	Gates map[types.Object]bool
	// Test: the order is taken in a test file, whose tests hold locks to
	// provoke contention and are not the package's locking protocol.
	Test bool
}

// LockedSend is a channel send made while the path holds mutexes.
type LockedSend struct {
	Send *ssa.Send
	Held []Op
}

// Take is a point of a function where it takes a mutex: a Lock, or a
// call that locks in a callee (Op is then the callee's Lock).
type Take struct {
	At ssa.Instruction
	Op Op
}

// Result is what the analysis found in the package, in source order.
type Result struct {
	Relocks []Relock
	Leaks   []Leak
	Orders  []Order
	Sends   []LockedSend
	// Takes maps each function of the package to the points where it
	// takes a mutex known by field or variable.
	Takes map[*ssa.Function][]Take
	// Writers maps each mutex (by field or variable) the package
	// write-locks to its first Lock.
	Writers map[types.Object]Op
}

func run(pass *analysis.Pass) (any, error) {
	return analyse(pass, pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)), nil
}

// FactsAnalyzer computes the LockEffects facts alone. A facts-only run
// (go vet on a dependency) uses it in place of Analyzer: it builds the
// package's SSA form only when the package calls a Lock or Unlock of a
// sync.Mutex or RWMutex, or a function of another package that has a
// LockEffects fact; a package that does neither has no facts.
var FactsAnalyzer = &analysis.Analyzer{
	Name:      "lockstatefacts",
	Doc:       "compute the LockEffects facts of a package",
	Requires:  []*analysis.Analyzer{lazyssa.Analyzer},
	Run:       runFacts,
	FactTypes: []analysis.Fact{new(LockEffects)},
}

func runFacts(pass *analysis.Pass) (any, error) {
	if !mayLock(pass) {
		return nil, nil
	}
	ssainfo, err := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.SSA).Get()
	if err != nil {
		return nil, err
	}
	analyse(pass, ssainfo)
	return nil, nil
}

// mayLock reports whether the package uses a Lock or Unlock method, or a
// function with a LockEffects fact: the calls computeLocking starts from.
func mayLock(pass *analysis.Pass) bool {
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if _, ok := lockMethod(fn); ok || pass.ImportObjectFact(fn.Origin(), new(LockEffects)) {
			return true
		}
	}
	return false
}

func analyse(pass *analysis.Pass, ssainfo *buildssa.SSA) *Result {
	a := newAnalysis(pass.Fset, ssainfo.Pkg, ssainfo.SrcFuncs)
	a.importFact = pass.ImportObjectFact
	a.computeLocking(ssainfo.SrcFuncs)
	res := &Result{Writers: map[types.Object]Op{}, Takes: map[*ssa.Function][]Take{}}
	for _, fn := range ssainfo.SrcFuncs {
		if fn.Blocks == nil {
			continue
		}
		fr := a.explore(fn)
		if fr == nil {
			continue
		}
		res.Relocks = append(res.Relocks, fr.relocks...)
		res.Orders = append(res.Orders, fr.orders...)
		res.Leaks = append(res.Leaks, fr.leaks()...)
		res.Sends = append(res.Sends, fr.sends...)
		if len(fr.takeSites) > 0 {
			res.Takes[fn] = fr.takeSites
		}
		for _, op := range fr.ops {
			if w, seen := res.Writers[op.Key]; op.Key != nil && op.Method == "Lock" && (!seen || op.Pos() < w.Pos()) {
				res.Writers[op.Key] = op
			}
		}
	}
	for _, fn := range ssainfo.SrcFuncs {
		a.exportEffects(pass, fn)
	}
	slices.SortStableFunc(res.Relocks, func(x, y Relock) int { return int(x.At.Pos() - y.At.Pos()) })
	slices.SortStableFunc(res.Leaks, func(x, y Leak) int { return int(x.Lock.Pos() - y.Lock.Pos()) })
	slices.SortStableFunc(res.Orders, func(x, y Order) int { return int(x.At - y.At) })
	slices.SortStableFunc(res.Sends, func(x, y LockedSend) int { return int(x.Send.Pos() - y.Send.Pos()) })
	return res
}

// lockOp classifies call as a lock operation.
func lockOp(call ssa.CallInstruction) (Op, bool) {
	common := call.Common()
	if common.IsInvoke() || len(common.Args) == 0 {
		return Op{}, false
	}
	fn, ok := common.Value.(*ssa.Function)
	if !ok {
		return Op{}, false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return Op{}, false
	}
	m, ok := lockMethod(obj)
	if !ok {
		return Op{}, false
	}
	return Op{
		Call:   call,
		Mutex:  common.Args[0],
		Method: m,
		Read:   strings.HasPrefix(m, "R"),
		Key:    mutexKey(common.Args[0]),
	}, true
}

// lockMethod returns the name of obj if it is the Lock, RLock, Unlock or
// RUnlock method of sync.Mutex or RWMutex.
func lockMethod(obj *types.Func) (string, bool) {
	if obj.Pkg() == nil || obj.Pkg().Path() != "sync" {
		return "", false
	}
	recv := obj.Signature().Recv()
	if recv == nil {
		return "", false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Name() != "Mutex" && named.Obj().Name() != "RWMutex" {
		return "", false
	}
	switch m := obj.Name(); m {
	case "Lock", "RLock", "Unlock", "RUnlock":
		return m, true
	}
	return "", false
}

// acquires reports whether o takes the mutex.
func (o Op) acquires() bool { return o.Method == "Lock" || o.Method == "RLock" }
