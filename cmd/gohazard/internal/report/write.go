package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Text writes findings as staticcheck does: "file:line:col: message
// (analyzer)", the name that directives such as //nolint:NAME take; each
// related position on its own line with a tab before its message.
func Text(w io.Writer, findings []Finding) error {
	for _, f := range findings {
		if _, err := fmt.Fprintf(w, "%s: %s (%s)\n", pos(f.Pos), f.Message+f.RunTime(), f.Analyzer); err != nil {
			return err
		}
		for _, r := range f.Related {
			if _, err := fmt.Fprintf(w, "%s: \t%s\n", pos(r.Pos), r.Message); err != nil {
				return err
			}
		}
	}
	return nil
}

// pos formats p as go/token does, without an unknown column.
func pos(p Position) string {
	if p.Col == 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// JSON writes one array of findings, with paths relative to root and
// byte columns (0 when unknown).
func JSON(w io.Writer, findings []Finding, root string) error {
	type jsonPos struct {
		File      string `json:"file"`
		Line      int    `json:"line"`
		Column    int    `json:"column"`
		EndLine   int    `json:"end_line"`
		EndColumn int    `json:"end_column"`
	}
	type jsonRelated struct {
		jsonPos
		Message string `json:"message"`
	}
	type jsonEdit struct {
		File  string `json:"file"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		New   string `json:"new"`
	}
	type jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	type jsonFinding struct {
		Analyzer string `json:"analyzer"`
		Severity string `json:"severity"`
		jsonPos
		Message   string        `json:"message"`
		Related   []jsonRelated `json:"related,omitempty"`
		Fixes     []jsonFix     `json:"suggested_fixes,omitempty"`
		Confirmed int           `json:"confirmed,omitempty"`
		Suspected int           `json:"suspected,omitempty"`
	}
	span := func(p, e Position) jsonPos {
		return jsonPos{File: Rel(root, p.File), Line: p.Line, Column: p.Col, EndLine: e.Line, EndColumn: e.Col}
	}
	out := make([]jsonFinding, 0, len(findings))
	for _, f := range findings {
		jf := jsonFinding{Analyzer: f.Analyzer, Severity: f.Severity, jsonPos: span(f.Pos, f.End), Message: f.Message, Confirmed: f.Confirmed, Suspected: f.Suspected}
		for _, r := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{span(r.Pos, r.End), r.Message})
		}
		for _, fix := range f.Fixes {
			jfix := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				jfix.Edits = append(jfix.Edits, jsonEdit{Rel(root, e.File), e.Start, e.End, e.New})
			}
			jf.Fixes = append(jf.Fixes, jfix)
		}
		out = append(out, jf)
	}
	return encode(w, out, "\t")
}

func encode(w io.Writer, v any, indent string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	return enc.Encode(v)
}

// GitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request. Columns are counted in UTF-16
// code units, like the web view's. Related positions are appended to the
// message, one per line.
func GitHub(w io.Writer, findings []Finding, root string) error {
	var src Sources
	for _, f := range findings {
		level := map[string]string{"error": "error", "note": "notice"}[f.Severity]
		if level == "" {
			level = "warning"
		}
		var msg strings.Builder
		msg.WriteString(f.Message + f.RunTime())
		for _, r := range f.Related {
			rel := r.Pos
			rel.File = Rel(root, rel.File)
			msg.WriteString(fmt.Sprintf("\n%s: %s", pos(rel), r.Message))
		}
		props := []string{
			"file=" + escapeProperty(Rel(root, f.Pos.File)),
			fmt.Sprintf("line=%d", f.Pos.Line),
		}
		// An unknown column leaves the annotation on the whole lines.
		if f.Pos.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", src.UTF16Col(f.Pos)))
		}
		props = append(props, fmt.Sprintf("endLine=%d", f.End.Line))
		if f.End.Col > 0 {
			props = append(props, fmt.Sprintf("endColumn=%d", src.UTF16Col(f.End)))
		}
		props = append(props, "title="+escapeProperty("gohazard "+f.Analyzer))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(msg.String())); err != nil {
			return err
		}
	}
	return nil
}

// escapeData and escapeProperty escape as the Actions runner unescapes
// (actions/toolkit, packages/core/src/command.ts).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// RDJSONL writes reviewdog's rdjsonl: one Diagnostic per line, columns in
// bytes as reviewdog counts them, suggested fixes as suggestions.
func RDJSONL(w io.Writer, findings []Finding, root string) error {
	type rdPos struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	}
	type rdRange struct {
		Start rdPos `json:"start"`
		End   rdPos `json:"end"`
	}
	type rdLocation struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	}
	type rdRelated struct {
		Message  string     `json:"message"`
		Location rdLocation `json:"location"`
	}
	type rdSuggestion struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	}
	type rdDiagnostic struct {
		Message  string     `json:"message"`
		Location rdLocation `json:"location"`
		Severity string     `json:"severity"`
		Source   struct {
			Name string `json:"name"`
		} `json:"source"`
		Code struct {
			Value string `json:"value"`
		} `json:"code"`
		Suggestions      []rdSuggestion `json:"suggestions,omitempty"`
		RelatedLocations []rdRelated    `json:"related_locations,omitempty"`
	}
	var src Sources
	rng := func(p, e Position) rdRange {
		return rdRange{rdPos{p.Line, p.Col}, rdPos{e.Line, e.Col}}
	}
	for _, f := range findings {
		d := rdDiagnostic{
			Message:  f.Message + f.RunTime(),
			Location: rdLocation{Rel(root, f.Pos.File), rng(f.Pos, f.End)},
			Severity: map[string]string{"error": "ERROR", "note": "INFO"}[f.Severity],
		}
		if d.Severity == "" {
			d.Severity = "WARNING"
		}
		d.Source.Name = "gohazard"
		d.Code.Value = f.Analyzer
		// reviewdog applies the suggestions of one diagnostic in one
		// file: offer the first fix whose edits all lie in f's file.
		for _, fix := range f.Fixes {
			if !allIn(fix, f.Pos.File) {
				continue
			}
			for _, e := range fix.Edits {
				d.Suggestions = append(d.Suggestions, rdSuggestion{rng(src.Position(e.File, e.Start), src.Position(e.File, e.End)), e.New})
			}
			break
		}
		for _, r := range f.Related {
			d.RelatedLocations = append(d.RelatedLocations, rdRelated{r.Message, rdLocation{Rel(root, r.Pos.File), rng(r.Pos, r.End)}})
		}
		if err := encode(w, d, ""); err != nil {
			return err
		}
	}
	return nil
}

func allIn(fix Fix, file string) bool {
	for _, e := range fix.Edits {
		if e.File != file {
			return false
		}
	}
	return len(fix.Edits) > 0
}
