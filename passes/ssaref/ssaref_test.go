package ssaref_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/ssaref"
	"github.com/gohazard/gohazard/passes/testutil"
)

const src = `package p

import "sync"

type S struct {
	mu, other sync.Mutex
	n         int
}

func use(*sync.Mutex) {}
func useS(*S)         {}
func useInt(int)      {}
func each(yield func(int) bool) {}

func same(s *S) {
	s.mu.Lock()
	s.mu.Unlock()
	s.other.Lock()
}

func handed(s, t *S) {
	use(&s.mu)
	useS(s)
	useS(t)
	useInt(s.n)
	go func() { s.mu.Unlock() }()
	for range each {
		s.mu.Unlock()
	}
}

type node struct {
	mu   sync.Mutex
	next *node
}

func handOverHand(n *node) {
	for n != nil {
		n.mu.Lock()
		n = n.next
	}
}
`

// lockArgs returns the mutex of every Lock and Unlock call in fn, in
// block and instruction order.
func lockArgs(fn *ssa.Function) []ssa.Value {
	var vs []ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				if callee := c.Call.StaticCallee(); callee != nil && (callee.Name() == "Lock" || callee.Name() == "Unlock") {
					vs = append(vs, c.Call.Args[0])
				}
			}
		}
	}
	return vs
}

// callsIn returns the call instructions of fn (calls, go and defer
// statements), in block and instruction order.
func callsIn(fn *ssa.Function) []ssa.CallInstruction {
	var cs []ssa.CallInstruction
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok {
				cs = append(cs, c)
			}
		}
	}
	return cs
}

func TestSameRef(t *testing.T) {
	pkg := testutil.BuildSSA(t, src)
	mus := lockArgs(pkg.Func("same"))
	if len(mus) != 3 {
		t.Fatalf("%d Lock/Unlock calls in same, want 3", len(mus))
	}
	if mus[0] == mus[1] {
		t.Fatal("the two selections of s.mu are one SSA value: the test shows nothing")
	}
	if !ssaref.SameRef(mus[0], mus[1]) {
		t.Errorf("SameRef(s.mu, s.mu) = false")
	}
	if ssaref.SameRef(mus[0], mus[2]) || ssaref.MayBeSame(mus[0], mus[2]) {
		t.Errorf("s.mu and s.other are taken for the same mutex")
	}
	// n changes between iterations: its mutex may be any node's.
	hoh := lockArgs(pkg.Func("handOverHand"))
	if len(hoh) != 1 || !ssaref.MayBeSame(hoh[0], hoh[0]) {
		t.Fatalf("handOverHand: mutexes %v", hoh)
	}
	if !ssaref.MayBeSame(hoh[0], mus[0]) {
		t.Errorf("MayBeSame(n.mu through a phi, s.mu) = false")
	}
}

func TestHandsAndBindings(t *testing.T) {
	pkg := testutil.BuildSSA(t, src)
	fn := pkg.Func("handed")
	// s is captured, so its uses load it from a cell: take the value
	// useS is given.
	var s ssa.Value
	for _, c := range callsIn(fn) {
		if callee := c.Common().StaticCallee(); s == nil && callee != nil && callee.Name() == "useS" {
			s = c.Common().Args[0]
		}
	}
	other := fn.Params[1]
	var handsMu, handsS []string
	for _, c := range callsIn(fn) {
		name := c.String()
		if callee := c.Common().StaticCallee(); callee != nil {
			name = callee.Name()
		}
		if _, ok := c.(*ssa.Go); ok {
			name = "go"
			body, subst := ssaref.Bindings(c)
			if body == nil || len(body.FreeVars) != 1 || subst[body.FreeVars[0]] == nil {
				t.Fatalf("Bindings(go) = %v, %v: want the closure with s bound", body, subst)
			}
			mu := lockArgs(body)[0] // &s.mu as the closure sees it
			if !ssaref.SameRefIn(mu, fieldAddrOf(t, fn), subst) {
				t.Errorf("SameRefIn(closure's s.mu, s.mu, bindings) = false")
			}
			if ssaref.SameRef(mu, fieldAddrOf(t, fn)) {
				t.Errorf("SameRef ignores the bindings: the closure's s is a free variable")
			}
		}
		if ssaref.Hands(c, fieldAddrOf(t, fn)) {
			handsMu = append(handsMu, name)
		}
		if ssaref.Hands(c, s) {
			handsS = append(handsS, name)
		}
		if ssaref.Hands(c, other) && name != "useS" {
			t.Errorf("%s is not handed t", name)
		}
	}
	// use gets &s.mu itself, useS the struct that holds it, the go
	// statement and the iterator a closure that binds s.
	if want := []string{"use", "useS", "go", "each"}; !slices.Equal(handsMu, want) {
		t.Errorf("calls handed s.mu: %q, want %q", handsMu, want)
	}
	if want := []string{"useS", "go", "each"}; !slices.Equal(handsS, want) {
		t.Errorf("calls handed s: %q, want %q", handsS, want)
	}
}

// fieldAddrOf returns the first &s.mu of fn.
func fieldAddrOf(t *testing.T, fn *ssa.Function) ssa.Value {
	t.Helper()
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if fa, ok := instr.(*ssa.FieldAddr); ok && fa.Field == 0 {
				return fa
			}
		}
	}
	t.Fatalf("no &s.mu in %s", fn)
	return nil
}

func TestRuns(t *testing.T) {
	pkg := testutil.BuildSSA(t, src)
	fn := pkg.Func("handed")
	var ran []string
	for _, c := range callsIn(fn) {
		for _, r := range ssaref.Runs(c) {
			ran = append(ran, r.Name())
		}
	}
	// use, useS (twice) and useInt have bodies; the go statement runs
	// its closure, the range-over-func loop the iterator and its body.
	want := []string{"use", "useS", "useS", "useInt", "handed$1", "each", "handed$2"}
	if !slices.Equal(ran, want) {
		t.Errorf("Runs: %q, want %q", ran, want)
	}
	isBody := func(f *ssa.Function) bool { return f.Name() == "handed$2" }
	n := 0
	for _, c := range callsIn(fn) {
		if ssaref.RunsAny(c, isBody) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d calls run the loop body, want 1", n)
	}
}
