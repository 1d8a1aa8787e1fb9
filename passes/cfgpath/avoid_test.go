package cfgpath_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/testutil"
)

const lockSrc = `package p

func lock()   {}
func unlock() {}
func work()   {}

func early(err bool) int {
	lock()
	if err {
		return 1
	}
	unlock()
	return 0
}

func balanced(err bool) int {
	lock()
	if err {
		unlock()
		return 1
	}
	unlock()
	return 0
}

func before() {
	unlock()
	lock()
}

func after() {
	lock()
	unlock()
}

func correlated(c bool) {
	if c {
		lock()
	}
	work()
	if c {
		unlock()
	}
}

func implicit() {
	lock()
	work()
}
`

// calls returns the calls of the package-level function name in fn.
func calls(fn *ssa.Function, name string) []*ssa.Call {
	var cs []*ssa.Call
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				if callee := c.Call.StaticCallee(); callee != nil && callee.Name() == name {
					cs = append(cs, c)
				}
			}
		}
	}
	return cs
}

// lockPath returns the path ReturnAvoiding finds in fn from its first
// call of lock to a return that calls no unlock.
func lockPath(t *testing.T, fn *ssa.Function) []*ssa.BasicBlock {
	t.Helper()
	locks := calls(fn, "lock")
	if len(locks) == 0 {
		t.Fatalf("no lock call in %s", fn)
	}
	avoid := cfgpath.Points{}
	for _, c := range calls(fn, "unlock") {
		avoid.Add(c.Block(), c)
	}
	return cfgpath.ReturnAvoiding(locks[0], avoid)
}

func TestReturnAvoiding(t *testing.T) {
	pkg := testutil.BuildSSA(t, lockSrc)
	fset := pkg.Prog.Fset
	for _, tc := range []struct {
		fn       string
		found    bool
		exitLine int // line of the position ExitPos gives, when found
	}{
		{"early", true, 10},
		{"balanced", false, 0},
		{"before", true, 29},   // the unlock runs before the lock: not on the path
		{"after", false, 0},    // the unlock follows the lock in its block
		{"implicit", true, 49}, // the closing brace of the implicit return
	} {
		fn := pkg.Func(tc.fn)
		path := lockPath(t, fn)
		if (path != nil) != tc.found {
			t.Errorf("%s: ReturnAvoiding = %v, want a path: %v", tc.fn, path, tc.found)
			continue
		}
		if path == nil {
			continue
		}
		if path[0] != calls(fn, "lock")[0].Block() {
			t.Errorf("%s: path starts at %s, not the lock's block", tc.fn, path[0])
		}
		for i := 1; i < len(path); i++ {
			if !slices.Contains(path[i-1].Succs, path[i]) {
				t.Errorf("%s: path %v: %s does not follow %s", tc.fn, path, path[i], path[i-1])
			}
		}
		if got := fset.Position(cfgpath.ExitPos(path)).Line; got != tc.exitLine {
			t.Errorf("%s: ExitPos on line %d, want %d", tc.fn, got, tc.exitLine)
		}
	}
}

// TestPathAvoidingAssume checks that a path takes no branch that
// contradicts what held where it started: the lock taken under c is
// released under c.
func TestPathAvoidingAssume(t *testing.T) {
	pkg := testutil.BuildSSA(t, lockSrc)
	fn := pkg.Func("correlated")
	if path := lockPath(t, fn); path == nil {
		t.Fatal("without assumptions the c == false branch avoids the unlock; ReturnAvoiding found no path")
	}
	lock := calls(fn, "lock")[0]
	avoid := cfgpath.Points{}
	for _, c := range calls(fn, "unlock") {
		avoid.Add(c.Block(), c)
	}
	returns := func(b *ssa.BasicBlock) bool {
		_, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		return ok
	}
	if path := cfgpath.PathAvoiding(lock, avoid, cfgpath.Guards(lock.Block()), returns); path != nil {
		t.Errorf("assuming the lock's guard, PathAvoiding = %v, want nil", path)
	}
}

