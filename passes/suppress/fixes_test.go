package suppress

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestCompiledFixes(t *testing.T) {
	const src = `package p

func f() string {
	s := "own"
//line page.tmpl:10
	s += "moved"
//line p.go:7
	return s + "own again"
}
`
	fset := token.NewFileSet()
	if _, err := parser.ParseFile(fset, "/m/p/p.go", src, parser.ParseComments); err != nil {
		t.Fatal(err)
	}
	file := fset.File(token.Pos(fset.Base() - len(src) - 1))
	at := func(text string) token.Pos { return file.Pos(strings.Index(src, text)) }
	fix := func(msg string, texts ...string) analysis.SuggestedFix {
		f := analysis.SuggestedFix{Message: msg}
		for _, text := range texts {
			f.TextEdits = append(f.TextEdits, analysis.TextEdit{Pos: at(text), End: at(text) + token.Pos(len(text))})
		}
		return f
	}
	got := compiledFixes(fset, []analysis.SuggestedFix{
		fix("own", `"own"`),
		fix("moved", `"moved"`),
		fix("mixed", `"own"`, `"moved"`),
		// A directive that names the compiled file itself moves lines
		// only: offsets still count in that file.
		fix("renumbered", `"own again"`),
	})
	var names []string
	for _, f := range got {
		names = append(names, f.Message)
	}
	if strings.Join(names, " ") != "own renumbered" {
		t.Errorf("kept fixes %q, want own and renumbered", names)
	}
}
