package main_test

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"reflect"
	"testing"
)

// TestEngineMatchesVet checks that standalone runs, which analyse in one
// process on staticcheck's runner, report exactly what the same binary
// reports under go vet -vettool, where the go command runs one process per
// package: the same JSON tree, findings, related positions and fixes, over
// modules with tests, external tests, generated files, suppressions, cgo
// and every family.
func TestEngineMatchesVet(t *testing.T) {
	t.Parallel()
	vetparity, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "vetparity"))
	for _, tc := range []struct {
		dir  string
		args []string
	}{
		{module, []string{"./service", "./worker", "./tagged"}},
		{module, []string{"-tags=integration", "-leakcheck", "-sendleak", "-timeafterloop", "./service", "./tagged"}},
		{vetparity, []string{"-staticcheck", "-vet", "./..."}},
		{formats, []string{"./...", "./_cgo"}},
	} {
		stdout, stderr, _ := output(t, tc.dir, "go", append([]string{"vet", "-vettool=" + bin, "-json"}, tc.args...)...)
		vet := decodeTrees(t, stdout+stderr)
		stdout, stderr, _ = output(t, tc.dir, bin, append([]string{"-json"}, tc.args...)...)
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
