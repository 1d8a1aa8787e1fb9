package apimatch_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/testutil"
)

func TestCallee(t *testing.T) {
	pkg := testutil.BuildSSA(t, `package p

import "time"

type T struct{}

func (T) After(time.Duration) {}

func After(time.Duration) {}

func f(t T) {
	time.After(1)
	t.After(1)
	After(1)
	var g func()
	g()
}
`)
	var got []string
	for instr := range apimatch.Instructions([]*ssa.Function{pkg.Func("f")}) {
		call, ok := instr.(*ssa.Call)
		if !ok {
			continue
		}
		c := apimatch.Callee(&call.Call)
		switch {
		case apimatch.CallsFunc(&call.Call, "time", "After"):
			got = append(got, "time.After")
		case apimatch.IsMethod(c, "p", "T", "After"):
			got = append(got, "T.After")
		case apimatch.IsFunc(c, "p", "After"):
			got = append(got, "p.After")
		case c == nil:
			got = append(got, "dynamic")
		}
	}
	want := []string{"time.After", "T.After", "p.After", "dynamic"}
	if !slices.Equal(got, want) {
		t.Errorf("callees = %q, want %q", got, want)
	}
}
