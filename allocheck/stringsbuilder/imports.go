// Adapted from golang.org/x/tools@v0.52.0/internal/refactor/imports.go and
// internal/stdlib (Copyright 2025 The Go Authors, BSD-3-Clause; see LICENSE).

package stringsbuilder

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// stringsDeps are the standard packages that strings or runtime depend
// on, themselves included (CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go list
// -deps strings runtime, as x/tools' stdlib.Dependencies records them):
// importing strings into one of them would create a cycle. Sorted.
var stringsDeps = []string{
	"errors",
	"internal/abi",
	"internal/asan",
	"internal/bytealg",
	"internal/byteorder",
	"internal/chacha8rand",
	"internal/coverage/rtcov",
	"internal/cpu",
	"internal/goarch",
	"internal/godebugs",
	"internal/goexperiment",
	"internal/goos",
	"internal/msan",
	"internal/profilerecord",
	"internal/race",
	"internal/reflectlite",
	"internal/runtime/atomic",
	"internal/runtime/cgroup",
	"internal/runtime/exithook",
	"internal/runtime/gc",
	"internal/runtime/gc/scan",
	"internal/runtime/maps",
	"internal/runtime/math",
	"internal/runtime/pprof/label",
	"internal/runtime/sys",
	"internal/runtime/syscall/linux",
	"internal/strconv",
	"internal/stringslite",
	"internal/sync",
	"internal/synctest",
	"internal/trace/tracev2",
	"internal/unsafeheader",
	"io",
	"iter",
	"math/bits",
	"runtime",
	"strings",
	"sync",
	"sync/atomic",
	"unicode",
	"unicode/utf8",
	"unsafe",
}

// importCycle reports whether importing strings into the package of the
// given path may create an import cycle.
func importCycle(pkgPath string) bool {
	_, found := slices.BinarySearch(stringsDeps, pkgPath)
	return found && maybeStd(pkgPath)
}

// maybeStd reports whether path may be a standard package: one with no dot
// in its first segment.
func maybeStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && path != "testdata"
}

// addImport returns the prefix ("name." or "" for a dot import) with which
// file refers to member of the package pkgpath at pos, and the edits that
// import it when file does not already, or when its import is shadowed
// at pos; a new import takes a name derived from preferred that nothing
// at pos already denotes.
func addImport(info *types.Info, file *ast.File, preferred, pkgpath, member string, pos token.Pos) (string, []analysis.TextEdit) {
	scope := info.Scopes[file].Innermost(pos)
	for _, spec := range file.Imports {
		pkgname := info.PkgNameOf(spec)
		if pkgname == nil || pkgname.Imported().Path() != pkgpath {
			continue
		}
		name := pkgname.Name()
		if name == "." {
			if s, _ := scope.LookupParent(member, pos); s == info.Scopes[file] {
				return "", nil
			}
		} else if _, obj := scope.LookupParent(name, pos); obj == pkgname {
			return name + ".", nil
		}
	}
	name := freshName(scope, pos, preferred)
	explicit := name
	if name == preferred && name == path.Base(pkgpath) {
		explicit = ""
	}
	return name + ".", importEdits(file, explicit, pkgpath)
}

// freshName returns preferred, or preferred followed by the first number
// that makes it, that no declaration in scope at pos denotes.
func freshName(scope *types.Scope, pos token.Pos, preferred string) string {
	name := preferred
	for i := 0; ; i++ {
		if _, obj := scope.LookupParent(name, pos); obj == nil {
			return name
		}
		name = fmt.Sprintf("%s%d", preferred, i)
	}
}

// importEdits returns the edit that imports pkgpath into file, under name
// unless it is empty: into the first declaration if it is an import group
// (a standard package first, as goimports orders them), or else as a new
// import declaration before the first declaration, which gofmt merges.
func importEdits(file *ast.File, name, pkgpath string) []analysis.TextEdit {
	text := strconv.Quote(pkgpath)
	if name != "" {
		text = name + " " + text
	}
	before := file.FileEnd
	var decl0 ast.Decl
	if len(file.Decls) > 0 {
		decl0 = file.Decls[0]
		before = decl0.Pos()
		switch d := decl0.(type) {
		case *ast.GenDecl:
			if d.Doc != nil {
				before = d.Doc.Pos()
			}
		case *ast.FuncDecl:
			if d.Doc != nil {
				before = d.Doc.Pos()
			}
		}
	}
	pos := before
	if gd, ok := decl0.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Rparen.IsValid() {
		if maybeStd(pkgpath) && len(gd.Specs) > 0 {
			first := gd.Specs[0].(*ast.ImportSpec)
			pos = first.Pos()
			if !maybeStd(first.Path.Value) {
				text += "\n" // a blank line between std and other imports
			}
			text += "\n\t"
		} else {
			pos = gd.Rparen
			text = "\t" + text + "\n"
		}
	} else {
		text = "import " + text + "\n\n"
	}
	return []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}}
}
