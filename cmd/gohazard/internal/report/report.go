// Package report turns the findings of a gohazard run into the output
// formats CI systems read: text (like go vet), JSON, SARIF 2.1.0 for code
// scanning, GitHub workflow commands and reviewdog's rdjsonl.
//
// Findings come from the JSON tree the x/tools checker prints with -json,
// so that the analysis itself stays the multichecker's.
package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// Formats lists the output formats, the default first.
var Formats = []string{"text", "json", "sarif", "github", "rdjsonl"}

// A Position is a place in a file: a 1-based line and a 1-based column
// counted in bytes, as go/token counts them; the column is 0 when unknown
// (after a //line directive that gives none).
type Position struct {
	File string
	Line int
	Col  int
}

// A Finding is one diagnostic of one analyzer.
type Finding struct {
	Analyzer string
	Severity string // error, warning or note
	Pos, End Position
	Message  string
	Related  []Related
	Fixes    []Fix
	// Confirmed counts the goroutines a goroutineleak profile shows
	// leaked where the finding says they block or start; Suspected those
	// a goroutine dump shows blocked there for long (gohazard
	// -leakprofile).
	Confirmed, Suspected int
}

// RunTime describes what a run of the program showed of the finding,
// "" if nothing: " (confirmed at run time: 2)".
func (f Finding) RunTime() string {
	var s string
	if f.Confirmed > 0 {
		s += fmt.Sprintf(" (confirmed at run time: %d)", f.Confirmed)
	}
	if f.Suspected > 0 {
		s += fmt.Sprintf(" (suspected at run time, blocked for long: %d)", f.Suspected)
	}
	return s
}

// Related is a secondary position of a finding.
type Related struct {
	Pos, End Position
	Message  string
}

// A Fix is a suggested fix: edits applied together.
type Fix struct {
	Message string
	Edits   []Edit
}

// An Edit replaces the bytes [Start, End) of File with New.
type Edit struct {
	File       string
	Start, End int
	New        string
}

// An Error is a package or analyzer that could not be analysed.
type Error struct {
	Package, Analyzer, Err string
}

// Parse reads the checker's JSON tree (package ID -> analyzer -> list of
// diagnostics or {"error": ...}). A finding reported for a package and
// its test variant is kept once; findings are sorted by position. Errors
// that only repeat an error already printed for the package ("analysis
// skipped due to errors in package", "failed prerequisites") are dropped.
func Parse(data []byte, severity func(analyzer string) string) ([]Finding, []Error, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, nil, fmt.Errorf("reading the checker's JSON output: %v", err)
	}
	var findings []Finding
	var errs []Error
	seen := make(map[string]bool)
	for pkg, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			var failed struct {
				Err string `json:"error"`
			}
			if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
				if err := json.Unmarshal(raw, &failed); err != nil {
					return nil, nil, err
				}
				if !consequential(failed.Err) {
					errs = append(errs, Error{Package: pkg, Analyzer: analyzer, Err: failed.Err})
				}
				continue
			}
			var diags []JSONDiagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				return nil, nil, err
			}
			for _, d := range diags {
				f, err := d.finding(analyzer, severity(analyzer))
				if err != nil {
					return nil, nil, err
				}
				key := fmt.Sprint(analyzer, f.Pos, f.End, f.Message)
				if !seen[key] {
					seen[key] = true
					findings = append(findings, f)
				}
			}
		}
	}
	slices.SortFunc(findings, func(a, b Finding) int {
		return cmp.Or(
			strings.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			strings.Compare(a.Analyzer, b.Analyzer),
			strings.Compare(a.Message, b.Message))
	})
	slices.SortFunc(errs, func(a, b Error) int {
		return cmp.Or(strings.Compare(a.Package, b.Package), strings.Compare(a.Analyzer, b.Analyzer))
	})
	return findings, errs, nil
}

// consequential reports whether an analyzer's error only follows from
// errors in the package, which the checker prints once by itself.
func consequential(err string) bool {
	return strings.HasPrefix(err, "failed prerequisites") || strings.HasPrefix(err, "analysis skipped due to errors in package")
}

// The checker's JSON schema (x/tools internal/analysis/driverutil).
type (
	// JSONDiagnostic is one diagnostic in the checker's JSON tree.
	JSONDiagnostic struct {
		Category       string            `json:"category,omitempty"`
		Posn           string            `json:"posn"`
		End            string            `json:"end"`
		Message        string            `json:"message"`
		SuggestedFixes []JSONFix         `json:"suggested_fixes,omitempty"`
		Related        []JSONRelatedInfo `json:"related,omitempty"`
	}
	JSONFix struct {
		Message string     `json:"message"`
		Edits   []JSONEdit `json:"edits"`
	}
	JSONEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	JSONRelatedInfo struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
)

