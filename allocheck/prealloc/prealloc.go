package prealloc

import (
	_ "embed"
	"flag"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/fill"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "prealloc",
	Doc:      analysisdoc.MustExtract(doc, "prealloc"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/allocheck/prealloc",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
	Flags:    flags(),
}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("prealloc", flag.ExitOnError)
	fs.Bool("conditional", false, "also report appends that may be skipped in some iteration (the count is then an upper bound)")
	return *fs
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	conditional := pass.Analyzer.Flags.Lookup("conditional").Value.(flag.Getter).Get().(bool)
	for _, f := range fill.Find(pass.TypesInfo, insp, fill.Slice) {
		if !f.Conditional || conditional {
			fill.Report(pass, f, fill.Slice)
		}
	}
	return nil, nil
}
