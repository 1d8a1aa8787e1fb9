package hotalloc_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/pprof/profile"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/allocheck/hotalloc"
	"github.com/gohazard/gohazard/passes/testutil"
)

// With the compiler's log: only what the compiler moves to the heap,
// with its reason. The log is made here, by the go command under test.
func TestCompilerLog(t *testing.T) {
	testCompilerLog(t, "compiler")
}

// A command's log is found too, although the compiler files it under
// "main" rather than the command's import path.
func TestCompilerLogCommand(t *testing.T) {
	testCompilerLog(t, "command")
}

func testCompilerLog(t *testing.T, pkg string) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "hotalloc", pkg))
	if err != nil {
		t.Fatal(err)
	}
	log := t.TempDir()
	build := exec.Command("go", "build", "-o", os.DevNull, "-gcflags=-json=0,"+log, ".")
	build.Dir = dir
	build.Env = append(build.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	f := hotalloc.Analyzer.Flags.Lookup("log")
	if err := f.Value.Set(log); err != nil {
		t.Fatal(err)
	}
	defer f.Value.Set("")
	testutil.CheckDiagnostics(t, analysistest.Run(t, dir, hotalloc.Analyzer, "."))
}

// With a profile: only allocations on lines the profile passes through,
// with their share. The profile is made here: 900 bytes allocated under
// Hot's line 11, 100 under Warm's line 17, none under Cold's.
func TestProfile(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "hotalloc", "profiled"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "profiled.go")
	p := &profile.Profile{SampleType: []*profile.ValueType{{Type: "alloc_space", Unit: "bytes"}}}
	for i, site := range []struct {
		fn    string
		line  int64
		bytes int64
	}{{"Hot", 11, 900}, {"Warm", 17, 100}} {
		fn := &profile.Function{ID: uint64(i + 1), Name: "example.com/profiled." + site.fn, Filename: file}
		loc := &profile.Location{ID: uint64(i + 1), Line: []profile.Line{{Function: fn, Line: site.line}}}
		p.Function = append(p.Function, fn)
		p.Location = append(p.Location, loc)
		p.Sample = append(p.Sample, &profile.Sample{Location: []*profile.Location{loc}, Value: []int64{site.bytes}})
	}
	out := filepath.Join(t.TempDir(), "mem.pprof")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Write(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	flag := hotalloc.Analyzer.Flags.Lookup("profile")
	if err := flag.Value.Set(out); err != nil {
		t.Fatal(err)
	}
	defer flag.Value.Set("")
	testutil.CheckDiagnostics(t, analysistest.Run(t, dir, hotalloc.Analyzer, "."))
}
