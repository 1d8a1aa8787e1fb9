package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tree := `{
	"example.com/p": {
		"deferloop": [{"posn": "/m/p/a:b.go:3:2", "end": "/m/p/a:b.go:3:9", "message": "second"},
		              {"posn": "/m/p/a:b.go:1:5", "end": "", "message": "first",
		               "related": [{"posn": "/m/p/a:b.go:1:1", "end": "/m/p/a:b.go:1:1", "message": "the loop"}]}],
		"buildssa": {"error": "failed prerequisites: ctrlflow@example.com/p"}
	},
	"example.com/p [example.com/p.test]": {
		"deferloop": [{"posn": "/m/p/a:b.go:1:5", "end": "", "message": "first",
		               "related": [{"posn": "/m/p/a:b.go:1:1", "end": "/m/p/a:b.go:1:1", "message": "the loop"}]}],
		"sendleak": {"error": "panic: boom"}
	}}`
	findings, errs, err := Parse([]byte(tree), func(string) string { return "warning" })
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) != 2 || findings[0].Message != "first" || findings[1].Message != "second" {
		t.Fatalf("findings = %+v; want first, second, deduplicated across variants", findings)
	}
	if f := findings[0]; f.Pos != (Position{"/m/p/a:b.go", 1, 5}) || f.End != f.Pos || len(f.Related) != 1 {
		t.Errorf("first = %+v", f)
	}
	if len(errs) != 1 || errs[0].Analyzer != "sendleak" {
		t.Errorf("errs = %+v; want only sendleak's (prerequisite failures repeat the package's errors)", errs)
	}
	if _, _, err := Parse([]byte(`{"p": {"a": [{"posn": "nowhere"}]}}`), func(string) string { return "" }); err == nil {
		t.Errorf("a malformed position was accepted")
	}
}

func TestColumnsAndOffsets(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.go")
	src := "package x\n\t/* é€😀 */ x\nend"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var s Sources
	x := strings.LastIndex(src, " x\n") + 1 - len("package x\n")
	if got := s.UTF16Col(Position{file, 2, x + 1}); got != 13 {
		t.Errorf("UTF-16 column of x = %d, want 13 (tab, 3, é, €, 2 for 😀, 4)", got)
	}
	if got := s.UTF16Col(Position{file, 1, 3}); got != 3 {
		t.Errorf("ASCII column = %d, want 3", got)
	}
	if got := s.Position(file, strings.Index(src, "end")); got != (Position{file, 3, 1}) {
		t.Errorf("Position of end = %+v, want line 3 col 1", got)
	}
	if got := s.Position(file, len("package x\n")); got != (Position{file, 2, 1}) {
		t.Errorf("Position of line 2 = %+v, want line 2 col 1", got)
	}
}

func TestEscapes(t *testing.T) {
	if got := escapeData("50% done\r\nnext: a, b"); got != "50%25 done%0D%0Anext: a, b" {
		t.Errorf("escapeData = %q", got)
	}
	if got := escapeProperty("a:b,c%\n"); got != "a%3Ab%2Cc%25%0A" {
		t.Errorf("escapeProperty = %q", got)
	}
}

func TestRel(t *testing.T) {
	if got := Rel("/repo", "/repo/a/b.go"); got != "a/b.go" {
		t.Errorf("Rel inside = %q", got)
	}
	if got := Rel("/repo", "/elsewhere/b.go"); got != "/elsewhere/b.go" {
		t.Errorf("Rel outside = %q", got)
	}
}

func TestParsePosition(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Position
	}{
		{"/m/p/a.go:3:2", Position{"/m/p/a.go", 3, 2}},
		{"/m/p/a:b.go:3:2", Position{"/m/p/a:b.go", 3, 2}},
		// After a //line directive without a column, go/token prints none.
		{"/m/p/page.tmpl:101", Position{"/m/p/page.tmpl", 101, 0}},
		{`C:\p\page.tmpl:101`, Position{`C:\p\page.tmpl`, 101, 0}},
		{`C:\p\a.go:7:1`, Position{`C:\p\a.go`, 7, 1}},
	} {
		got, err := parsePosition(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("parsePosition(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"nowhere", "a.go:x", "a.go:1:x", ""} {
		if p, err := parsePosition(bad); err == nil {
			t.Errorf("parsePosition(%q) = %+v, want an error", bad, p)
		}
	}
}

func TestText(t *testing.T) {
	var b strings.Builder
	err := Text(&b, []Finding{{
		Analyzer: "deferloop",
		Pos:      Position{"a.go", 3, 2},
		Message:  "defer in a loop",
		Related:  []Related{{Pos: Position{"a.go", 1, 1}, Message: "the loop"}},
	}, {
		Analyzer: "stringsbuilder",
		Pos:      Position{"page.tmpl", 15, 0},
		Message:  "string += string",
	}})
	want := "a.go:3:2: defer in a loop (deferloop)\na.go:1:1: \tthe loop\npage.tmpl:15: string += string (stringsbuilder)\n"
	if err != nil || b.String() != want {
		t.Errorf("Text = %q, %v; want %q", b.String(), err, want)
	}
}

func TestLinkedMessage(t *testing.T) {
	f := Finding{Message: `s[i] grows \ here`, Related: []Related{{Message: "the loop"}, {Message: "filled [here]"}}}
	want := `s\[i\] grows \\ here ([the loop](1); [filled \[here\]](2))`
	if got := linkedMessage(f); got != want {
		t.Errorf("linkedMessage = %q, want %q", got, want)
	}
	if got := linkedMessage(Finding{Message: "a [b]"}); got != "a [b]" {
		t.Errorf("a message without related locations changed: %q", got)
	}
}

func TestFingerprint(t *testing.T) {
	f := Finding{Analyzer: "deferloop", Message: "defer in a loop"}
	a := fingerprint(f, "a.go", "\t\tdefer f.Close()\n")
	if b := fingerprint(f, "a.go", "  defer  f.Close()"); a != b {
		t.Errorf("the fingerprint depends on indentation: %s, %s", a, b)
	}
	g := f
	g.Analyzer = "sendleak"
	for _, other := range []string{
		fingerprint(f, "b.go", "defer f.Close()"),
		fingerprint(f, "a.go", "defer g.Close()"),
		fingerprint(g, "a.go", "defer f.Close()"),
	} {
		if other == a {
			t.Errorf("different findings share the fingerprint %s", a)
		}
	}
}
