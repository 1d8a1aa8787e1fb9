package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestRunTime checks that what gohazard -leakprofile adds to a finding
// shows in every format, and nowhere when it is zero.
func TestRunTime(t *testing.T) {
	findings := []Finding{
		{Analyzer: "sendleak", Severity: "error", Pos: Position{"/m/a.go", 3, 2}, End: Position{"/m/a.go", 3, 9}, Message: "goroutine blocks forever", Confirmed: 2},
		{Analyzer: "recvleak", Severity: "error", Pos: Position{"/m/a.go", 7, 2}, End: Position{"/m/a.go", 7, 9}, Message: "range never ends", Suspected: 1},
		{Analyzer: "deferloop", Severity: "warning", Pos: Position{"/m/a.go", 9, 2}, End: Position{"/m/a.go", 9, 9}, Message: "defer in a loop"},
	}
	for _, c := range []struct {
		format string
		write  func(*bytes.Buffer) error
		want   []string
		not    []string
	}{
		{"text", func(b *bytes.Buffer) error { return Text(b, findings) },
			[]string{"goroutine blocks forever (confirmed at run time: 2) (sendleak)\n", "range never ends (suspected at run time, blocked for long: 1) (recvleak)\n", "defer in a loop (deferloop)\n"}, nil},
		{"json", func(b *bytes.Buffer) error { return JSON(b, findings, "/m") },
			[]string{`"confirmed": 2`, `"suspected": 1`, `"message": "goroutine blocks forever"`}, []string{`"confirmed": 0`, `"suspected": 0`}},
		{"sarif", func(b *bytes.Buffer) error { return SARIF(b, findings, nil, "", "/m") },
			[]string{`"confirmed": 2`, `"suspected": 1`}, []string{`"confirmed": 0`, `"suspected": 0`}},
		{"github", func(b *bytes.Buffer) error { return GitHub(b, findings, "/m") },
			[]string{"::goroutine blocks forever (confirmed at run time: 2)\n"}, nil},
		{"rdjsonl", func(b *bytes.Buffer) error { return RDJSONL(b, findings, "/m") },
			[]string{`"message":"goroutine blocks forever (confirmed at run time: 2)"`}, nil},
	} {
		var b bytes.Buffer
		if err := c.write(&b); err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s output lacks %q:\n%s", c.format, w, b.String())
			}
		}
		for _, w := range c.not {
			if strings.Contains(b.String(), w) {
				t.Errorf("%s output has %q:\n%s", c.format, w, b.String())
			}
		}
		if c.format != "sarif" {
			continue
		}
		var log struct {
			Runs []struct {
				Results []struct {
					Properties map[string]int `json:"properties"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(b.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		var got []map[string]int
		for _, r := range log.Runs[0].Results {
			got = append(got, r.Properties)
		}
		if want := []map[string]int{{"confirmed": 2}, {"suspected": 1}, nil}; !reflect.DeepEqual(got, want) {
			t.Errorf("sarif properties: got %v, want %v", got, want)
		}
	}
}
