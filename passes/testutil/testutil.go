// Package testutil holds helpers for gohazard's analyzer tests.
package testutil

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
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
