package runtimeleak_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/leakcheck/runtimeleak"
	"github.com/gohazard/gohazard/passes/testutil"
)

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := runtimeleak.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

// TestDumps maps dumps taken in other directories (absolute paths of a CI
// checkout, -trimpath) onto the module.
func TestDumps(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "runtimeleak", "dump")
	setFlag(t, "profile", filepath.Join(dir, "profiles"))
	related := make(map[string]string) // diagnostic line -> related positions
	results := analysistest.Run(t, dir, runtimeleak.Analyzer, "./...")
	testutil.CheckDiagnostics(t, results)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			posn := r.Pass.Fset.Position(d.Pos)
			key := fmt.Sprintf("%s:%d", filepath.Base(posn.Filename), posn.Line)
			for _, rel := range d.Related {
				rp := r.Pass.Fset.Position(rel.Pos)
				related[key] += fmt.Sprintf("%s:%d: %s;", filepath.Base(rp.Filename), rp.Line, rel.Message)
			}
			if d.Related == nil {
				related[key] = ""
			}
		}
	}
	want := map[string]string{
		"leaky.go:16": "leaky.go:15: started here;",
		"leaky.go:36": "leaky.go:34: started here;",
		"leaky.go:45": "leaky.go:44: started here;",
		"inner.go:12": "", // started in another package: named in the message
	}
	if !reflect.DeepEqual(related, want) {
		t.Errorf("related positions:\ngot  %q\nwant %q", related, want)
	}
}

// TestRealProfile runs the tests of a module under the goroutineleak
// profile, with leaktest writing it, and maps the profile onto the
// module: a goroutine stranded by an early return, and one blocked in a
// closure started through a function value (which the compiler may
// inline into the test, naming it after the test's package).
func TestRealProfile(t *testing.T) {
	env := "GOEXPERIMENT=goroutineleakprofile"
	check := exec.Command("go", "env", "GOEXPERIMENT")
	check.Env = append(os.Environ(), env)
	if out, err := check.CombinedOutput(); err != nil {
		t.Skipf("the toolchain has no goroutineleakprofile experiment: %s", out)
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "leakprofile"))
	if err != nil {
		t.Fatal(err)
	}
	profiles := t.TempDir()
	test := exec.Command("go", "test", "-count=1", "./...")
	test.Dir = dir
	test.Env = append(os.Environ(), env, "GOHAZARD_LEAKPROFILE="+profiles, "GOWORK=off", "GOPROXY=off")
	out, err := test.CombinedOutput()
	if !strings.Contains(string(out), "leaktest: the tests leaked 2 goroutines") {
		t.Fatalf("go test: %v, want leaktest to find 2 leaked goroutines:\n%s", err, out)
	}
	setFlag(t, "profile", profiles)
	testutil.CheckDiagnostics(t, analysistest.Run(t, dir, runtimeleak.Analyzer, "./..."))
}
