package fill

import (
	"flag"
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Report reports f at its declaration, with the fix that gives it the
// loop's trip count as capacity (slices) or size (maps) when the count
// can be computed there.
func Report(pass *analysis.Pass, f Fill, kind Kind) {
	text := func(e ast.Expr) string { return source(pass, e) }
	n := f.Trips.Text(text)
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
	msg := fmt.Sprintf("%s is %s %s of a loop that runs %s times, growing by reallocation: %s it with %s", f.Var.Name(), what, often, n, verb, made)
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
	if f.Evaluable {
		edit := analysis.TextEdit{NewText: []byte(made)}
		if f.Init != nil {
			edit.Pos, edit.End = f.Init.Pos(), f.Init.End()
		} else {
			// var s []T becomes s := make([]T, 0, n).
			edit.Pos, edit.End = f.Decl.Pos(), f.Decl.End()
			edit.NewText = []byte(f.Var.Name() + " := " + made)
		}
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
			if !f.Conditional || conditional {
				Report(pass, f, kind)
			}
		}
		return nil, nil
	}
}
