package prealloc

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/fill"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "prealloc",
	Doc:      analysisdoc.MustExtract(doc, "prealloc"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/allocheck/prealloc",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      fill.Run(fill.Slice),
	Flags:    fill.Flags("prealloc"),
}

// Meta places prealloc among gohazard's analyzers.
var Meta = meta.Info{Family: meta.AllocCheck, Default: true, Since: "v0.2.0", Severity: meta.Note}
