// Package testutil holds helpers for gohazard's analyzer tests.
package testutil

import (
	"encoding/json"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// GoldenCompiles checks that the testdata module in dir still builds
// once every file that has a .golden counterpart is replaced by it: a
// suggested fix must produce code that compiles, and analysistest only
// compares text. The files are replaced by an overlay, in place, so that
// code that compiled once is not compiled again.
func GoldenCompiles(t *testing.T, dir string) {
	t.Helper()
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	replace := make(map[string]string)
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".golden") {
			replace[strings.TrimSuffix(path, ".golden")] = path
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(replace) == 0 {
		t.Fatalf("no .golden files under %s", dir)
	}
	overlay, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "overlay.json")
	if err := os.WriteFile(file, overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-overlay="+file, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("fixed code in %s does not build: %v\n%s", dir, err, out)
	}
}

// BuildSSA type-checks src, the source of one file of package p that
// imports only the standard library, and returns its SSA form, for unit
// tests of the SSA helpers in passes/.
func BuildSSA(t *testing.T, src string) *ssa.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset,
		types.NewPackage("p", ""), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// MaxLead is the longest a diagnostic's lead may be: what a reader sees
// first names the hazard and its consequence; the reasoning and the fix
// go to related positions and the analyzer's documentation.
const MaxLead = 100

// Lead returns the first sentence of a diagnostic message: up to the
// first ": " that starts its reasoning, or the whole message.
func Lead(msg string) string {
	lead, _, _ := strings.Cut(msg, ": ")
	return lead
}

// CheckDiagnostics checks what analysistest does not in the diagnostics
// of results, as analysistest.Run returns them: each message's lead is at
// most MaxLead characters and the message ends without a period (it may
// start with a capital: an identifier, such as Wait or Lock); and the
// related positions match the testdata's "// related:" comments (see
// relatedWants).
func CheckDiagnostics(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	relatedWants(t, results)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			pos := r.Pass.Fset.Position(d.Pos)
			if lead := Lead(d.Message); len(lead) > MaxLead {
				t.Errorf("%s: the lead of %q is %d characters long, more than %d", pos, d.Message, len(lead), MaxLead)
			}
			if d.Message == "" || strings.HasSuffix(d.Message, ".") {
				t.Errorf("%s: message %q is empty or ends with a period", pos, d.Message)
			}
		}
	}
}

// relatedWants checks the related positions of the diagnostics in
// results: a comment
//
//	// related: REGEXP
//
// on the line before a diagnostic's asks for one of its related
// positions to have a message that REGEXP matches.
func relatedWants(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	related := map[token.Position][]string{} // diagnostic line -> related messages
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			key := token.Position{Filename: p.Filename, Line: p.Line}
			for _, rel := range d.Related {
				related[key] = append(related[key], rel.Message)
			}
		}
	}
	seen := map[token.Position]bool{}
	for _, r := range results {
		for _, f := range r.Pass.Files {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					pattern, ok := strings.CutPrefix(c.Text, "// related: ")
					if !ok {
						continue
					}
					p := r.Pass.Fset.Position(c.Pos())
					if seen[p] {
						continue
					}
					seen[p] = true
					re, err := regexp.Compile(pattern)
					if err != nil {
						t.Errorf("%s: %v", p, err)
						continue
					}
					key := token.Position{Filename: p.Filename, Line: p.Line + 1}
					if !slices.ContainsFunc(related[key], re.MatchString) {
						t.Errorf("%s: no related position of a diagnostic on the next line matches %q; got %q", p, pattern, related[key])
					}
				}
			}
		}
	}
}
