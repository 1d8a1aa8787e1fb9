// Adapted from golang.org/x/tools@v0.52.0/go/analysis/passes/modernize/stringsbuilder.go
// (Copyright 2024 The Go Authors, BSD-3-Clause; see LICENSE), with x/tools'
// internal helpers replaced by local code, so that gohazard need not
// import package modernize, whose initialisation costs tens of
// milliseconds in every process.

package stringsbuilder

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "stringsbuilder",
	Doc:      analysisdoc.MustExtract(doc, "stringsbuilder"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/allocheck/stringsbuilder",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// Meta places stringsbuilder among gohazard's analyzers.
var Meta = meta.Info{Family: meta.AllocCheck, Default: true, Since: "v0.2.0", Severity: meta.Note}

func run(pass *analysis.Pass) (any, error) {
	// The fix imports strings: not into a package strings depends on.
	if importCycle(pass.Pkg.Path()) {
		return nil, nil
	}
	root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	idx := indexVars(pass.TypesInfo, root, candidates(pass.TypesInfo, root))

	// The file and end of the last fix, to skip a fix that overlaps it.
	var (
		lastFile *ast.File
		lastEnd  token.Pos
	)
	for _, v := range idx.vars {
		def := idx.def[v]
		file := enclosingFile(def)
		if file == lastFile && v.Pos() < lastEnd {
			continue
		}
		// Performance matters less in tests, where the fix adds verbosity
		// (go.dev/issue/78613).
		if strings.HasSuffix(pass.Fset.File(file.FileStart).Name(), "_test.go") {
			continue
		}
		edits, ok := declEdits(pass.TypesInfo, file, def, v)
		if !ok {
			continue
		}
		useEdits, loopAssign, ok := usesEdits(v, idx.uses[v])
		if !ok {
			continue
		}
		edits = append(edits, useEdits...)
		lastFile, lastEnd = file, edits[len(edits)-1].End
		pass.Report(analysis.Diagnostic{
			Pos:     loopAssign.Pos(),
			End:     loopAssign.End(),
			Message: "string built with += in a loop: each iteration copies the whole string",
			Related: []analysis.RelatedInformation{{
				Pos:     v.Pos(),
				End:     v.Pos() + token.Pos(len(v.Name())),
				Message: "declared here: a strings.Builder would append in place",
			}},
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "build the string with a strings.Builder",
				TextEdits: edits,
			}},
		})
	}
	return nil, nil
}

// candidates returns the local string variables that appear alone on the
// left of some s += expr.
func candidates(info *types.Info, root inspector.Cursor) map[*types.Var]bool {
	cands := make(map[*types.Var]bool)
	for cur := range root.Preorder((*ast.AssignStmt)(nil)) {
		assign := cur.Node().(*ast.AssignStmt)
		id, ok := assign.Lhs[0].(*ast.Ident)
		if assign.Tok != token.ADD_ASSIGN || !ok {
			continue
		}
		if v, ok := info.Uses[id].(*types.Var); ok &&
			v.Kind() == types.LocalVar &&
			types.Identical(v.Type(), types.Typ[types.String]) {
			cands[v] = true
		}
	}
	return cands
}

// varIndex holds the defining identifier and the uses, in source order,
// of each variable of interest.
type varIndex struct {
	vars []*types.Var // in order of position, as modernize reports them
	def  map[*types.Var]inspector.Cursor
	uses map[*types.Var][]inspector.Cursor
}

func indexVars(info *types.Info, root inspector.Cursor, vars map[*types.Var]bool) *varIndex {
	idx := &varIndex{
		def:  make(map[*types.Var]inspector.Cursor),
		uses: make(map[*types.Var][]inspector.Cursor),
	}
	if len(vars) == 0 {
		return idx
	}
	for cur := range root.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if v, ok := info.Defs[id].(*types.Var); ok && vars[v] {
			idx.def[v] = cur
			idx.vars = append(idx.vars, v)
		}
		if v, ok := info.Uses[id].(*types.Var); ok && vars[v] {
			idx.uses[v] = append(idx.uses[v], cur)
		}
	}
	slices.SortFunc(idx.vars, func(x, y *types.Var) int { return cmp.Compare(x.Pos(), y.Pos()) })
	return idx
}

