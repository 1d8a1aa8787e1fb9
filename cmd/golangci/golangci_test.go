package golangci

import (
	"flag"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard"
	"github.com/gohazard/gohazard/passes/meta"
)

func names(as []*analysis.Analyzer) []string {
	ns := make([]string, 0, len(as))
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	return ns
}

// The plugin registers under the name .golangci.yml uses, and decodes the
// settings golangci-lint hands it (YAML decoded into maps).
func TestRegisteredAndDefaults(t *testing.T) {
	newPlugin, err := register.GetPlugin("gohazard")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"disable": []any{"recvleak"}, "enable": []any{"SA2001", "sendleak"}})
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	got := names(as)
	for _, want := range []string{"heldlock", "sendleak", "deferloop", "ignores", "SA2001"} {
		if !slices.Contains(got, want) {
			t.Errorf("analyzers %v lack %s", got, want)
		}
	}
	for _, not := range []string{"recvleak", "noexit", "printf", "SA1015"} {
		if slices.Contains(got, not) {
			t.Errorf("analyzers %v include %s", got, not)
		}
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	// Every default-on analyzer of gohazard's own families runs by default.
	p, err = newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, _ = p.BuildAnalyzers()
	var want []string
	for _, e := range gohazard.Entries() {
		if e.Default && e.Family != gohazard.Vet && e.Family != gohazard.Staticcheck {
			want = append(want, e.Analyzer.Name)
		}
	}
	if got := names(as); !slices.Equal(got, want) {
		t.Errorf("default analyzers = %v, want %v", got, want)
	}
}

func TestSettingsRejected(t *testing.T) {
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"enabled": []any{"sendleak"}}, `unknown field "enabled"`},
		{map[string]any{"enable": []any{"sendlek"}}, `enable: no analyzer or family named "sendlek"`},
		{map[string]any{"disable": []any{"nosuch"}}, `disable: no analyzer or family named "nosuch"`},
		{map[string]any{"enable": []any{"noexit"}, "disable": []any{"noexit"}}, `"noexit" is both enabled and disabled`},
		{map[string]any{"options": map[string]any{"nosuch": map[string]any{"x": 1}}}, `options: no analyzer named "nosuch"`},
		{map[string]any{"options": map[string]any{"sendleak": map[string]any{"x": 1}}}, `options: sendleak has no option "x"`},
		{map[string]any{"enable": "sendleak"}, `cannot unmarshal string`},
	} {
		_, err := New(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%v) = %v, want an error with %q", tc.settings, err, tc.want)
		}
	}
}

func TestOptions(t *testing.T) {
	var n int
	a := &analysis.Analyzer{Name: "fake", Doc: "fake", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	a.Flags.Init("fake", flag.ContinueOnError)
	a.Flags.IntVar(&n, "limit", 1, "a limit")
	entries := []gohazard.Entry{{Analyzer: a, Info: meta.Info{Family: gohazard.LeakCheck, Default: true}}}

	as, err := choose(entries, []*analysis.Analyzer{a}, Settings{Options: map[string]map[string]any{"fake": {"limit": 7}}})
	if err != nil || n != 7 || len(as) != 1 {
		t.Errorf("choose: %v, limit %d, %d analyzers; want no error, 7, 1", err, n, len(as))
	}
	_, err = choose(entries, []*analysis.Analyzer{a}, Settings{Options: map[string]map[string]any{"fake": {"limit": "many"}}})
	if err == nil || !strings.Contains(err.Error(), "fake.limit") {
		t.Errorf("a bad option value: %v, want an error naming fake.limit", err)
	}
	if _, err := choose(entries, []*analysis.Analyzer{a}, Settings{Disable: []string{"fake"}}); err == nil {
		t.Errorf("disabling every analyzer was accepted")
	}
}

// Families are accepted wherever analyzer names are; a name wins over its
// family.
func TestFamilies(t *testing.T) {
	build := func(s Settings) []string {
		t.Helper()
		as, err := choose(gohazard.Entries(), gohazard.Analyzers(), s)
		if err != nil {
			t.Fatal(err)
		}
		return names(as)
	}
	got := build(Settings{Disable: []string{"ctxcheck"}, Enable: []string{"staticcheck", "ctxdone"}})
	for _, want := range []string{"heldlock", "deferloop", "SA2001", "SA6002", "ctxdone"} {
		if !slices.Contains(got, want) {
			t.Errorf("analyzers %v lack %s", got, want)
		}
	}
	for _, not := range []string{"ctxbackground", "ctxloop", "printf"} {
		if slices.Contains(got, not) {
			t.Errorf("analyzers %v include %s", got, not)
		}
	}
	// allocheck's hotalloc is off by default: enabling the family leaves
	// it off, and brings nothing of vet.
	got = build(Settings{Enable: []string{"allocheck"}, Disable: []string{"leakcheck"}})
	if slices.Contains(got, "hotalloc") || slices.Contains(got, "sendleak") || !slices.Contains(got, "prealloc") {
		t.Errorf("enable allocheck, disable leakcheck: %v", got)
	}
	if _, err := New(map[string]any{"enable": []any{"leakchek"}}); err == nil || !strings.Contains(err.Error(), `no analyzer or family named "leakchek"`) {
		t.Errorf("an unknown family: %v", err)
	}
}

// TestFold checks that related positions go into the one issue's text.
func TestFold(t *testing.T) {
	fset := token.NewFileSet()
	src := "package app\n\nfunc f() {\n\tfor {\n\t\tdefer g()\n\t}\n}\n"
	file := fset.AddFile("/m/app/app.go", -1, len(src))
	file.SetLinesForContent([]byte(src))
	at := func(text string) token.Pos { return file.Pos(strings.Index(src, text)) }
	a := &analysis.Analyzer{Name: "fake", Doc: "fake", Run: func(pass *analysis.Pass) (any, error) {
		pass.Report(analysis.Diagnostic{Pos: at("defer"), Message: "defer in a loop", Related: []analysis.RelatedInformation{
			{Pos: at("for"), Message: "the loop"},
			{Pos: at("g()"), Message: "the call"},
		}})
		pass.Reportf(at("func"), "plain")
		return nil, nil
	}}
	var got []analysis.Diagnostic
	if _, err := fold(a).Run(&analysis.Pass{Fset: fset, Report: func(d analysis.Diagnostic) { got = append(got, d) }}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Message != "defer in a loop (the loop at app.go:4:2; the call at app.go:5:9)" || got[0].Related != nil || got[1].Message != "plain" {
		t.Errorf("folded diagnostics: %+v", got)
	}
}
