// Package suppress implements gohazard's suppression directives, inside
// the analyzers themselves so that they work the same standalone, under
// go vet -vettool and in the golangci-lint plugin:
//
//	//nolint                      every linter, gohazard included
//	//nolint:gohazard             every gohazard analyzer
//	//nolint:NAME[,NAME]          the named analyzers or families
//	//lint:ignore NAME[,NAME] reason
//	//lint:file-ignore NAME[,NAME] reason
//
// A directive trailing code covers its line; a directive alone on its line
// covers the statement or declaration that starts on the next line.
// lint:file-ignore covers its file. Generated files are never reported.
package suppress

import (
	"go/ast"
	"go/token"
	"os"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Kind is the form of a directive.
type Kind int

const (
	NoLint     Kind = iota // //nolint[:names]
	Ignore                 // //lint:ignore names reason
	FileIgnore             // //lint:file-ignore names reason
)

// Directive is one suppression comment.
type Directive struct {
	Kind   Kind
	Pos    token.Pos // the comment
	Names  []string  // nil for a bare //nolint
	Reason string
	// Start and End bound the source the directive covers.
	Start, End token.Pos
}

func (d *Directive) covers(pos token.Pos) bool { return d.Start <= pos && pos < d.End }

// names returns whether the directive names n explicitly; a bare
// //nolint names nothing but covers everything.
func (d *Directive) names(n string) bool {
	for _, x := range d.Names {
		if x == n {
			return true
		}
	}
	return false
}

// Text renders the directive's head for messages, e.g. "//lint:ignore".
func (d *Directive) Text() string {
	switch d.Kind {
	case Ignore:
		return "//lint:ignore"
	case FileIgnore:
		return "//lint:file-ignore"
	}
	return "//nolint"
}

// Directives is the result of Analyzer: the package's directives, and its
// generated files, which are never reported.
type Directives struct {
	List      []*Directive
	generated map[*token.File]bool
}

// Analyzer parses the suppression directives of a package once, for all
// analyzers.
var Analyzer = &analysis.Analyzer{
	Name:       "directives",
	Doc:        "parse gohazard suppression directives",
	Run:        parse,
	ResultType: reflect.TypeFor[*Directives](),
}

func parse(pass *analysis.Pass) (any, error) {
	res := &Directives{generated: make(map[*token.File]bool)}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if ast.IsGenerated(f) && !cgoOutput(f) {
			res.generated[tf] = true
			continue
		}
		// Without the source, a directive is taken to trail code and so
		// covers only its own line: suppress too little rather than too much.
		readFile := pass.ReadFile
		if readFile == nil { // drivers may leave it unset (staticcheck's runner)
			readFile = os.ReadFile
		}
		src, _ := readFile(tf.Name())
		var stmts []ast.Node // nodes a line directive may cover, by start
		ast.Inspect(f, func(n ast.Node) bool {
			switch n.(type) {
			case ast.Stmt, ast.Decl, ast.Spec, *ast.Field:
				stmts = append(stmts, n)
			}
			return true
		})
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d := parseComment(c)
				if d == nil {
					continue
				}
				if d.Kind == FileIgnore {
					d.Start, d.End = f.FileStart, f.FileEnd+1
				} else {
					d.Start, d.End = lineScope(tf, src, c, stmts)
				}
				res.List = append(res.List, d)
			}
		}
	}
	return res, nil
}

func parseComment(c *ast.Comment) *Directive {
	text := c.Text
	switch {
	case text == "//nolint" || strings.HasPrefix(text, "//nolint ") || strings.HasPrefix(text, "//nolint\t"):
		d := &Directive{Kind: NoLint, Pos: c.Slash}
		_, d.Reason, _ = strings.Cut(text, "//nolint")
		d.Reason = trimReason(d.Reason)
		return d
	case strings.HasPrefix(text, "//nolint:"):
		rest := strings.TrimPrefix(text, "//nolint:")
		list, reason, _ := strings.Cut(rest, " ")
		// A list that is empty or starts with a space names nothing and so
		// suppresses nothing, as in golangci-lint; it is not a bare nolint.
		names := splitNames(list)
		if names == nil {
			names = []string{}
		}
		return &Directive{Kind: NoLint, Pos: c.Slash, Names: names, Reason: trimReason(reason)}
	case strings.HasPrefix(text, "//lint:ignore ") || text == "//lint:ignore":
		return parseLint(Ignore, strings.TrimPrefix(text, "//lint:ignore"), c.Slash)
	case strings.HasPrefix(text, "//lint:file-ignore ") || text == "//lint:file-ignore":
		return parseLint(FileIgnore, strings.TrimPrefix(text, "//lint:file-ignore"), c.Slash)
	}
	return nil
}

func parseLint(kind Kind, rest string, pos token.Pos) *Directive {
	fields := strings.Fields(rest)
	d := &Directive{Kind: kind, Pos: pos}
	if len(fields) > 0 {
		d.Names = splitNames(fields[0])
		d.Reason = strings.Join(fields[1:], " ")
	}
	return d
}

func splitNames(list string) []string {
	var names []string
	for n := range strings.SplitSeq(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// trimReason strips the "// " that separates a nolint list from its
// explanation.
func trimReason(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "//")
	return strings.TrimSpace(s)
}

// lineScope returns what a line directive covers: its own line when it
// trails code, otherwise the outermost statement or declaration starting
// on the next line (or just that line when none starts there).
func lineScope(tf *token.File, src []byte, c *ast.Comment, stmts []ast.Node) (token.Pos, token.Pos) {
	ln := line(tf, c.Slash)
	lineStart := tf.LineStart(ln)
	if trailing(src, tf.Offset(lineStart), tf.Offset(c.Slash)) {
		return lineStart, lineEnd(tf, ln)
	}
	if ln >= tf.LineCount() {
		return c.Slash, c.End()
	}
	next := ln + 1
	start, end := tf.LineStart(next), lineEnd(tf, next)
	for _, n := range stmts {
		if line(tf, n.Pos()) == next && n.End() > end {
			end = n.End()
		}
	}
	return start, end
}

func lineEnd(tf *token.File, line int) token.Pos {
	if line < tf.LineCount() {
		return tf.LineStart(line + 1)
	}
	return token.Pos(tf.Base() + tf.Size() + 1)
}

// trailing reports whether code precedes the comment at offset to on the
// line starting at offset from. Without source it answers true.
func trailing(src []byte, from, to int) bool {
	if to > len(src) || from > to {
		return true
	}
	return strings.TrimSpace(string(src[from:to])) != ""
}

// line returns the line of pos in the file as written: //line directives
// remap positions for messages, not the lines a directive covers.
func line(tf *token.File, pos token.Pos) int {
	return tf.PositionFor(pos, false).Line
}

// cgoOutput reports whether f is cmd/cgo's rewrite of a user's file: it
// is marked generated, but its code (and its findings) are the user's.
func cgoOutput(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "// Code generated by cmd/cgo;") {
				return true
			}
		}
	}
	return false
}
