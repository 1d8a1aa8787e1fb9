package loops_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/loops"
)

// probe reports every call of mark that can run more than once per call
// of its function.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report calls of mark in loops",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, loops.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		info := pass.ResultOf[loops.Analyzer].(*loops.Info)
		for instr := range apimatch.Instructions(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs) {
			if call, ok := instr.(*ssa.Call); ok && apimatch.IsFunc(apimatch.Callee(&call.Call), "example.com/loops", "mark") && info.InLoop(call.Block()) {
				pass.Reportf(call.Pos(), "in loop")
			}
		}
		return nil, nil
	},
}

func TestInLoop(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "loops"), probe, "./...")
}
