package hotalloc_test

import (
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gohazard/gohazard/allocheck/hotalloc"
)

// Without the compiler's log: what go/ssa allocates in loops.
func TestSSA(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "hotalloc"), hotalloc.Analyzer, ".")
}

// With the compiler's log: only what the compiler moves to the heap,
// with its reason. The log is made here, by the go command under test.
func TestCompilerLog(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "hotalloc", "compiler"))
	if err != nil {
		t.Fatal(err)
	}
	log := t.TempDir()
	build := exec.Command("go", "build", "-gcflags=-json=0,"+log, ".")
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
	analysistest.Run(t, dir, hotalloc.Analyzer, ".")
}