// TestPathAvoidingDestination checks that the path ends at the first
// destination it meets, and that a destination among the points to avoid
// is never reached.
func TestPathAvoidingDestination(t *testing.T) {
	pkg := testutil.BuildSSA(t, lockSrc)
	fn := pkg.Func("early")
	lock := calls(fn, "lock")[0]
	unlockBlock := calls(fn, "unlock")[0].Block()
	toUnlock := func(b *ssa.BasicBlock) bool { return b == unlockBlock }
	path := cfgpath.PathAvoiding(lock, cfgpath.Points{}, nil, toUnlock)
	if len(path) == 0 || path[len(path)-1] != unlockBlock {
		t.Fatalf("PathAvoiding to the unlock's block = %v", path)
	}
	avoid := cfgpath.Points{}
	avoid.Add(unlockBlock, nil)
	if path := cfgpath.PathAvoiding(lock, avoid, nil, toUnlock); path != nil {
		t.Errorf("PathAvoiding reached %v through an avoided entry", path)
	}
}

func TestPointsAdd(t *testing.T) {
	pkg := testutil.BuildSSA(t, lockSrc)
	b := pkg.Func("after").Blocks[0]
	last := len(b.Instrs) - 1
	p := cfgpath.Points{}
	p.Add(b, b.Instrs[last])
	p.Add(b, b.Instrs[0])
	p.Add(b, nil)
	if p[b] != last {
		t.Errorf("after adding points %d, 0 and the entry: %d kept, want the last, %d", last, p[b], last)
	}
	q := cfgpath.Points{}
	q.Add(b, nil)
	if i, ok := q[b]; !ok || i != 0 {
		t.Errorf("the entry of a block is point 0; got %d, %v", i, ok)
	}
}

func TestIndex(t *testing.T) {
	pkg := testutil.BuildSSA(t, lockSrc)
	for _, b := range pkg.Func("balanced").Blocks {
		for i, instr := range b.Instrs {
			if got := cfgpath.Index(instr); got != i {
				t.Errorf("Index(%s) = %d, want %d", instr, got, i)
			}
		}
	}
}

func TestMaxPassed(t *testing.T) {
	pkg := testutil.BuildSSA(t, `package p

func send() {}

func branches(a, b bool) {
	if a {
		send()
	} else {
		send()
		send()
	}
	if b {
		send()
	}
}

func loop(xs []int) {
	send()
	for range xs {
		send()
	}
}
`)
	weights := func(fn *ssa.Function) map[*ssa.BasicBlock]int {
		w := map[*ssa.BasicBlock]int{}
		for _, c := range calls(fn, "send") {
			w[c.Block()]++
		}
		return w
	}
	onCycle := func(fn *ssa.Function) func(*ssa.BasicBlock) bool {
		_, cyclic := cfgpath.SCCs(fn)
		return func(b *ssa.BasicBlock) bool { return cyclic[b.Index] }
	}
	// The else branch and the second if: 2 + 1.
	fn := pkg.Func("branches")
	if got := cfgpath.MaxPassed(fn, weights(fn), onCycle(fn)); got != 3 {
		t.Errorf("MaxPassed(branches) = %d, want 3", got)
	}
	fn = pkg.Func("loop")
	if got := cfgpath.MaxPassed(fn, weights(fn), onCycle(fn)); got != -1 {
		t.Errorf("MaxPassed(loop) = %d, want -1 (unbounded)", got)
	}
}

// TestReturnAvoidingFrom checks that a path passes its own start: from
// itself, when avoided, blocks every path.
func TestReturnAvoidingFrom(t *testing.T) {
	pkg := testutil.BuildSSA(t, lockSrc)
	lock := calls(pkg.Func("implicit"), "lock")[0]
	avoid := cfgpath.Points{}
	avoid.Add(lock.Block(), lock)
	if path := cfgpath.ReturnAvoiding(lock, avoid); path != nil {
		t.Errorf("ReturnAvoiding from an avoided point = %v, want nil", path)
	}
}
