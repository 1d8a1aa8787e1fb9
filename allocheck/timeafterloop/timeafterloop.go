package timeafterloop

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard/passes/analysisdoc"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name: "timeafterloop",
	Doc:  analysisdoc.MustExtract(doc, "timeafterloop"),
	URL:  "https://pkg.go.dev/github.com/gohazard/gohazard/allocheck/timeafterloop",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