// Encode converts d as the checker does for its JSON tree: positions
// after //line directives, edits at byte offsets of the file they name.
func Encode(fset *token.FileSet, d analysis.Diagnostic) JSONDiagnostic {
	j := JSONDiagnostic{
		Category: d.Category,
		Posn:     fset.Position(d.Pos).String(),
		End:      fset.Position(cmp.Or(d.End, d.Pos)).String(),
		Message:  d.Message,
	}
	for _, fix := range d.SuggestedFixes {
		jf := JSONFix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			jf.Edits = append(jf.Edits, JSONEdit{
				Filename: fset.Position(e.Pos).Filename,
				Start:    fset.Position(e.Pos).Offset,
				End:      fset.Position(e.End).Offset,
				New:      string(e.NewText),
			})
		}
		j.SuggestedFixes = append(j.SuggestedFixes, jf)
	}
	for _, r := range d.Related {
		j.Related = append(j.Related, JSONRelatedInfo{
			Posn:    fset.Position(r.Pos).String(),
			End:     fset.Position(cmp.Or(r.End, r.Pos)).String(),
			Message: r.Message,
		})
	}
	return j
}

func (d JSONDiagnostic) finding(analyzer, severity string) (Finding, error) {
	f := Finding{Analyzer: analyzer, Severity: severity, Message: d.Message}
	var err error
	if f.Pos, f.End, err = span(d.Posn, d.End); err != nil {
		return f, err
	}
	for _, r := range d.Related {
		rel := Related{Message: r.Message}
		if rel.Pos, rel.End, err = span(r.Posn, r.End); err != nil {
			return f, err
		}
		f.Related = append(f.Related, rel)
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.Edits {
			fix.Edits = append(fix.Edits, Edit{File: e.Filename, Start: e.Start, End: e.End, New: e.New})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f, nil
}

func span(posn, end string) (Position, Position, error) {
	p, err := parsePosition(posn)
	if err != nil {
		return p, p, err
	}
	e, err := parsePosition(cmp.Or(end, posn))
	if err != nil || e.File != p.File {
		e = p
	}
	return p, e, nil
}

// parsePosition parses "file:line:col" or, after a //line directive
// without a column, "file:line" (col 0); the file may contain colons.
func parsePosition(s string) (Position, error) {
	rest, last, ok := cutLast(s)
	n, err := strconv.Atoi(last)
	if !ok || err != nil {
		return Position{}, fmt.Errorf("malformed position %q", s)
	}
	file, lineStr, ok := cutLast(rest)
	if line, err := strconv.Atoi(lineStr); ok && err == nil {
		return Position{File: file, Line: line, Col: n}, nil
	}
	return Position{File: rest, Line: n}, nil
}

func cutLast(s string) (string, string, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

// Sources reads files once, to convert byte columns and offsets into the
// units each format wants.
type Sources struct {
	files map[string][]string
}

func (s *Sources) line(file string, n int) string {
	if s.files == nil {
		s.files = make(map[string][]string)
	}
	lines, ok := s.files[file]
	if !ok {
		data, _ := os.ReadFile(file)
		lines = strings.SplitAfter(string(data), "\n")
		s.files[file] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// UTF16Col converts p's byte column into a column counted in UTF-16 code
// units (SARIF's default columnKind), which differs after non-ASCII text;
// an unknown column stays 0.
func (s *Sources) UTF16Col(p Position) int {
	if p.Col == 0 {
		return 0
	}
	line := s.line(p.File, p.Line)
	prefix := line[:min(max(p.Col-1, 0), len(line))]
	n := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRuneInString(prefix)
		prefix = prefix[size:]
		n += len(utf16.Encode([]rune{r}))
	}
	// Columns past the end of the line (an end position after the
	// newline) keep their excess.
	return n + 1 + max(p.Col-1-len(line), 0)
}

// Position converts a byte offset in file into a line and byte column.
func (s *Sources) Position(file string, offset int) Position {
	s.line(file, 1)
	lines := s.files[file]
	for i, l := range lines {
		if offset <= len(l) && (offset < len(l) || i == len(lines)-1) {
			return Position{File: file, Line: i + 1, Col: offset + 1}
		}
		offset -= len(l)
	}
	return Position{File: file, Line: len(lines), Col: 1}
}

// Rel returns file relative to root with forward slashes, or file itself
// when it lies outside root.
func Rel(root, file string) string {
	rel, err := filepath.Rel(root, file)
	if err != nil || !filepath.IsLocal(rel) {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}
