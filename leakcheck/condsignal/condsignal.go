package condsignal

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/meta"
	"github.com/gohazard/gohazard/passes/primitives"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "condsignal",
	Doc:      analysisdoc.MustExtract(doc, "condsignal"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/condsignal",
	Requires: []*analysis.Analyzer{primitives.Analyzer},
	Run:      run,
}

// Meta places condsignal among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: false, Since: "v0.3.0", Severity: meta.Error}

func run(pass *analysis.Pass) (any, error) {
	for _, l := range pass.ResultOf[primitives.Analyzer].(*primitives.Model).Locs {
		if l.Kind != primitives.Cond || !l.Known() || l.Outside != 0 || l.Has(primitives.Signal) || l.Has(primitives.Broadcast) {
			continue
		}
		related := primitives.Made(l, "the Cond")
		for _, op := range l.Ops {
			if op.Kind == primitives.Wait && !op.Remote {
				pass.Report(analysis.Diagnostic{Pos: op.Pos(), Related: related,
					Message: "Wait blocks forever: nothing calls Signal or Broadcast on this Cond"})
			}
		}
	}
	return nil, nil
}
