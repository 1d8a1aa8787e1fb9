package suppress

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// compiledFixes returns the fixes whose edits all lie in text that the
// compiled file holds as its own: not text a //line directive attributes
// to another file, as in cgo's output or code expanded from a template.
// The drivers name the file the directive gives but count offsets in the
// compiled file, so such an edit would land on the wrong bytes; and the
// source of truth of that text is elsewhere anyway.
func compiledFixes(fset *token.FileSet, fixes []analysis.SuggestedFix) []analysis.SuggestedFix {
	var kept []analysis.SuggestedFix
	for _, fix := range fixes {
		own := true
		for _, e := range fix.TextEdits {
			own = own && ownText(fset, e.Pos) && (!e.End.IsValid() || ownText(fset, e.End))
		}
		if own {
			kept = append(kept, fix)
		}
	}
	return kept
}

func ownText(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && f.PositionFor(pos, true).Filename == f.Name()
}
