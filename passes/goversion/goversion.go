// Package goversion answers which Go language version governs a file,
// so that analyzers can gate or word findings by it (per-iteration loop
// variables since Go 1.22, collectable timers since Go 1.23).
package goversion

import (
	"go/ast"
	"go/token"
	"go/version"

	"golang.org/x/tools/go/analysis"
)

// TimersCollectable is the version from which unreferenced timers and
// tickers are garbage collected even when not stopped, and Reset and Stop
// discard stale values.
const TimersCollectable = "go1.23"

// File returns the Go version of the file of pass containing pos, such as
// "go1.22", falling back to the package's version. It returns "" when
// neither is known (for example in GOPATH mode).
func File(pass *analysis.Pass, pos token.Pos) string {
	if f := fileOf(pass, pos); f != nil {
		if v := pass.TypesInfo.FileVersions[f]; v != "" {
			return v
		}
	}
	if pass.Pkg != nil {
		return pass.Pkg.GoVersion()
	}
	return ""
}

// AtLeast reports whether the file containing pos is governed by Go
// version v or later. An unknown version counts as the newest, matching
// the compiler, which applies the newest semantics when no version is set.
func AtLeast(pass *analysis.Pass, pos token.Pos, v string) bool {
	fv := File(pass, pos)
	return fv == "" || version.Compare(fv, v) >= 0
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
