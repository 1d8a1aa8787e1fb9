package mapprealloc

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
	Name:     "mapprealloc",
	Doc:      analysisdoc.MustExtract(doc, "mapprealloc"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/allocheck/mapprealloc",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      fill.Run(fill.Map),
	Flags:    fill.Flags("mapprealloc"),
}

// Meta places mapprealloc among gohazard's analyzers.
var Meta = meta.Info{Family: meta.AllocCheck, Default: true, Since: "v0.2.0", Severity: meta.Note}
