package noexit

import (
	_ "embed"
	"fmt"
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "noexit",
	Doc:      analysisdoc.MustExtract(doc, "noexit"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/noexit",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      run,
}

// Meta places noexit among gohazard's analyzers. Off by default: 0 of 1
// remaining findings real in the survey of five modules.
var Meta = meta.Info{Family: meta.LeakCheck, Default: false, Since: "v0.1.0", Severity: meta.Warning}

func run(pass *analysis.Pass) (any, error) {
	funcs := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	once := newRunsOnce(pass, funcs)
	for instr := range apimatch.Instructions(funcs) {
		g, ok := instr.(*ssa.Go)
		if !ok || !named(g.Parent()) || once.test(g.Parent()) || guardedBySharedState(g) {
			continue
		}
		fn := g.Call.StaticCallee()
		if fn == nil || fn.Blocks == nil || !endless(fn) {
			continue
		}
		name := g.Parent().Name()
		msg := fmt.Sprintf("goroutine never exits, so every call of %s leaks one: no path of it returns", name)
		if pass.Pkg.Name() == "main" {
			msg = fmt.Sprintf("goroutine never exits, so every call of %s adds one for the life of the process: no path of it returns", name)
		}
		pass.Report(analysis.Diagnostic{Pos: g.Pos(), Message: msg})
	}
	return nil, nil
}

// named reports whether fn is declared with a name: a function literal
// may be run once or many times by whatever it is handed to.
func named(fn *ssa.Function) bool {
	_, ok := fn.Syntax().(*ast.FuncDecl)
	return ok
}

// runsOnce decides which functions of the package run at most once per
// process (or per test run), so that an endless goroutine they start is
// by design rather than a leak per call.
type runsOnce struct {
	pass    *analysis.Pass
	callers map[*ssa.Function][]*ssa.Function // static callers in the package
	callees map[*ssa.Function][]*ssa.Function // the converse of callers
	escapes map[*ssa.Function]bool            // used other than by a static call
	often   map[*ssa.Function]bool            // computed on first use
}

func newRunsOnce(pass *analysis.Pass, funcs []*ssa.Function) *runsOnce {
	r := &runsOnce{pass: pass, callers: map[*ssa.Function][]*ssa.Function{}, callees: map[*ssa.Function][]*ssa.Function{}, escapes: map[*ssa.Function]bool{}}
	for instr := range apimatch.Instructions(funcs) {
		// Test files add callers in the package's test variant only;
		// counting them would make the two variants disagree.
		if r.inTestFile(instr.Parent()) {
			continue
		}
		call, isCall := instr.(ssa.CallInstruction)
		for i, op := range instr.Operands(nil) {
			fn, ok := (*op).(*ssa.Function)
			if !ok {
				continue
			}
			if isCall && i == 0 && call.Common().Value == fn {
				r.callers[fn] = append(r.callers[fn], instr.Parent())
				r.callees[instr.Parent()] = append(r.callees[instr.Parent()], fn)
			} else {
				r.escapes[fn] = true
			}
		}
	}
	return r
}

// how a function's own properties decide whether it runs once
type basis int

const (
	byCallers basis = iota // runs once if all its callers do
	once
	often
)

// basis: main and init, a test, benchmark, example or fuzz function, and a
// function literal handed to sync.Once.Do run once; other function
// literals, and exported (outside test files) or escaping functions, may
// run often; any other function used only by static calls runs as often
// as its callers.
func (r *runsOnce) basis(fn *ssa.Function) basis {
	if fn.Parent() != nil {
		if handedToOnceDo(fn) {
			return once
		}
		return often
	}
	name := fn.Name()
	if name == "main" || name == "init" || strings.HasPrefix(name, "init#") {
		return once
	}
	if r.inTestFile(fn) {
		for _, prefix := range []string{"Test", "Benchmark", "Example", "Fuzz"} {
			if strings.HasPrefix(name, prefix) {
				return once
			}
		}
	}
	// A test file's functions are seen only by the package's tests, and
	// the calls made in test files are not counted: exported or not, one
	// is like an unexported function, run as often as its callers.
	if ast.IsExported(name) && !r.inTestFile(fn) || r.escapes[fn] {
		return often
	}
	return byCallers
}

// test reports whether fn runs at most once. Running often spreads from
// the functions that run often to the byCallers functions they call, a
// least fixed point, so that the answer does not depend on the order of
// queries in call cycles: a cycle with no caller outside it runs once.
func (r *runsOnce) test(fn *ssa.Function) bool {
	if b := r.basis(fn); b != byCallers {
		return b == once
	}
	if r.often == nil {
		r.often = map[*ssa.Function]bool{}
		var work []*ssa.Function
		for caller := range r.callees {
			if r.basis(caller) == often {
				work = append(work, caller)
			}
		}
		for len(work) > 0 {
			f := work[len(work)-1]
			work = work[:len(work)-1]
			for _, callee := range r.callees[f] {
				if !r.often[callee] && r.basis(callee) == byCallers {
					r.often[callee] = true
					work = append(work, callee)
				}
			}
		}
	}
	return !r.often[fn]
}

func (r *runsOnce) inTestFile(fn *ssa.Function) bool {
	file := r.pass.Fset.File(fn.Pos())
	return file != nil && strings.HasSuffix(file.Name(), "_test.go")
}

// handedToOnceDo reports whether the function literal fn is passed to
// (*sync.Once).Do, directly or as the closure binding its free variables.
func handedToOnceDo(fn *ssa.Function) bool {
	for _, ref := range *fn.Referrers() {
		uses := []ssa.Instruction{ref}
		if mc, ok := ref.(*ssa.MakeClosure); ok {
			uses = *mc.Referrers()
		}
		for _, use := range uses {
			if call, ok := use.(ssa.CallInstruction); ok && apimatch.IsMethod(apimatch.Callee(call.Common()), "sync", "Once", "Do") {
				return true
			}
		}
	}
	return false
}

// endless reports whether no path from the entry of fn returns or
// panics, counting a range over a ticker's channel, which is never
// closed, as endless. A goroutine that panics (or calls a function that
// never returns, like os.Exit) takes the process down with it: it ends,
// and is no leak. The builder's own panics, which have no position (a
// blocking select matching no case), cannot happen.
func endless(fn *ssa.Function) bool {
	return cfgpath.PathAvoiding(fn.Blocks[0].Instrs[0], chanop.EndlessRanges(fn), nil, func(b *ssa.BasicBlock) bool {
		switch last := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return:
			return true
		case *ssa.Panic:
			return last.Pos().IsValid()
		}
		return false
	}) == nil
}

