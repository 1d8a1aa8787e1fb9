package testutil

import (
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// A Case is what analysistest.Run or RunWithSuggestedFixes checks for one
// analyzer: its diagnostics in the packages Patterns name (go list
// patterns relative to Dir, a testdata module; "./..." if none) against
// their "// want" comments, and, with Fixes, its suggested fixes against
// the .golden files. CheckDiagnostics checks the diagnostics too, and
// GoldenCompiles the fixed code.
type Case struct {
	Analyzer *analysis.Analyzer
	Dir      string
	Patterns []string
	Fixes    bool
}

// RunSuite checks cases as analysistest would one by one, in one load: a
// test of its own loads the standard library from source for each
// analyzer, since they have facts, and that load is most of what a test
// costs. The cases' modules are loaded together (a workspace), and a
// single analyzer, run by analysistest, reports on each package what its
// case's analyzer reported there. Every analyzer runs on the packages of
// every case, so each also meets the other cases' code, but only its own
// case's findings are checked. No two cases may share a module directory;
// analyzer flags are the caller's to set.
func RunSuite(t *testing.T, cases []Case) {
	t.Helper()
	// Workspaces refuse -mod=mod, which CI sets for the module mode.
	var flags []string
	for f := range strings.FieldsSeq(os.Getenv("GOFLAGS")) {
		if !strings.HasPrefix(f, "-mod=") {
			flags = append(flags, f)
		}
	}
	t.Setenv("GOFLAGS", strings.Join(flags, " "))

	root := t.TempDir()
	owners := map[string]*Case{}
	// owner returns the case whose module holds the package: the deepest
	// case directory above its files.
	owner := func(pass *analysis.Pass) *Case {
		if len(pass.Files) == 0 {
			return nil
		}
		dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
		for ; ; dir = filepath.Dir(dir) {
			if c := owners[dir]; c != nil {
				return c
			}
			if dir == filepath.Dir(dir) {
				return nil
			}
		}
	}
	capturing := map[*analysis.Analyzer]*analysis.Analyzer{}
	var requires []*analysis.Analyzer
	var patterns []string
	fixes := false
	for i := range cases {
		c := &cases[i]
		dir, err := filepath.Abs(c.Dir)
		if err != nil {
			t.Fatal(err)
		}
		if owners[dir] != nil {
			t.Fatalf("two cases in %s", dir)
		}
		owners[dir] = c
		if capturing[c.Analyzer] == nil {
			capturing[c.Analyzer] = capture(c.Analyzer, func(pass *analysis.Pass) bool { return owner(pass) != nil })
			requires = append(requires, capturing[c.Analyzer])
			if len(c.Analyzer.FactTypes) > 1 {
				t.Fatalf("%s has more than one fact type: an object's facts would be one", c.Analyzer.Name)
			}
		}
		pats := c.Patterns
		if len(pats) == 0 {
			pats = []string{"./..."}
		}
		for _, p := range pats {
			patterns = append(patterns, filepath.Join(dir, p))
		}
		fixes = fixes || c.Fixes
	}
	dirs := slices.Sorted(func(yield func(string) bool) {
		for dir := range owners {
			if !yield(dir) {
				return
			}
		}
	})
	work := "go 1.26\n\nuse (\n\t.\n\t" + strings.Join(dirs, "\n\t") + "\n)\n"
	if err := os.WriteFile(filepath.Join(root, "go.work"), []byte(work), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module suite\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	suite := &analysis.Analyzer{
		Name:      "suite",
		Doc:       "report what each case's analyzer reports in its own module",
		Requires:  requires,
		FactTypes: []analysis.Fact{new(suiteFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			c := owner(pass)
			if c == nil {
				return nil, nil
			}
			res := pass.ResultOf[capturing[c.Analyzer]].(*captured)
			for _, d := range res.diags {
				if !c.Fixes {
					d.SuggestedFixes = nil // Run, not RunWithSuggestedFixes
				}
				pass.Report(d)
			}
			for _, f := range res.objFacts {
				pass.ExportObjectFact(f.Object, &suiteFact{fmt.Sprint(f.Fact)})
			}
			for _, f := range res.pkgFacts {
				pass.ExportPackageFact(&suiteFact{fmt.Sprint(f)})
			}
			return nil, nil
		},
	}
	var results []*analysistest.Result
	if fixes {
		results = analysistest.RunWithSuggestedFixes(t, root, suite, patterns...)
	} else {
		results = analysistest.Run(t, root, suite, patterns...)
	}
	CheckDiagnostics(t, results)
	for _, c := range cases {
		if c.Fixes {
			GoldenCompiles(t, c.Dir)
		}
	}
}

// suiteFact is a fact of a case's analyzer as the suite exports it, for
// analysistest to check: a fact type belongs to one analyzer, and
// analysistest checks the facts of the analyzer it runs, by their text.
type suiteFact struct{ Text string }

func (*suiteFact) AFact()           {}
func (f *suiteFact) String() string { return f.Text }

// captured is what an analyzer reported on a package and the facts it
// exported about the package and its objects.
type captured struct {
	diags    []analysis.Diagnostic
	objFacts []analysis.ObjectFact
	pkgFacts []analysis.Fact
}

// capture returns a copy of a whose result is what a reports and exports
// on a package of a case (on any other package, it only exports its
// facts). The copy's pass is a's own otherwise: a sees itself as
// pass.Analyzer.
func capture(a *analysis.Analyzer, inCase func(*analysis.Pass) bool) *analysis.Analyzer {
	c := *a
	c.ResultType = reflect.TypeFor[*captured]()
	c.Run = func(pass *analysis.Pass) (any, error) {
		res := new(captured)
		if len(a.FactTypes) == 0 && !inCase(pass) {
			return res, nil
		}
		p := *pass
		p.Analyzer = a
		p.Report = func(d analysis.Diagnostic) { res.diags = append(res.diags, d) }
		p.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
			pass.ExportObjectFact(obj, f)
			res.objFacts = append(res.objFacts, analysis.ObjectFact{Object: obj, Fact: f})
		}
		p.ExportPackageFact = func(f analysis.Fact) {
			pass.ExportPackageFact(f)
			res.pkgFacts = append(res.pkgFacts, f)
		}
		_, err := a.Run(&p)
		return res, err
	}
	return &c
}
