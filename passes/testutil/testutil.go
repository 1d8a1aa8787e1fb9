// Package testutil holds helpers for gohazard's analyzer tests.
package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// GoldenCompiles checks that the testdata module in dir still builds
// once every file that has a .golden counterpart is replaced by it: a
// suggested fix must produce code that compiles, and analysistest only
// compares text.
func GoldenCompiles(t *testing.T, dir string) {
	t.Helper()
	tmp := t.TempDir()
	goldens := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		dst := filepath.Join(tmp, rel)
		if strings.HasSuffix(path, ".golden") {
			goldens++
			dst = strings.TrimSuffix(dst, ".golden")
		} else if _, err := os.Stat(path + ".golden"); err == nil {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if goldens == 0 {
		t.Fatalf("no .golden files under %s", dir)
	}
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("fixed code in %s does not build: %v\n%s", dir, err, out)
	}
}