// guardedBySharedState reports whether the go statement runs only when a
// condition on package-level variables or atomics holds (a start-once
// flag, a CompareAndSwap, a bound on a pool's size): such goroutines are
// started a bounded number of times by design.
func guardedBySharedState(g *ssa.Go) bool {
	for child, d := g.Block(), g.Block().Idom(); d != nil; child, d = d, d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		// A loop header that dominates the statement guards it too: the
		// loop bound decides how many are started.
		if readsShared(iff.Cond, 6) && (d.Succs[0].Dominates(child) != d.Succs[1].Dominates(child) || d == child) {
			return true
		}
	}
	return false
}

// readsShared reports whether v is computed, within depth steps, from a
// package-level variable or an atomic operation.
func readsShared(v ssa.Value, depth int) bool {
	if depth == 0 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Global:
		return true
	case *ssa.Call:
		// The runtime has its own atomics.
		if obj := apimatch.Callee(&v.Call); obj != nil && obj.Pkg() != nil && (obj.Pkg().Path() == "sync/atomic" || obj.Pkg().Path() == "internal/runtime/atomic") {
			return true
		}
		for _, a := range v.Call.Args {
			if readsShared(a, depth-1) {
				return true
			}
		}
	case *ssa.Phi:
		for _, e := range v.Edges {
			if e != v && readsShared(e, depth-1) {
				return true
			}
		}
	case ssa.Instruction:
		for _, op := range v.Operands(nil) {
			if *op != nil && readsShared(*op, depth-1) {
				return true
			}
		}
	}
	return false
}
