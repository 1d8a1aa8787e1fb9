// Package analysisdoc extracts an analyzer's documentation from its
// package's doc.go, so that the doc comment users read on pkg.go.dev and
// the text "gohazard help NAME" prints are one.
package analysisdoc

import (
	"fmt"
	"strings"
)

// MustExtract returns the section of the package comment in content (the
// source of a doc.go file) that starts at the heading "# Analyzer name",
// up to the next heading. The first line is the one-line summary,
// "name: summary", as the analysis framework expects. It panics when the
// section is missing, which the analyzer's tests catch at once.
func MustExtract(content, name string) string {
	text := packageComment(content)
	if text == "" {
		panic("analysisdoc: no package comment in doc.go for " + name)
	}
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

// packageComment returns the text of the line comments right above the
// package clause, as go/ast's CommentGroup.Text returns it: comment
// markers and the space after them removed, directives dropped, runs of
// blank lines made one, no blank lines at either end. It runs when each
// analyzer's package is initialised, in every go vet process: a scan of
// the lines, not a parse.
func packageComment(content string) string {
	var group []string
	for line := range strings.Lines(content) {
		line = strings.TrimRight(line, "\r\n")
		switch {
		case strings.HasPrefix(line, "//"):
			group = append(group, line[2:])
		case strings.HasPrefix(line, "package "):
			return commentText(group)
		default:
			group = nil
		}
	}
	return ""
}

func commentText(group []string) string {
	var b strings.Builder
	blank := false
	for _, c := range group {
		if isDirective(c) {
			continue
		}
		c = strings.TrimRight(strings.TrimPrefix(c, " "), " \t")
		if c == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteString("\n")
			blank = false
		}
		b.WriteString(c + "\n")
	}
	return b.String()
}

// isDirective reports whether the text of a line comment is one that
// CommentGroup.Text drops: "line ", "extern ", "export ", or "name:x"
// with lowercase letters and digits (go:build, nolint:...).
func isDirective(c string) bool {
	for _, p := range []string{"line ", "extern ", "export "} {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	name, rest, ok := strings.Cut(c, ":")
	return ok && name != "" && rest != "" && lowerAlnum(name) && lowerAlnum(rest[:1])
}

func lowerAlnum(s string) bool {
	for _, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}
