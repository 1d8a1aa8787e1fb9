package gohazard_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard"
)

// vetReserved are names go vet gives its own flags.
var vetReserved = []string{"fix", "json", "c", "flags", "tags", "V", "n"}

func TestEveryAnalyzerRegistered(t *testing.T) {
	registered := map[string]gohazard.Entry{}
	for _, e := range gohazard.Entries() {
		registered[e.Analyzer.Name] = e
	}
	for _, family := range []string{gohazard.LeakCheck, gohazard.CtxCheck, gohazard.AllocCheck} {
		dirs, err := os.ReadDir(family)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range dirs {
			if !d.IsDir() {
				continue
			}
			e, ok := registered[d.Name()]
			if !ok {
				t.Errorf("%s/%s is not in the registry", family, d.Name())
				continue
			}
			if e.Family != family {
				t.Errorf("%s is registered in family %s but lives in %s/", d.Name(), e.Family, family)
			}
		}
	}
}

func TestNames(t *testing.T) {
	vet := vetAnalyzers(t)
	ident := regexp.MustCompile(`^[a-z][a-z0-9]*$`)
	seen := map[string]bool{}
	for _, e := range gohazard.Entries() {
		name := e.Analyzer.Name
		if seen[name] {
			t.Errorf("analyzer name %q registered twice", name)
		}
		seen[name] = true
		if !own(e) {
			continue
		}
		if !ident.MatchString(name) {
			t.Errorf("analyzer name %q is not a lowercase identifier", name)
		}
		for _, r := range vetReserved {
			if strings.EqualFold(name, r) {
				t.Errorf("analyzer name %q is reserved by go vet", name)
			}
		}
		if vet[name] {
			t.Errorf("analyzer name %q is one of go vet's analyzers", name)
		}
		for _, f := range []string{gohazard.LeakCheck, gohazard.CtxCheck, gohazard.AllocCheck} {
			if name == f {
				t.Errorf("analyzer name %q is a family name", name)
			}
		}
	}
}

func TestMetadata(t *testing.T) {
	for _, e := range gohazard.Entries() {
		a := e.Analyzer
		summary, _, _ := strings.Cut(a.Doc, "\n")
		if own(e) && (summary == "" || strings.HasSuffix(summary, ".") || strings.ToLower(summary[:1]) != summary[:1]) {
			t.Errorf("%s: one-line summary %q should be lowercase without a final period", a.Name, summary)
		}
		if e.Family == "" || e.Since == "" || e.Severity == "" {
			t.Errorf("%s: incomplete metadata %+v", a.Name, e)
		}
	}
	if err := analysis.Validate(gohazard.Analyzers()); err != nil {
		t.Fatal(err)
	}
}

// own reports whether e is one of gohazard's analyzers rather than a
// bundled one, which keeps its upstream name and doc.
func own(e gohazard.Entry) bool {
	return e.Family != gohazard.Vet && e.Family != gohazard.Staticcheck
}

// TestVetBundled checks that gohazard carries every analyzer of the
// installed go vet, under the same name, so that go vet -vettool=gohazard
// loses none of vet's checks.
func TestVetBundled(t *testing.T) {
	bundled := map[string]bool{}
	for _, e := range gohazard.Entries() {
		if e.Family == gohazard.Vet {
			bundled[e.Analyzer.Name] = true
			if !e.Default {
				t.Errorf("vet's %s is off by default", e.Analyzer.Name)
			}
		}
	}
	for name := range vetAnalyzers(t) {
		if !bundled[name] {
			t.Errorf("go vet's %s is not bundled", name)
		}
		delete(bundled, name)
	}
	for name := range bundled {
		t.Errorf("%s is bundled as a vet analyzer but go vet has no such analyzer", name)
	}
}

// vetAnalyzers returns the names of the installed go vet's analyzers.
func vetAnalyzers(t *testing.T) map[string]bool {
	out, err := exec.Command("go", "tool", "vet", "help").Output()
	if err != nil {
		t.Fatalf("go tool vet help: %v", err)
	}
	_, list, ok := strings.Cut(string(out), "Registered analyzers:")
	if !ok {
		t.Fatalf("unexpected go tool vet help output:\n%s", out)
	}
	names := map[string]bool{}
	// The list is the first paragraph of indented lines.
	for line := range strings.SplitSeq(strings.TrimLeft(list, "\n"), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || !strings.HasPrefix(line, "    ") {
			break
		}
		names[f[0]] = true
	}
	if !names["printf"] || !names["lostcancel"] {
		t.Fatalf("could not read go vet's analyzers from:\n%s", out)
	}
	return names
}

// TestEveryAnalyzerTested checks that each of gohazard's own analyzers
// has its testdata/NAME module, which TestAnalyzers or TestAnalyzerFlags
// checks (testutil.RunSuite holds each message's lead to
// testutil.MaxLead characters, with CheckDiagnostics), or else tests of
// its package that call testutil.CheckDiagnostics.
func TestEveryAnalyzerTested(t *testing.T) {
	for _, e := range gohazard.Entries() {
		switch e.Family {
		case gohazard.LeakCheck, gohazard.CtxCheck, gohazard.AllocCheck:
			name := e.Analyzer.Name
			if _, err := os.Stat(filepath.Join("testdata", name, "go.mod")); err != nil && !callsCheckDiagnostics(t, filepath.Join(e.Family, name)) {
				t.Errorf("%s has no testdata/%s module, and its tests do not call testutil.CheckDiagnostics", name, name)
			}
		}
	}
}

// callsCheckDiagnostics reports whether a test file of dir calls
// testutil.CheckDiagnostics.
func callsCheckDiagnostics(t *testing.T, dir string) bool {
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, name := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "CheckDiagnostics" {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "testutil" {
					found = true
				}
			}
			return !found
		})
	}
	return found
}
