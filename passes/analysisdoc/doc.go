// Package analysisdoc extracts an analyzer's documentation from its
// package's doc.go, so that the doc comment users read on pkg.go.dev and
// the text "gohazard help NAME" prints are one.
package analysisdoc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtract returns the section of the package comment in content (the
// source of a doc.go file) that starts at the heading "# Analyzer name",
// up to the next heading. The first line is the one-line summary,
// "name: summary", as the analysis framework expects. It panics when the
// section is missing, which the analyzer's tests catch at once.
func MustExtract(content, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("analysisdoc: no package comment in doc.go for %s: %v", name, err))
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name + "\n"
	_, section, ok := strings.Cut(text, heading)
	if !ok {
		panic("analysisdoc: doc.go has no heading " + strings.TrimSpace(heading))
	}
	if i := strings.Index(section, "\n# "); i >= 0 {
		section = section[:i]
	}
	section = strings.TrimSpace(section)
	summary, body, _ := strings.Cut(section, "\n")
	prefix := name + ": "
	if !strings.HasPrefix(summary, prefix) {
		panic(fmt.Sprintf("analysisdoc: section for %s must start with %q", name, prefix))
	}
	return strings.TrimPrefix(summary, prefix) + "\n" + body
}