// declEdits returns the edits that turn the declaration of s into that of
// a strings.Builder, and whether s has a declaration it can rewrite:
//
//	s := expr                                => var s strings.Builder; s.WriteString(expr)
//	var s [string] [= expr]                  => var s strings.Builder; s.WriteString(expr)
//	var ( ...; s [string] [= expr] )         => var ( ...; s strings.Builder ); s.WriteString(expr)
//
// A "" initial value is dropped rather than written.
func declEdits(info *types.Info, file *ast.File, def inspector.Cursor, v *types.Var) ([]analysis.TextEdit, bool) {
	switch def.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		assign := def.Parent().Node().(*ast.AssignStmt)
		if len(assign.Lhs) != 1 {
			return nil, false
		}
		// Only a statement list can take the two statements: not the
		// init of an if, for or switch.
		switch def.Parent().Parent().Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		default:
			return nil, false
		}
		prefix, edits := addImport(info, file, "strings", "strings", "Builder", v.Pos())
		if isEmptyString(info, assign.Rhs[0]) {
			return append(edits, analysis.TextEdit{
				Pos:     assign.Pos(),
				End:     assign.End(),
				NewText: fmt.Appendf(nil, "var %s %sBuilder", v.Name(), prefix),
			}), true
		}
		return append(edits,
			analysis.TextEdit{
				Pos:     assign.Pos(),
				End:     assign.Rhs[0].Pos(),
				NewText: fmt.Appendf(nil, "var %[1]s %[2]sBuilder; %[1]s.WriteString(", v.Name(), prefix),
			},
			analysis.TextEdit{Pos: assign.End(), End: assign.End(), NewText: []byte(")")},
		), true

	case edge.ValueSpec_Names:
		spec := def.Parent().Node().(*ast.ValueSpec)
		// In a var group, s must be last: moving expr after later specs
		// would need reformatting, which loses comments and spacing.
		if last, _ := def.Parent().Parent().LastChild(); len(spec.Names) != 1 || last != def.Parent() {
			return nil, false
		}
		decl := def.Parent().Parent().Node().(*ast.GenDecl)
		prefix, edits := addImport(info, file, "strings", "strings", "Builder", v.Pos())
		init := spec.Names[0].End() // start of " = expr"
		if spec.Type != nil {
			init = spec.Type.End()
		}
		edits = append(edits, analysis.TextEdit{
			Pos:     spec.Names[0].End(),
			End:     init,
			NewText: fmt.Appendf(nil, " %sBuilder", prefix),
		})
		if len(spec.Values) == 0 || isEmptyString(info, spec.Values[0]) {
			return append(edits, analysis.TextEdit{Pos: init, End: spec.End()}), true
		}
		if decl.Rparen.IsValid() {
			// var ( ... = expr ) => var ( ... ); s.WriteString(expr)
			edits = append(edits,
				analysis.TextEdit{Pos: init, End: init, NewText: []byte(")")},
				analysis.TextEdit{Pos: spec.Values[0].End(), End: decl.End()},
			)
		}
		return append(edits,
			analysis.TextEdit{
				Pos:     init,
				End:     spec.Values[0].Pos(),
				NewText: fmt.Appendf(nil, "; %s.WriteString(", v.Name()),
			},
			analysis.TextEdit{Pos: spec.Values[0].End(), End: spec.Values[0].End(), NewText: []byte(")")},
		), true
	}
	return nil, false
}

// usesEdits returns the edits that turn each s += expr into
// s.WriteString(expr) and each read of s into s.String(), and the first
// += in a loop within the scope of s. It reports false unless every
// assignment is a += before the first read, s is read at least once, its
// address is never taken, and some += lies in a loop.
//
// A read in a loop is fine: (*strings.Builder).String does not copy.
func usesEdits(v *types.Var, uses []inspector.Cursor) ([]analysis.TextEdit, *ast.AssignStmt, bool) {
	var (
		edits, closing []analysis.TextEdit // closing parens go last, after any .String() they enclose
		loopAssign     *ast.AssignStmt
		read           bool
	)
	for _, use := range uses {
		for use.ParentEdgeKind() == edge.ParenExpr_X {
			use = use.Parent()
		}
		switch ek := use.ParentEdgeKind(); {
		case ek == edge.AssignStmt_Lhs:
			assign := use.Parent().Node().(*ast.AssignStmt)
			if read || assign.Tok != token.ADD_ASSIGN {
				return nil, nil, false
			}
			if loopAssign == nil && inLoopWithin(use, v.Pos()) {
				loopAssign = assign
			}
			edits = append(edits, analysis.TextEdit{
				Pos:     assign.Lhs[0].End(),
				End:     assign.Rhs[0].Pos(),
				NewText: []byte(".WriteString("),
			})
			closing = append(closing, analysis.TextEdit{Pos: assign.End(), End: assign.End(), NewText: []byte(")")})

		case ek == edge.UnaryExpr_X && use.Parent().Node().(*ast.UnaryExpr).Op == token.AND:
			return nil, nil, false // &s

		default:
			// Assignments and &s are the only lvalue uses of a string
			// (it has no methods): everything else reads it.
			read = true
			edits = append(edits, analysis.TextEdit{Pos: use.Node().End(), End: use.Node().End(), NewText: []byte(".String()")})
		}
	}
	if !read || loopAssign == nil {
		return nil, nil, false
	}
	return append(edits, closing...), loopAssign, true
}

// inLoopWithin reports whether cur lies in a for or range statement that
// starts at or after pos (the declaration of the variable).
func inLoopWithin(cur inspector.Cursor, pos token.Pos) bool {
	for loop := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if pos <= loop.Node().Pos() {
			return true
		}
	}
	return false
}

// isEmptyString reports whether e (a string-typed expression) has constant value "".
func isEmptyString(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && constant.StringVal(tv.Value) == ""
}

func enclosingFile(cur inspector.Cursor) *ast.File {
	for f := range cur.Enclosing((*ast.File)(nil)) {
		return f.Node().(*ast.File)
	}
	panic("cursor outside any file")
}
