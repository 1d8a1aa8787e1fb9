package ssautil

import "golang.org/x/tools/go/ssa"

// Releases returns the instructions of fn that may release a mutex
// like held: its unlocks (through any alias), calls handed the mutex, and
// calls of package functions that unlock something.
func Releases(fn *ssa.Function, locks []LockCall, held LockCall) map[ssa.Instruction]bool {
	avoid := map[ssa.Instruction]bool{}
	// A path that runs the mutex's allocation again (a mutex declared in
	// a loop) reaches a fresh mutex.
	if alloc := allocOf(held.Mutex); alloc != nil {
		avoid[alloc] = true
	}
	for _, u := range locks {
		if _, deferred := u.Call.(*ssa.Defer); !u.Lock && !deferred && MayBeSame(u.Mutex, held.Mutex) {
			avoid[u.Call] = true
		}
	}
	for instr := range Instructions([]*ssa.Function{fn}) {
		// A goroutine handed the mutex may unlock it: a mutex used as a
		// signal is locked, handed to a goroutine that unlocks it, and
		// locked again to wait.
		switch call := instr.(type) {
		case *ssa.Call, *ssa.Go:
			c := call.(ssa.CallInstruction)
			if Hands(c, held.Mutex) && !isLockCall(c) || UnlocksSomething(c) {
				avoid[instr] = true
			}
		}
	}
	return avoid
}

// isLockCall reports whether call is a method of sync.Mutex or RWMutex.
func isLockCall(call ssa.CallInstruction) bool {
	obj := Callee(call.Common())
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "sync" &&
		(IsMethod(obj, "sync", "Mutex", obj.Name()) || IsMethod(obj, "sync", "RWMutex", obj.Name()))
}

// Reaches reports whether some path from a (exclusive) reaches b without
// executing an instruction of avoid on the way, taking no branch that
// contradicts the conditions under which a ran.
func Reaches(a, b ssa.Instruction, avoid map[ssa.Instruction]bool) bool {
	ab, bb := a.Block(), b.Block()
	if ab == bb && Index(a) < Index(b) {
		return !avoidedIn(ab, Index(a)+1, Index(b), avoid)
	}
	// Leave a's block, then enter b's block and get to b.
	if avoidedIn(ab, Index(a)+1, len(ab.Instrs), avoid) || avoidedIn(bb, 0, Index(b), avoid) {
		return false
	}
	points := Points{}
	for x := range avoid {
		if x.Block() != ab && x.Block() != bb {
			points.Add(x.Block(), x)
		}
	}
	assume := Guards(ab)
	toB := func(x *ssa.BasicBlock) bool { return x == bb }
	if ab != bb {
		return PathAvoiding(a, points, assume, toB) != nil
	}
	// b comes before a in one block: only a way round a loop reaches it.
	for _, succ := range ab.Succs {
		if succ == bb || PathAvoiding(succ.Instrs[0], points, assume, toB) != nil {
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

// LocksFirst returns a Lock (or RLock) in callee of a mutex for which
// match holds, reached from callee's entry without releasing it first.
func LocksFirst(callee *ssa.Function, match func(LockCall) bool) (LockCall, bool) {
	locks := LockCalls(callee)
	for _, l := range locks {
		if _, deferred := l.Call.(*ssa.Defer); deferred || !l.Lock || !match(l) {
			continue
		}
		avoid := Releases(callee, locks, l)
		entry := callee.Blocks[0].Instrs[0]
		if entry == l.Call || !avoid[entry] && Reaches(entry, l.Call, avoid) {
			return l, true
		}
	}
	return LockCall{}, false
}

// allocOf returns the allocation the mutex lives in, if it is made in
// the function (a local variable or new value).
func allocOf(mutex ssa.Value) *ssa.Alloc {
	alloc, _ := Root(mutex).(*ssa.Alloc)
	return alloc
}
