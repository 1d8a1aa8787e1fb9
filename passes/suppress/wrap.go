package suppress

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// All is the name that covers every gohazard analyzer in a directive.
const All = "gohazard"

// Wrap returns a copy of a whose diagnostics are filtered through the
// package's suppression directives and dropped in generated files, and
// whose fixes are dropped where a //line directive moved the text. The
// copy also reports each directive that names a (not its family, not
// gohazard) and covers none of its diagnostics in the package, since such a
// directive is stale and hides nothing but future findings.
func Wrap(a *analysis.Analyzer, family string) *analysis.Analyzer {
	w := *a
	w.Requires = append(slices.Clip(a.Requires), Analyzer)
	w.Run = func(pass *analysis.Pass) (res any, err error) {
		// A bug in one analyzer must cost one package's findings, not the
		// whole run: the drivers report the error and go on.
		defer func() {
			if r := recover(); r != nil {
				res, err = nil, fmt.Errorf("internal error in %s, please report it: %v\n%s", a.Name, r, debug.Stack())
			}
		}()
		dirs := pass.ResultOf[Analyzer].(*Directives)
		used := make(map[*Directive]bool)
		inner := *pass
		inner.Report = func(d analysis.Diagnostic) {
			if dirs.generated[pass.Fset.File(d.Pos)] {
				return
			}
			suppressed := false
			for _, dir := range dirs.List {
				if dir.covers(d.Pos) && dir.applies(a.Name, family) {
					used[dir] = true
					suppressed = true
				}
			}
			if !suppressed {
				d.SuggestedFixes = compiledFixes(pass.Fset, d.SuggestedFixes)
				pass.Report(d)
			}
		}
		res, err = a.Run(&inner)
		if err != nil {
			return res, err
		}
		for _, dir := range dirs.List {
			if !used[dir] && dir.names(a.Name) && dir.wellFormed() {
				pass.Report(analysis.Diagnostic{
					Pos:      dir.Pos,
					Category: "directive",
					Message:  fmt.Sprintf("%s directive names %s but %s reports nothing it covers: remove the name so that it hides no future finding", dir.Text(), a.Name, a.Name),
				})
			}
		}
		return res, nil
	}
	return &w
}

// applies reports whether the directive suppresses analyzer name of
// family. A malformed lint:ignore suppresses nothing, as in staticcheck.
func (d *Directive) applies(name, family string) bool {
	if !d.wellFormed() {
		return false
	}
	if d.Kind == NoLint && d.Names == nil {
		return true
	}
	return d.names(name) || d.names(family) || d.names(All)
}

// wellFormed reports whether a lint:ignore or lint:file-ignore directive
// has its names and the reason it requires.
func (d *Directive) wellFormed() bool {
	return d.Kind == NoLint || (len(d.Names) > 0 && d.Reason != "")
}

// Malformed returns an analyzer that reports lint:ignore and
// lint:file-ignore directives aimed at gohazard (naming one of names,
// which should hold every analyzer and family name) that lack the
// required reason: they suppress nothing.
func Malformed(names []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "ignores",
		Doc: `report malformed gohazard suppression directives

A //lint:ignore or //lint:file-ignore directive must give the analyzers it
silences and a reason:

	//lint:ignore deferloop the loop runs at most three times

One without a reason suppresses nothing; this analyzer says so instead of
letting the finding reappear unexplained.`,
		Requires: []*analysis.Analyzer{Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, d := range pass.ResultOf[Analyzer].(*Directives).List {
				if d.wellFormed() || !slices.ContainsFunc(d.Names, func(n string) bool { return n == All || slices.Contains(names, n) }) {
					continue
				}
				pass.Report(analysis.Diagnostic{
					Pos:      d.Pos,
					Category: "directive",
					Message:  fmt.Sprintf("malformed %s directive: it needs a reason after %q, and suppresses nothing without one", d.Text(), strings.Join(d.Names, ",")),
				})
			}
			return nil, nil
		},
	}
}
