package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestForRunnerFailures checks the copies made for the runner: a panic in
// an analyzer that others require is reported as the error of each
// analyzer that depends on it, which does not run; the others run and
// report, with their prerequisites' results under the analyzers they know.
func TestForRunnerFailures(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", "package p\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	panicky := &analysis.Analyzer{Name: "panicky", Doc: "panics", Run: func(*analysis.Pass) (any, error) { panic("boom") }}
	middle := &analysis.Analyzer{Name: "middle", Doc: "passes on", Requires: []*analysis.Analyzer{panicky},
		Run: func(p *analysis.Pass) (any, error) { return p.ResultOf[panicky], nil }}
	answer := &analysis.Analyzer{Name: "answer", Doc: "answers", Run: func(*analysis.Pass) (any, error) { return 42, nil }}
	top := &analysis.Analyzer{Name: "top", Doc: "needs middle", Requires: []*analysis.Analyzer{middle, answer},
		Run: func(*analysis.Pass) (any, error) {
			t.Error("top ran although a prerequisite failed")
			return nil, nil
		}}
	user := &analysis.Analyzer{Name: "user", Doc: "needs answer", Requires: []*analysis.Analyzer{answer},
		Run: func(p *analysis.Pass) (any, error) {
			if got := p.ResultOf[answer]; got != 42 {
				t.Errorf("user sees %v as answer's result, want 42", got)
			}
			p.Reportf(file.Package, "found")
			return nil, nil
		}}

	copies := forRunner([]*analysis.Analyzer{top, user}, new(moduleFinder))
	if top.Requires[0] != middle || copies[0].Requires[0] == middle {
		t.Fatal("the originals' requirements changed, or the copy's did not")
	}
	// Run the copies in dependency order, as the runner does.
	results := make(map[*analysis.Analyzer]any)
	reports := make(map[string][]string)
	var run func(c *analysis.Analyzer)
	run = func(c *analysis.Analyzer) {
		if _, done := results[c]; done {
			return
		}
		for _, r := range c.Requires {
			run(r)
		}
		pass := &analysis.Pass{
			Analyzer: c, Fset: fset, Files: []*ast.File{file}, ResultOf: results,
			Report: func(d analysis.Diagnostic) { reports[c.Name] = append(reports[c.Name], d.Message) },
		}
		res, err := c.Run(pass)
		if err != nil {
			t.Fatalf("%s: the runner got an error: %v", c.Name, err)
		}
		results[c] = res
	}
	for _, c := range copies {
		run(c)
	}
	if got := reports["top"]; len(got) != 1 || !strings.Contains(got[0], `"error":"prerequisite panicky failed: internal error in panicky, please report it: boom`) {
		t.Errorf("top reported %q, want the failure of panicky", got)
	}
	if got := reports["user"]; len(got) != 1 || !strings.Contains(got[0], `"message":"found"`) {
		t.Errorf("user reported %q, want its finding", got)
	}
}
