package main

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// The checks that x/tools' drivers (internal/analysis/driverutil) make on
// what an analyzer does, which the runner does not: the engine's output
// must be go vet's.

// readFile is Pass.ReadFile as the drivers define it: only the package's
// own files.
func readFile(pass *analysis.Pass) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		readable := slices.Contains(pass.OtherFiles, name) || slices.Contains(pass.IgnoredFiles, name) ||
			slices.ContainsFunc(pass.Files, func(f *ast.File) bool { return pass.Fset.File(f.FileStart).Name() == name })
		if !readable {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
		}
		return os.ReadFile(name)
	}
}

// validateFixes sorts the edits of each fix by position and reports a fix
// that is invalid (two fixes with one message, edits that overlap, leave
// the file or span two): a bug in the analyzer, whose fixes the drivers
// then drop.
func validateFixes(fset *token.FileSet, a *analysis.Analyzer, fixes []analysis.SuggestedFix) error {
	messages := make(map[string]bool)
	for i := range fixes {
		fix := &fixes[i]
		if messages[fix.Message] {
			return fmt.Errorf("analyzer %q suggests two fixes with same Message (%s)", a.Name, fix.Message)
		}
		messages[fix.Message] = true
		if err := validateFix(fset, fix); err != nil {
			return fmt.Errorf("analyzer %q suggests invalid fix (%s): %v", a.Name, fix.Message, err)
		}
	}
	return nil
}

func validateFix(fset *token.FileSet, fix *analysis.SuggestedFix) error {
	// Stable: insertions at one point keep their order.
	slices.SortStableFunc(fix.TextEdits, func(x, y analysis.TextEdit) int {
		return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(x.End, y.End))
	})
	var prev *analysis.TextEdit
	for i := range fix.TextEdits {
		edit := &fix.TextEdits[i]
		file := fset.File(edit.Pos)
		if file == nil {
			return fmt.Errorf("no token.File for TextEdit.Pos (%v)", edit.Pos)
		}
		fileEnd := token.Pos(file.Base() + file.Size())
		if end := edit.End; end.IsValid() {
			if end < edit.Pos {
				return fmt.Errorf("TextEdit.Pos (%v) > TextEdit.End (%v)", edit.Pos, edit.End)
			}
			if endFile := fset.File(end); endFile != file {
				// An end computed just past the end of the file (go.dev/issue/71659)
				// is the end of the file.
				if end < fileEnd+10 {
					edit.End = fileEnd
					continue
				}
				if endFile == nil {
					return fmt.Errorf("no token.File for TextEdit.End (%v; File(start).FileEnd is %d)", end, fileEnd)
				}
				return fmt.Errorf("edit #%d spans files (%v and %v)", i, file.Position(edit.Pos), endFile.Position(edit.End))
			}
		} else {
			edit.End = edit.Pos
		}
		if edit.End > fileEnd {
			return fmt.Errorf("end is (%v) beyond end of file (%v)", edit.End, fileEnd)
		}
		if prev != nil && edit.Pos < prev.End {
			x, y := fset.Position(prev.Pos), fset.Position(edit.Pos)
			xend, yend := fset.Position(prev.End), fset.Position(edit.End)
			return fmt.Errorf("overlapping edits to %s (%d:%d-%d:%d and %d:%d-%d:%d)",
				x.Filename, x.Line, x.Column, xend.Line, xend.Column, y.Line, y.Column, yend.Line, yend.Column)
		}
		prev = edit
	}
	return nil
}
