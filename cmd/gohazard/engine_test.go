package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestEngineMatchesVet checks that standalone runs, which analyse in one
// process on staticcheck's runner, report exactly what the same binary
// reports under go vet -vettool, where the go command runs one process per
// package: the same JSON tree, findings, related positions and fixes, over
// modules with tests, external tests, generated files, suppressions, cgo
// and every family.
func TestEngineMatchesVet(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		dir  string
		args []string
	}{
		{module, []string{"./service", "./worker", "./tagged"}},
		{module, []string{"-tags=integration", "-leakcheck", "-sendleak", "-timeafterloop", "./service", "./tagged"}},
		{vetparity, []string{"-staticcheck", "-vet", "./..."}},
		{formats, []string{"./...", "./_cgo"}},
	} {
		stdout, stderr, _ := shared(t, tc.dir, "go", append([]string{"vet", "-vettool=" + bin, "-json"}, tc.args...)...)
		vet := decodeTrees(t, stdout+stderr)
		stdout, stderr, _ = shared(t, tc.dir, bin, append([]string{"-json"}, tc.args...)...)
		got := decodeTrees(t, stdout)
		if stderr != "" {
			t.Errorf("%s %q: stderr %s", filepath.Base(tc.dir), tc.args, stderr)
		}
		if len(vet) == 0 {
			t.Errorf("%s %q: go vet found nothing", filepath.Base(tc.dir), tc.args)
		}
		if !reflect.DeepEqual(got, vet) {
			g, _ := json.MarshalIndent(got, "", " ")
			v, _ := json.MarshalIndent(vet, "", " ")
			t.Errorf("%s %q: standalone reports\n%s\ngo vet -vettool reports\n%s", filepath.Base(tc.dir), tc.args, g, v)
		}
	}
}

// decodeTrees merges the JSON trees in out (go vet prints one per
// package, "{}" when it found nothing) into one.
func decodeTrees(t *testing.T, out string) map[string]map[string]any {
	t.Helper()
	tree := make(map[string]map[string]any)
	dec := json.NewDecoder(bytes.NewReader([]byte(out)))
	for {
		var pkgs map[string]map[string]any
		err := dec.Decode(&pkgs)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%v in\n%s", err, out)
		}
		for pkg, byAnalyzer := range pkgs {
			tree[pkg] = byAnalyzer
		}
	}
	return tree
}

// TestInterruptedRun is go vet's lost findings: a run whose reader stops
// early (gohazard ./... | head -1) must not leave a cache entry that
// hides the findings from the next run. A fresh flag value makes the
// interrupted run the first one for its cache key.
func TestInterruptedRun(t *testing.T) {
	t.Parallel()
	// Without the tests, fewer dependencies to analyse cold.
	fresh := fmt.Sprintf("-test=false -printf.funcs=interrupted%d", time.Now().UnixNano())
	head, _ := run(t, "sh", "-c", bin+" "+fresh+" ./service 2>&1 | head -1")
	if strings.Count(head, "\n") != 1 {
		t.Fatalf("interrupted run printed %q, want one line", head)
	}
	want, _ := run(t, bin, "-test=false", "./service")
	got, code := run(t, bin, append(strings.Fields(fresh), "./service")...)
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
	// The leak is in a package's code: its tests' dependencies need not
	// be analysed four times.
	args := []string{"-format=json", "-test=false", "-runtimeleak", "-runtimeleak.profile=" + file, "./..."}
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
	stdout, stderr, _ := output(t, leakModule, bin, "-format=json", "-test=false", "-runtimeleak", "-runtimeleak.profile=dumps/goroutines.txt", "./...")
	if !strings.Contains(stdout, leak) || stderr != "" {
		t.Errorf("relative -runtimeleak.profile: stderr %q, output\n%s", stderr, stdout)
	}
}
