package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

// A Rule describes an analyzer for SARIF.
type Rule struct {
	ID       string
	Doc      string // the analyzer's Doc: first line, blank line, details
	Severity string // error, warning or note
}

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning: one run, a
// rule per analyzer, artifact URIs relative to root (the %SRCROOT% base,
// the repository's checkout), columns in UTF-16 code units, related
// locations linked from the message (code scanning shows only those),
// fingerprints that survive edits elsewhere in the file, and fixes as
// byte-range replacements.
func SARIF(w io.Writer, findings []Finding, rules []Rule, version, root string) error {
	type message struct {
		Text string `json:"text"`
	}
	type artifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	type region struct {
		StartLine   int `json:"startLine,omitempty"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	type physicalLocation struct {
		ArtifactLocation artifactLocation `json:"artifactLocation"`
		Region           region           `json:"region"`
	}
	type location struct {
		ID               *int             `json:"id,omitempty"`
		PhysicalLocation physicalLocation `json:"physicalLocation"`
		Message          *message         `json:"message,omitempty"`
	}
	type byteRegion struct {
		ByteOffset int `json:"byteOffset"`
		ByteLength int `json:"byteLength"`
	}
	type replacement struct {
		DeletedRegion   byteRegion `json:"deletedRegion"`
		InsertedContent message    `json:"insertedContent"`
	}
	type artifactChange struct {
		ArtifactLocation artifactLocation `json:"artifactLocation"`
		Replacements     []replacement    `json:"replacements"`
	}
	type fix struct {
		Description     message          `json:"description"`
		ArtifactChanges []artifactChange `json:"artifactChanges"`
	}
	// runTime is what gohazard -leakprofile adds to a result: how many
	// goroutines a run showed leaked, or blocked for long, there.
	type runTime struct {
		Confirmed int `json:"confirmed,omitempty"`
		Suspected int `json:"suspected,omitempty"`
	}
	type result struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             message           `json:"message"`
		Locations           []location        `json:"locations"`
		RelatedLocations    []location        `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Fixes               []fix             `json:"fixes,omitempty"`
		Properties          *runTime          `json:"properties,omitempty"`
	}
	type configuration struct {
		Level string `json:"level"`
	}
	type rule struct {
		ID                   string        `json:"id"`
		Name                 string        `json:"name"`
		ShortDescription     message       `json:"shortDescription"`
		FullDescription      message       `json:"fullDescription"`
		Help                 message       `json:"help"`
		DefaultConfiguration configuration `json:"defaultConfiguration"`
	}
	type driver struct {
		Name           string `json:"name"`
		Version        string `json:"version,omitempty"`
		InformationURI string `json:"informationUri"`
		Rules          []rule `json:"rules"`
	}
	type run struct {
		Tool struct {
			Driver driver `json:"driver"`
		} `json:"tool"`
		ColumnKind string   `json:"columnKind"`
		Results    []result `json:"results"`
	}
	type log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []run  `json:"runs"`
	}

	var src Sources
	artifact := func(file string) artifactLocation {
		rel := Rel(root, file)
		if strings.HasPrefix(rel, "/") {
			return artifactLocation{URI: "file://" + rel}
		}
		return artifactLocation{URI: rel, URIBaseID: "%SRCROOT%"}
	}
	physical := func(p, e Position) physicalLocation {
		return physicalLocation{artifact(p.File), region{p.Line, src.UTF16Col(p), e.Line, src.UTF16Col(e)}}
	}

	var r run
	r.Tool.Driver = driver{Name: "gohazard", Version: version, InformationURI: "https://github.com/gohazard/gohazard"}
	r.ColumnKind = "utf16CodeUnits"
	index := make(map[string]int, len(rules))
	for i, ru := range rules {
		index[ru.ID] = i
		short, _, _ := strings.Cut(strings.TrimSpace(ru.Doc), "\n")
		r.Tool.Driver.Rules = append(r.Tool.Driver.Rules, rule{
			ID:                   ru.ID,
			Name:                 ru.ID,
			ShortDescription:     message{short},
			FullDescription:      message{strings.TrimSpace(ru.Doc)},
			Help:                 message{strings.TrimSpace(ru.Doc) + "\n\nRun \"gohazard help " + ru.ID + "\" for the analyzer's flags."},
			DefaultConfiguration: configuration{level(ru.Severity)},
		})
	}
	r.Results = []result{}
	seen := make(map[string]int)
	for _, f := range findings {
		res := result{
			RuleID:    f.Analyzer,
			RuleIndex: index[f.Analyzer],
			Level:     level(f.Severity),
			Message:   message{linkedMessage(f)},
			Locations: []location{{PhysicalLocation: physical(f.Pos, f.End)}},
		}
		if f.Confirmed > 0 || f.Suspected > 0 {
			res.Properties = &runTime{f.Confirmed, f.Suspected}
		}
		for i, rel := range f.Related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, location{ID: &id, PhysicalLocation: physical(rel.Pos, rel.End), Message: &message{rel.Message}})
		}
		fp := fingerprint(f, artifact(f.Pos.File).URI, src.line(f.Pos.File, f.Pos.Line))
		seen[fp]++
		res.PartialFingerprints = map[string]string{"gohazard/v1": fmt.Sprintf("%s:%d", fp, seen[fp])}
		for _, fx := range f.Fixes {
			var changes []artifactChange
			for _, e := range fx.Edits {
				rep := replacement{byteRegion{e.Start, e.End - e.Start}, message{e.New}}
				if n := len(changes); n > 0 && changes[n-1].ArtifactLocation == artifact(e.File) {
					changes[n-1].Replacements = append(changes[n-1].Replacements, rep)
				} else {
					changes = append(changes, artifactChange{artifact(e.File), []replacement{rep}})
				}
			}
			res.Fixes = append(res.Fixes, fix{message{fx.Message}, changes})
		}
		r.Results = append(r.Results, res)
	}
	return encode(w, log{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []run{r}}, "  ")
}

func level(severity string) string {
	switch severity {
	case "error", "note":
		return severity
	}
	return "warning"
}

// linkedMessage is f's message with a link to each related location, as
// SARIF's embedded links "[text](id)" write them; brackets and
// backslashes of the text are escaped.
func linkedMessage(f Finding) string {
	if len(f.Related) == 0 {
		return f.Message
	}
	esc := strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`)
	var b strings.Builder
	b.WriteString(esc.Replace(f.Message))
	for i, r := range f.Related {
		sep := "; "
		if i == 0 {
			sep = " ("
		}
		fmt.Fprintf(&b, "%s[%s](%d)", sep, esc.Replace(r.Message), i+1)
	}
	b.WriteString(")")
	return b.String()
}

// fingerprint identifies a finding by what does not move when lines are
// added elsewhere: its analyzer, file, message and the text of its line
// with blanks dropped. Findings alike within one file are told apart by
// their order (the count SARIF appends after a colon).
func fingerprint(f Finding, uri, line string) string {
	h := sha256.New()
	for _, s := range []string{f.Analyzer, uri, f.Message, strings.Join(strings.Fields(line), "")} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
