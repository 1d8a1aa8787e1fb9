// Package testfail finds the calls that fail a test: t.Error, t.Fatal and
// their kin, on a testing.T, B or F or a testing.TB. A goroutine stranded
// only on a path that has already failed its test, or a Wait left waiting
// for it, is no hazard to fix: the run reports the failure (and its
// timeout, if it hangs), which is what such a path exists for.
package testfail

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
)

// Points returns the calls of fn that fail a test, as points to avoid.
func Points(fn *ssa.Function) cfgpath.Points {
	points := cfgpath.Points{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok && Fails(apimatch.Callee(call.Common())) {
				points.Add(b, instr)
			}
		}
	}
	return points
}

// Fails reports whether obj is a method of package testing that marks
// the test failed.
func Fails(obj *types.Func) bool {
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "testing" || obj.Signature().Recv() == nil {
		return false
	}
	switch obj.Name() {
	case "Error", "Errorf", "Fatal", "Fatalf", "Fail", "FailNow":
		return true
	}
	return false
}
