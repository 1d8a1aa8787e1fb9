package hotalloc

import (
	_ "embed"
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/costs"
	"github.com/gohazard/gohazard/passes/escapes"
	"github.com/gohazard/gohazard/passes/loops"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "hotalloc",
	Doc:      analysisdoc.MustExtract(doc, "hotalloc"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/allocheck/hotalloc",
	Requires: []*analysis.Analyzer{buildssa.Analyzer, loops.Analyzer, inspect.Analyzer},
	Run:      run,
	Flags:    flags(),
}

// Meta places hotalloc among gohazard's analyzers.
var Meta = meta.Info{Family: meta.AllocCheck, Default: false, Since: "v0.2.0", Severity: meta.Note}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("hotalloc", flag.ExitOnError)
	fs.String("log", "", "directory of the compiler's JSON optimisation log (go build -gcflags=-json=0,DIR): report only what the compiler moves to the heap")
	fs.String("profile", "", "a pprof profile (CPU or allocations) of the program: report only allocations on lines the profile passes through, with their share")
	return *fs
}

func run(pass *analysis.Pass) (any, error) {
	report := func(d analysis.Diagnostic) { pass.Report(d) }
	if file := pass.Analyzer.Flags.Lookup("profile").Value.String(); file != "" {
		c, err := costs.Load(file)
		if err != nil {
			return nil, err
		}
		report = func(d analysis.Diagnostic) {
			posn := pass.Fset.Position(d.Pos)
			if share := c.Share(posn.Filename, posn.Line); share > 0 {
				d.Message += fmt.Sprintf(" [profile: %.1f%% of %s]", 100*share, c.Type)
				pass.Report(d)
			}
		}
	}
	dir := pass.Analyzer.Flags.Lookup("log").Value.String()
	if dir != "" {
		return nil, fromLog(pass, dir, report)
	}
	loopInfo := pass.ResultOf[loops.Analyzer].(*loops.Info)
	for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
		for _, b := range fn.Blocks {
			if !loopInfo.InLoop(b) {
				continue
			}
			for _, instr := range b.Instrs {
				if what := allocation(pass, instr); what != "" && pos(instr).IsValid() {
					report(analysis.Diagnostic{
						Pos:     pos(instr),
						Message: fmt.Sprintf("%s may heap-allocate on every loop iteration: compiler not consulted", what),
					})
				}
			}
		}
	}
	return nil, nil
}

// pos returns the position of instr; for a closure, the function
// literal's; for an implicit conversion, which has none, that of the
// instruction using it.
func pos(instr ssa.Instruction) token.Pos {
	if instr.Pos().IsValid() {
		return instr.Pos()
	}
	if mc, ok := instr.(*ssa.MakeClosure); ok {
		return mc.Fn.Pos()
	}
	if v, ok := instr.(ssa.Value); ok {
		for _, ref := range *v.Referrers() {
			if ref.Pos().IsValid() {
				return ref.Pos()
			}
		}
	}
	return token.NoPos
}

// allocation describes instr if go/ssa makes it allocate on the heap.
func allocation(pass *analysis.Pass, instr ssa.Instruction) string {
	switch v := instr.(type) {
	case *ssa.Alloc:
		// go/ssa puts every variadic argument array on the heap; the
		// compiler keeps most on the stack.
		if v.Heap && v.Comment != "varargs" {
			return "escaping " + v.Comment
		}
	case *ssa.MakeSlice:
		return "make of a slice"
	case *ssa.MakeMap:
		return "make of a map"
	case *ssa.MakeChan:
		return "make of a channel"
	case *ssa.MakeClosure:
		return "closure capturing variables"
	case *ssa.MakeInterface:
		if _, isConst := v.X.(*ssa.Const); !isConst && boxes(pass.TypesSizes, v.X.Type()) {
			return "conversion of " + types.TypeString(v.X.Type(), types.RelativeTo(pass.Pkg)) + " to an interface"
		}
	case *ssa.Convert:
		if stringBytes(v.X.Type(), v.Type()) || stringBytes(v.Type(), v.X.Type()) {
			return "conversion between string and byte slice"
		}
	}
	return ""
}

// boxes reports whether converting a value of t to an interface
// allocates: t is not pointer-shaped, and not so small that the runtime
// keeps a static copy (zero-size and one-byte values).
func boxes(sizes types.Sizes, t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.UnsafePointer {
		return false
	}
	// Whether a value whose layout depends on a type parameter boxes
	// depends on the instantiation (and go/types has no size for it).
	if parameterized(t, map[types.Type]bool{}) {
		return false
	}
	return sizes.Sizeof(t) > 1
}

// parameterized reports whether the size of t depends on a type
// parameter: t is one, or holds one in place (in an array element, a
// struct field, also of an instantiated named type), not behind a
// pointer-sized reference. Invalid types count as parameterized: they
// have no size either.
func parameterized(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		// An instance's underlying type has its type arguments in place.
		return parameterized(t.Underlying(), seen)
	case *types.Array:
		return parameterized(t.Elem(), seen)
	case *types.Struct:
		for f := range t.Fields() {
			if parameterized(f.Type(), seen) {
				return true
			}
		}
	case *types.Basic:
		return t.Kind() == types.Invalid
	}
	return false
}

func stringBytes(s, b types.Type) bool {
	bs, ok := s.Underlying().(*types.Basic)
	sl, ok2 := b.Underlying().(*types.Slice)
	if !ok || !ok2 || bs.Info()&types.IsString == 0 {
		return false
	}
	e, ok := sl.Elem().Underlying().(*types.Basic)
	return ok && (e.Kind() == types.Byte || e.Kind() == types.Rune)
}

// fromLog reports the compiler's heap escapes that lie in a loop of the
// package.
func fromLog(pass *analysis.Pass, dir string, report func(analysis.Diagnostic)) error {
	// The compiler logs a command under "main", whatever its import
	// path; escapes in another command's files are dropped below.
	logged := pass.Pkg.Path()
	if pass.Pkg.Name() == "main" {
		logged = "main"
	}
	found, err := escapes.Read(dir, logged)
	if err != nil {
		return err
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	files := make(map[string]*token.File, len(pass.Files))
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		files[tf.Name()] = tf
	}
	for _, e := range found {
		tf := files[e.File]
		if tf == nil || e.Line > tf.LineCount() {
			continue
		}
		pos := tf.LineStart(e.Line) + token.Pos(e.Col-1)
		loop := loops.Enclosing(loops.Path(insp, pos, pos))
		if loop == nil {
			continue
		}
		// A constant converted to an interface is static data, and a
		// panic's argument is made once: neither repeats with the loop.
		if strings.HasPrefix(e.What, "\"") || strings.HasPrefix(e.Why, "from panic(") {
			continue
		}
		msg := fmt.Sprintf("heap allocation in a loop, on every iteration: %s", e.What)
		if strings.HasPrefix(e.What, "append(") {
			msg = fmt.Sprintf("heap allocation in a loop, whenever append grows the slice: %s", e.What)
		}
		if e.Why != "" {
			msg += " (" + e.Why + ")"
		}
		report(analysis.Diagnostic{
			Pos:     pos,
			Message: msg,
			Related: []analysis.RelatedInformation{{Pos: loop.Pos(), Message: "the loop"}},
		})
	}
	return nil
}
