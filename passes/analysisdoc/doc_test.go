package analysisdoc

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"
)

// TestPackageComment checks the line scan against go/parser over every
// doc.go of the module, and over comments with directives and blank lines.
func TestPackageComment(t *testing.T) {
	files, err := filepath.Glob("../../*/*/doc.go")
	if err != nil || len(files) < 20 {
		t.Fatalf("found %d doc.go files (%v), want every analyzer's", len(files), err)
	}
	sources := []string{
		"//go:build ignore\n\n// Package p does.\n//\n//\n//  indented\n//\ttabbed  \n//nolint:all\n//\npackage p\n",
		"// Not this.\n\n// Package p.\n// line two\npackage p\n",
		"//line x.go:3\n// Package p.\n//export F\n//a:b and more\n//A:b stays\npackage p\n",
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, string(data))
	}
	for i, src := range sources {
		f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := packageComment(src), f.Doc.Text(); got != want {
			t.Errorf("source %d: got\n%q\nwant (go/ast)\n%q", i, got, want)
		}
	}
}
