package storedcancel

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
	Name:     "storedcancel",
	Doc:      analysisdoc.MustExtract(doc, "storedcancel"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/storedcancel",
	Requires: []*analysis.Analyzer{primitives.Analyzer},
	Run:      run,
}

// Meta places storedcancel among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: false, Since: "v0.3.0", Severity: meta.Warning}

func run(pass *analysis.Pass) (any, error) {
	for _, l := range pass.ResultOf[primitives.Analyzer].(*primitives.Model).Locs {
		if l.Kind != primitives.Cancel || !l.Known() || l.Outside != 0 || l.Has(primitives.Call) {
			continue
		}
		for i, st := range l.Stores {
			made := primitives.Pos(l.Makes[i])
			pos := st.Pos()
			if !pos.IsValid() {
				pos = made
			}
			pass.Report(analysis.Diagnostic{
				Pos:     pos,
				Message: "context lives until its parent is done: the cancel func stored in " + l.Var.Name() + " is never called",
				Related: []analysis.RelatedInformation{
					{Pos: made, Message: "the context is made here"},
					{Pos: l.Var.Pos(), Message: "nothing calls a cancel func kept in " + l.Var.Name()},
				},
			})
		}
	}
	return nil, nil
}
