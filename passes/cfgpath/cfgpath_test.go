package cfgpath_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/testutil"
)

// blockOf returns the block of fn whose comment (the builder's name for
// it) is name, the first of them.
func blockOf(t *testing.T, fn *ssa.Function, name string) *ssa.BasicBlock {
	t.Helper()
	for _, b := range fn.Blocks {
		if b.Comment == name {
			return b
		}
	}
	t.Fatalf("no block %q in %s", name, fn)
	return nil
}

func TestSCCs(t *testing.T) {
	pkg := testutil.BuildSSA(t, `package p

func f(xs []int, ok bool) int {
	n := 0
	if ok {
		n++
	}
	for _, x := range xs {
		if x > 0 {
			n += x
		}
	}
	return n
}
`)
	fn := pkg.Func("f")
	comp, cyclic := cfgpath.SCCs(fn)
	body := blockOf(t, fn, "rangeindex.body")
	loop := blockOf(t, fn, "rangeindex.loop")
	then := blockOf(t, fn, "if.then")
	if !cyclic[body.Index] || !cyclic[loop.Index] || comp[body.Index] != comp[loop.Index] {
		t.Errorf("loop body and header: cyclic %v %v, components %d %d; want one cyclic component", cyclic[body.Index], cyclic[loop.Index], comp[body.Index], comp[loop.Index])
	}
	if cyclic[0] || cyclic[then.Index] || comp[then.Index] == comp[loop.Index] {
		t.Errorf("entry and first if.then must not be on a cycle")
	}
}

func TestGuards(t *testing.T) {
	pkg := testutil.BuildSSA(t, `package p

func f(a, b bool, xs []int) int {
	n := 0
	if a {
		for range xs {
			if b {
				n++
			}
		}
		return n
	}
	return 0
}
`)
	fn := pkg.Func("f")
	// The innermost then block is guarded by a (outside the loop) but
	// not by b (tested again on every iteration).
	var inner *ssa.BasicBlock
	for _, b := range fn.Blocks {
		if b.Comment == "if.then" {
			inner = b
		}
	}
	g := cfgpath.Guards(inner)
	if v, ok := g[cfgpath.CondKey(fn.Params[0])]; !ok || !v {
		t.Errorf("Guards(inner then) = %v, want a known true", g)
	}
	if _, ok := g[cfgpath.CondKey(fn.Params[1])]; ok {
		t.Errorf("Guards(inner then) = %v: b is a loop condition and guards nothing", g)
	}
}

func TestCondKey(t *testing.T) {
	pkg := testutil.BuildSSA(t, `package p

type T struct{ on bool }

func f(s any, t *T, n int) {
	if _, ok := s.(*T); ok {
		println()
	}
	if _, ok := s.(*T); ok {
		println()
	}
	if t.on && n == 10 {
		println()
	}
	if t.on && n == 10 {
		println()
	}
}
`)
	keys := map[string]int{}
	for _, b := range pkg.Func("f").Blocks {
		if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			keys[cfgpath.CondKey(iff.Cond)]++
		}
	}
	// Three conditions, each tested twice: the assertion's ok, t.on and
	// n == 10.
	if len(keys) != 3 {
		t.Fatalf("CondKey gave %d keys, want 3: %v", len(keys), keys)
	}
	for k, n := range keys {
		if n != 2 {
			t.Errorf("condition %s tested %d times, want 2", k, n)
		}
	}
}
