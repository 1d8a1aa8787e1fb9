package chanop_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/testutil"
)

const selectSrc = `package p

import "time"

func first()  {}
func second() {}
func third()  {}

func withDefault(a, b chan int) {
	select {
	case <-a:
		first()
	case b <- 1:
		second()
	default:
		third()
	}
}

func blocking(a, b chan int) {
	select {
	case <-a:
		first()
	case <-b:
	}
	second()
}

func ticks(d time.Duration) {
	for range time.Tick(d) {
		first()
	}
}

func ticker(t *time.Ticker) {
	for range t.C {
		first()
	}
}

func drained(c chan int) {
	for range c {
		first()
	}
}
`

// selectOf returns the one select statement of fn.
func selectOf(t *testing.T, fn *ssa.Function) *ssa.Select {
	t.Helper()
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if sel, ok := instr.(*ssa.Select); ok {
				return sel
			}
		}
	}
	t.Fatalf("no select in %s", fn)
	return nil
}

// calledIn returns the name of the first function b calls, or "".
func calledIn(b *ssa.BasicBlock) string {
	if b == nil {
		return ""
	}
	for _, instr := range b.Instrs {
		if c, ok := instr.(*ssa.Call); ok {
			if fn := c.Call.StaticCallee(); fn != nil {
				return fn.Name()
			}
		}
	}
	return ""
}

func TestCaseBodies(t *testing.T) {
	pkg := testutil.BuildSSA(t, selectSrc)

	bodies, deflt := chanop.CaseBodies(selectOf(t, pkg.Func("withDefault")))
	if len(bodies) != 2 || calledIn(bodies[0]) != "first" || calledIn(bodies[1]) != "second" {
		t.Errorf("withDefault: case bodies call %q, %q; want first, second", calledIn(bodies[0]), calledIn(bodies[1]))
	}
	if calledIn(deflt) != "third" {
		t.Errorf("withDefault: default body calls %q, want third", calledIn(deflt))
	}

	// The empty case continues where the select statement does.
	bodies, deflt = chanop.CaseBodies(selectOf(t, pkg.Func("blocking")))
	if deflt != nil {
		t.Errorf("blocking: a select without default has no default body, got %s", deflt)
	}
	if len(bodies) != 2 || calledIn(bodies[0]) != "first" || calledIn(bodies[1]) != "second" {
		t.Errorf("blocking: case bodies call %q, %q; want first, and second after the select", calledIn(bodies[0]), calledIn(bodies[1]))
	}
}

// TestEndlessRanges checks that a range over a channel the runtime never
// closes does not return, and one over any other channel may.
func TestEndlessRanges(t *testing.T) {
	pkg := testutil.BuildSSA(t, selectSrc)
	for _, tc := range []struct {
		fn      string
		returns bool
	}{
		{"ticks", false},
		{"ticker", false},
		{"drained", true},
	} {
		fn := pkg.Func(tc.fn)
		path := cfgpath.ReturnAvoiding(fn.Blocks[0].Instrs[0], chanop.EndlessRanges(fn))
		if (path != nil) != tc.returns {
			t.Errorf("%s: return path %v, want one: %v", tc.fn, path, tc.returns)
		}
		ranges := 0
		for _, op := range chanop.Ops(fn) {
			if op.Kind == chanop.RangeRecv {
				ranges++
				if chanop.TickerChan(op.Chan) == tc.returns {
					t.Errorf("%s: TickerChan(%s) = %v", tc.fn, op.Chan, !tc.returns)
				}
			}
		}
		if ranges != 1 {
			t.Errorf("%s: %d range receives, want 1", tc.fn, ranges)
		}
	}
}
