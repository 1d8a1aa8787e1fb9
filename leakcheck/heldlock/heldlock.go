package heldlock

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/lockstate"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "heldlock",
	Doc:      analysisdoc.MustExtract(doc, "heldlock"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/heldlock",
	Requires: []*analysis.Analyzer{lockstate.Analyzer},
	Run:      run,
}

// Meta places heldlock among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: true, Since: "v0.1.0", Severity: meta.Error}

func run(pass *analysis.Pass) (any, error) {
	for _, l := range pass.ResultOf[lockstate.Analyzer].(*lockstate.Result).Leaks {
		pass.Report(analysis.Diagnostic{
			Pos:     l.Lock.Pos(),
			Message: "mutex stays locked on a path that returns, so the next " + l.Lock.Method + " blocks forever",
			Related: []analysis.RelatedInformation{
				{Pos: cfgpath.ExitPos([]*ssa.BasicBlock{l.Return.Block()}), Message: "returns here with the mutex locked"},
				{Pos: l.Unlock.Pos(), Message: "unlocked here on other paths"},
			},
		})
	}
	return nil, nil
}
