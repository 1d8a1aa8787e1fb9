package fill

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/gohazard/gohazard/passes/goversion"
)

// Report reports f at its declaration, with the fix that gives it the
// loop's trip count as capacity (slices) or size (maps): in place when
// the count can be computed at the declaration, else by moving the
// declaration to right before the loop.
func Report(pass *analysis.Pass, f Fill, kind Kind) {
	text := func(e ast.Expr) string { return source(pass, e) }
	count := f.Trips.Text(text)
	loopsRun := "a loop that runs " + count + " times"
	if len(f.Later) > 0 {
		for _, l := range f.Later {
			term := l.Trips.Text(text)
			// a + (b | c) is not a + b | c.
			if b, ok := ast.Unparen(l.Trips.Expr).(*ast.BinaryExpr); ok && b.Op.Precedence() <= token.ADD.Precedence() && l.Trips.X == nil {
				term = "(" + term + ")"
			}
			count += " + " + term
		}
		loopsRun = fmt.Sprintf("%d loops that run %s times in all", len(f.Later)+1, count)
	}
	n := count
	fixable := f.Evaluable || f.Movable
	// make panics on a negative size where the loop just runs zero times.
	guard := ""
	if !f.Trips.NonNegative(pass.TypesInfo) {
		if goversion.AtLeast(pass, f.Decl.Pos(), "go1.21") {
			n = "max(" + n + ", 0)"
		} else {
			guard = " if " + count + " is not negative"
			fixable = false
		}
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
	// Where the count cannot be computed at the declaration (a guard or
	// a lock lies in between), say where it can.
	where := ""
	if !f.Evaluable {
		where = " right before the loop"
	}
	// The message names the growth; how to size the value goes to the
	// declaration, as a related position.
	advice := verb + " it" + where + " with " + made + guard
	summed := len(f.Later) > 0
	switch {
	case f.Conditional && f.FilledAfter && !summed:
		advice += " (a guess: the loop may fill fewer, and later code fills more)"
	case f.Conditional:
		advice += " (an upper bound)"
	case f.FilledAfter && !summed:
		advice += " or more (it is filled after the loop too)"
	}
	// var s []T is nil until the loop appends: make would turn a loop
	// that runs zero times from a nil result (JSON null) into an empty
	// one, so there is no fix for it.
	if kind == Slice && f.Init == nil {
		advice += " (not offered as a fix: the slice would no longer be nil when the loop does not run)"
		fixable = false
	}
	d := analysis.Diagnostic{
		Pos:     f.Decl.Pos(),
		End:     f.Decl.End(),
		Message: fmt.Sprintf("%s grows by reallocation: %s %s of %s", f.Var.Name(), what, often, loopsRun),
		Related: []analysis.RelatedInformation{
			{Pos: f.Decl.Pos(), End: f.Decl.End(), Message: advice},
			{Pos: f.Stmt.Pos(), End: f.Stmt.End(), Message: "filled here"},
			{Pos: f.Loop.Pos(), Message: "the loop"},
		},
	}
	for _, l := range f.Later {
		d.Related = append(d.Related,
			analysis.RelatedInformation{Pos: l.Stmt.Pos(), End: l.Stmt.End(), Message: "filled here too"},
			analysis.RelatedInformation{Pos: l.Loop.Pos(), Message: "the next loop"})
	}
	if fixable {
		if edits := edits(pass, f, made); edits != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: verb + " with " + made, TextEdits: edits}}
		}
	}
	pass.Report(d)
}

// edits replaces f's empty value by made, at the declaration when the
// count can be computed there, else in a copy of the declaration moved
// to right before the loop; nil if the source cannot be read.
func edits(pass *analysis.Pass, f Fill, made string) []analysis.TextEdit {
	if f.Evaluable {
		return []analysis.TextEdit{{Pos: f.Init.Pos(), End: f.Init.End(), NewText: []byte(made)}}
	}
	tf := pass.Fset.File(f.Decl.Pos())
	src, err := pass.ReadFile(tf.Name())
	if err != nil {
		return nil
	}
	decl := string(src[tf.Offset(f.Decl.Pos()):tf.Offset(f.Init.Pos())]) + made + string(src[tf.Offset(f.Init.End()):tf.Offset(f.Decl.End())])
	indent := strings.Repeat("\t", pass.Fset.Position(f.Loop.Pos()).Column-1)
	// Remove the declaration's line when nothing else is on it.
	end := tf.Offset(f.Decl.End())
	if after := bytes.TrimLeft(src[end:], " \t"); len(after) > 0 && after[0] == '\n' {
		end = len(src) - len(bytes.TrimLeft(after[1:], " \t"))
	}
	return []analysis.TextEdit{
		{Pos: f.Decl.Pos(), End: tf.Pos(end), NewText: nil},
		{Pos: f.Loop.Pos(), End: f.Loop.Pos(), NewText: []byte(decl + "\n" + indent)},
	}
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
