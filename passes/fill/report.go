package fill

import (
	"flag"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/gohazard/gohazard/passes/goversion"
)

// Report reports f at its declaration, with the fix that gives it the
// loop's trip count as capacity (slices) or size (maps) when the count
// can be computed there.
func Report(pass *analysis.Pass, f Fill, kind Kind) {
	text := func(e ast.Expr) string { return source(pass, e) }
	n := f.Trips.Text(text)
	count := n
	// make panics on a negative size where the loop just runs zero
	// times; len is never negative, nor a constant count (at least 2).
	if tv, ok := pass.TypesInfo.Types[f.Trips.Expr]; f.Trips.X == nil && !(ok && tv.Value != nil) {
		n = "max(" + n + ", 0)"
	}
	typ := text(f.Type)
	made := "make(" + typ + ", 0, " + n + ")"
	what, verb := "appended to", "preallocate"
	if kind == Map {
		made = "make(" + typ + ", " + n + ")"
		what, verb = "given an entry", "size"
	}
	often := "once per iteration"
	if f.Conditional {
		often = "at most once per iteration"
	}
	msg := fmt.Sprintf("%s is %s %s of a loop that runs %s times, growing by reallocation: %s it with %s", f.Var.Name(), what, often, count, verb, made)
	if f.Conditional {
		msg += " (an upper bound)"
	}
	d := analysis.Diagnostic{
		Pos:     f.Decl.Pos(),
		End:     f.Decl.End(),
		Message: msg,
		Related: []analysis.RelatedInformation{
			{Pos: f.Stmt.Pos(), End: f.Stmt.End(), Message: "filled here"},
			{Pos: f.Loop.Pos(), Message: "the loop"},
		},
	}
	// var s []T is nil until the loop appends: make would turn a loop
	// that runs zero times from a nil result (JSON null) into an empty
	// one, so there is no fix for it.
	nilSlice := kind == Slice && f.Init == nil
	if nilSlice {
		d.Message += " (not offered as a fix: the slice would no longer be nil when the loop does not run)"
	}
	if strings.HasPrefix(n, "max(") && !goversion.AtLeast(pass, f.Decl.Pos(), "go1.21") {
		f.Evaluable = false
	}
	if f.Evaluable && !nilSlice {
		edit := analysis.TextEdit{NewText: []byte(made)}
		edit.Pos, edit.End = f.Init.Pos(), f.Init.End()
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: verb + " with " + made, TextEdits: []analysis.TextEdit{edit}}}
	}
	pass.Report(d)
}

// source returns e as written.
func source(pass *analysis.Pass, e ast.Expr) string {
	file := pass.Fset.File(e.Pos())
	if file != nil {
		if src, err := pass.ReadFile(file.Name()); err == nil {
			return string(src[file.Offset(e.Pos()):file.Offset(e.End())])
		}
	}
	return types.ExprString(e)
}

// Flags returns the flags of an analyzer built on Find: -conditional.
func Flags(name string) flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ExitOnError)
	fs.Bool("conditional", false, "also report fills that may be skipped in some iteration (the count is then an upper bound)")
	return *fs
}

// Run returns the run function of an analyzer that reports the fills of
// kind (with Flags): those on every iteration, and with -conditional the
// others too. It requires the inspect analyzer.
func Run(kind Kind) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		conditional := pass.Analyzer.Flags.Lookup("conditional").Value.(flag.Getter).Get().(bool)
		for _, f := range Find(pass.TypesInfo, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), kind) {
			// Tests build small slices and maps, often on purpose.
			if strings.HasSuffix(pass.Fset.File(f.Decl.Pos()).Name(), "_test.go") {
				continue
			}
			if !f.Conditional || conditional {
				Report(pass, f, kind)
			}
		}
		return nil, nil
	}
}
