package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestInterruptedRun is go vet's lost findings: a run whose reader stops
// early (gohazard ./... | head -1) must not leave a cache entry that
// hides the findings from the next run. A fresh flag value makes the
// interrupted run the first one for its cache key.
func TestInterruptedRun(t *testing.T) {
	t.Parallel()
	fresh := fmt.Sprintf("-printf.funcs=interrupted%d", time.Now().UnixNano())
	head, _ := run(t, "sh", "-c", bin+" "+fresh+" ./service 2>&1 | head -1")
	if strings.Count(head, "\n") != 1 {
		t.Fatalf("interrupted run printed %q, want one line", head)
	}
	want, _ := run(t, bin, "./service")
	got, code := run(t, bin, fresh, "./service")
	if code != 3 || got != want || !strings.Contains(got, "(recvleak)") {
		t.Errorf("run after an interrupted one: exit %d, output\n%s\nwant exit 3 and\n%s", code, got, want)
	}
}

// TestInputsInCacheKey changes the content of a file an analyzer flag
// names, at the same path: the next run must read it, not replay the
// cached result of the old content.
func TestInputsInCacheKey(t *testing.T) {
	t.Parallel()
	dump, err := os.ReadFile(filepath.Join(leakModule, "dumps", "goroutines.txt"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "dump.txt")
	args := []string{"-format=json", "-runtimeleak", "-runtimeleak.profile=" + file, "./..."}
	const leak = `"file": "fetch/fetch.go",
		"line": 25`
	for _, c := range []struct {
		blocked string
		want    bool
	}{{"12 minutes", true}, {"2 minutes", false}, {"12 minutes", true}} {
		content := strings.Replace(string(dump), "[chan send, 12 minutes]", "[chan send, "+c.blocked+"]", 1)
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, _ := output(t, leakModule, bin, args...)
		if got := strings.Contains(stdout, leak); got != c.want || stderr != "" {
			t.Errorf("goroutine blocked %s: leak at fetch.go:25 reported %v, want %v; stderr %q, output\n%s", c.blocked, got, c.want, stderr, stdout)
		}
	}
	// A relative path is the current directory's, not the package's
	// where the go command runs gohazard.
	stdout, stderr, _ := output(t, leakModule, bin, "-format=json", "-runtimeleak", "-runtimeleak.profile=dumps/goroutines.txt", "./...")
	if !strings.Contains(stdout, leak) || stderr != "" {
		t.Errorf("relative -runtimeleak.profile: stderr %q, output\n%s", stderr, stdout)
	}
}
