package gohazard_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard"
	"github.com/gohazard/gohazard/passes/testutil"
)

// ownAnalyzers returns gohazard's own analyzers by name.
func ownAnalyzers() map[string]*analysis.Analyzer {
	own := make(map[string]*analysis.Analyzer)
	for _, e := range gohazard.Entries() {
		switch e.Family {
		case gohazard.LeakCheck, gohazard.CtxCheck, gohazard.AllocCheck:
			own[e.Analyzer.Name] = e.Analyzer
		}
	}
	return own
}

// testCase is the case of analyzer a in the testdata module dir: its
// fixes are checked when the module has .golden files.
func testCase(a *analysis.Analyzer, dir ...string) testutil.Case {
	d := filepath.Join(append([]string{"testdata"}, dir...)...)
	return testutil.Case{Analyzer: a, Dir: d, Fixes: hasGolden(d)}
}

// hasGolden reports whether the module in dir, without the modules nested
// in it, has a .golden file.
func hasGolden(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipAll
		}
		if d.IsDir() && path != dir {
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		found = strings.HasSuffix(path, ".golden")
		return nil
	})
	return found
}

// flagsOnly are the analyzers whose testdata/NAME module expects flags
// set: TestAnalyzerFlags checks it. runtimeleak reports only with a
// profile, which its package's tests make.
var flagsOnly = map[string]bool{"timeafterloop": true, "runtimeleak": true}

// defaultCases are the analyzers' testdata with their flags at their
// defaults: each analyzer's testdata/NAME module, and modules that test
// it under other conditions. hotalloc's compiler log and profile, and
// runtimeleak's profiles, are files made by the tests of their packages.
func defaultCases() []testutil.Case {
	own := ownAnalyzers()
	var cases []testutil.Case
	for _, e := range gohazard.Entries() {
		if name := e.Analyzer.Name; own[name] != nil && !flagsOnly[name] {
			cases = append(cases, testCase(e.Analyzer, name))
		}
	}
	return append(cases,
		// Before Go 1.21 there is no max: a count that may be negative is
		// guarded in words, with no fix.
		testCase(own["prealloc"], "prealloc", "go120"),
		// By default files at Go 1.23 or later are not reported; a file
		// whose build constraint sets an older version is.
		testCase(own["timeafterloop"], "timeafterloop", "quiet"),
		// Before Go 1.23 the findings are worded as leaks and no fix is
		// offered, since Reset does not yet discard a stale expiry.
		testCase(own["timeafterloop"], "timeafterloop", "go122"),
		// From Go 1.23 on nothing is reported.
		testCase(own["tickerstop"], "tickerstop", "go126"),
		// A Lock through a call of another package's function, known
		// from its facts.
		testutil.Case{Analyzer: own["doublelock"], Dir: filepath.Join("testdata", "lockfacts"), Patterns: []string{"./callers"}},
	)
}

// TestAnalyzers checks every analyzer against its testdata, all in one
// load (testutil.RunSuite).
func TestAnalyzers(t *testing.T) {
	testutil.RunSuite(t, defaultCases())
}

// TestAnalyzerFlags checks the analyzers' testdata that needs a flag set.
func TestAnalyzerFlags(t *testing.T) {
	own := ownAnalyzers()
	for _, f := range []struct{ analyzer, name string }{
		// Conditional appends and assignments are reported as an upper
		// bound.
		{"prealloc", "conditional"},
		{"mapprealloc", "conditional"},
		// From Go 1.23 the restarted timeout is reported only with
		// -timeafterloop.restart.
		{"timeafterloop", "restart"},
	} {
		flag := own[f.analyzer].Flags.Lookup(f.name)
		old := flag.Value.String()
		if err := flag.Value.Set("true"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { flag.Value.Set(old) })
	}
	testutil.RunSuite(t, []testutil.Case{
		testCase(own["prealloc"], "prealloc", "conditional"),
		testCase(own["mapprealloc"], "mapprealloc", "conditional"),
		testCase(own["timeafterloop"], "timeafterloop"),
	})
}
