package nostop

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/ctxscope"
	"github.com/gohazard/gohazard/passes/meta"
	"github.com/gohazard/gohazard/passes/ssaref"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "nostop",
	Doc:      analysisdoc.MustExtract(doc, "nostop"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/nostop",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      run,
}

// Meta places nostop among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: true, Since: "v0.2.0", Severity: meta.Error}

// A starter is a method that starts a goroutine only a stopper ends.
type starter struct {
	method  *ssa.Function
	goStmt  *ssa.Go
	stopper *ssa.Function
}

func run(pass *analysis.Pass) (any, error) {
	funcs := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	methods := make(map[*types.Named][]*ssa.Function)
	for _, fn := range funcs {
		if named := receiverType(fn); named != nil {
			methods[named] = append(methods[named], fn)
		}
	}
	starters := make(map[*ssa.Function]starter)
	for _, ms := range methods {
		for _, m := range ms {
			if s, ok := findStarter(m, ms); ok {
				starters[m] = s
			}
		}
	}
	if len(starters) == 0 {
		return nil, nil
	}
	for _, fn := range funcs {
		if fn.Parent() == nil && (fn.Name() == "main" || fn.Name() == "init") {
			continue
		}
		for instr := range apimatch.Instructions([]*ssa.Function{fn}) {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			s, ok := starters[call.Call.StaticCallee()]
			if !ok || len(call.Call.Args) == 0 || !droppedUnstopped(call.Call.Args[0], s) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos:     call.Pos(),
				Message: fmt.Sprintf("goroutine started by %s leaks: the value is dropped without calling %s, which alone ends it", s.method.Name(), s.stopper.Name()),
				Related: []analysis.RelatedInformation{
					{Pos: s.goStmt.Pos(), Message: "the goroutine is started here"},
					{Pos: s.stopper.Pos(), Message: s.stopper.Name() + " stops it"},
				},
			})
		}
	}
	return nil, nil
}

// receiverType returns the named type of fn's receiver, pointer or value:
// a value receiver copies the struct, not the channels in its fields.
func receiverType(fn *ssa.Function) *types.Named {
	recv := fn.Signature.Recv()
	if recv == nil || len(fn.Params) == 0 {
		return nil
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, _ := types.Unalias(t).(*types.Named)
	return named
}

// findStarter reports whether fn, a method, starts a goroutine whose only
// way out is a stop signal of the receiver (a receive from one of its
// channel fields, or its context field's Done), and one of the type's
// methods sends that signal.
func findStarter(fn *ssa.Function, methods []*ssa.Function) (starter, bool) {
	for instr := range apimatch.Instructions([]*ssa.Function{fn}) {
		g, ok := instr.(*ssa.Go)
		if !ok {
			continue
		}
		body, subst := ssaref.Bindings(g)
		if body == nil || body.Blocks == nil {
			continue
		}
		field, ok := onlyExit(body, fn.Params[0], subst)
		if !ok {
			continue
		}
		if stop := stopperOf(methods, field); stop != nil && stop != fn {
			return starter{method: fn, goStmt: g, stopper: stop}, true
		}
	}
	return starter{}, false
}

// onlyExit returns the field of recv whose signal is the goroutine body's
// only way to return: every return of body comes after a receive from
// that field's channel (or from its context's Done). The body may receive
// from other fields of recv too, in any order: each is tried.
func onlyExit(body *ssa.Function, recv ssa.Value, subst map[ssa.Value]ssa.Value) (*types.Var, bool) {
	// There must be a return after the signal, and none without it.
	hasReturn := false
	for _, b := range body.Blocks {
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			hasReturn = true
		}
	}
	if !hasReturn {
		return nil, false
	}
	var fields []*types.Var
	avoid := map[*types.Var]cfgpath.Points{}
	for _, op := range chanop.Ops(body) {
		if op.Kind != chanop.Recv {
			continue
		}
		f := signalField(op.Chan, recv, subst)
		if f == nil {
			continue
		}
		if avoid[f] == nil {
			fields = append(fields, f)
			avoid[f] = cfgpath.Points{}
		}
		if op.Select == nil {
			avoid[f].Add(op.Instr.Block(), op.Instr)
			continue
		}
		// A case with an empty body continues where the others do:
		// reaching that block does not tell that this case won.
		bodies, _ := chanop.CaseBodies(op.Select)
		if body := bodies[op.Index]; body != nil && len(body.Preds) == 1 {
			avoid[f].Add(body, nil)
		}
	}
	for _, f := range fields {
		if cfgpath.ReturnAvoiding(body.Blocks[0].Instrs[0], avoid[f]) == nil {
			return f, true
		}
	}
	return nil, false
}

// signalField returns the field f when ch is recv.f (a channel) or
// recv.f.Done() (f a context), with recv seen through subst.
func signalField(ch ssa.Value, recv ssa.Value, subst map[ssa.Value]ssa.Value) *types.Var {
	if call, ok := ch.(*ssa.Call); ok && call.Call.IsInvoke() && call.Call.Method.Name() == "Done" && ctxscope.IsContext(call.Call.Value.Type()) {
		ch = call.Call.Value
	}
	// A field of a value receiver that is not addressed is read directly.
	if fld, ok := ch.(*ssa.Field); ok {
		if st, ok := fld.X.Type().Underlying().(*types.Struct); ok && isRecv(fld.X, recv, subst) {
			return st.Field(fld.Field)
		}
		return nil
	}
	load, ok := ch.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok || !(isRecv(fa.X, recv, subst) || isCopyOf(fa.X, recv, subst)) {
		return nil
	}
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	return st.Field(fa.Field)
}

// isRecv reports whether x is recv, directly or, in a closure, loaded
// from the variable that holds recv and is captured by the closure.
func isRecv(x, recv ssa.Value, subst map[ssa.Value]ssa.Value) bool {
	if ssaref.SameRefIn(x, recv, subst) {
		return true
	}
	load, ok := x.(*ssa.UnOp)
	return ok && load.Op == token.MUL && isCopyOf(load.X, recv, subst)
}

// isCopyOf reports whether cell, seen through subst, is a variable whose
// only stored value is recv: the variable a pointer receiver is captured
// in, or the one a value receiver lives in when its fields are addressed.
func isCopyOf(cell, recv ssa.Value, subst map[ssa.Value]ssa.Value) bool {
	if s, ok := subst[cell]; ok {
		cell = s
	}
	alloc, ok := cell.(*ssa.Alloc)
	if !ok {
		return false
	}
	stored := false
	for _, ref := range *alloc.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == alloc {
			if st.Val != recv {
				return false
			}
			stored = true
		}
	}
	return stored
}

// stopperOf returns a method among methods that closes the channel
// field or sends on it outside a select, or, for a context field, calls a
// context.CancelFunc field.
func stopperOf(methods []*ssa.Function, field *types.Var) *ssa.Function {
	isCtx := ctxscope.IsContext(field.Type())
	for _, m := range methods {
		if len(m.Params) == 0 {
			continue
		}
		recv := m.Params[0]
		if !isCtx && slices.ContainsFunc(chanop.Ops(m), func(op chanop.Op) bool {
			return op.Kind == chanop.Send && op.Select == nil && signalField(op.Chan, recv, nil) == field
		}) {
			return m
		}
		for instr := range apimatch.Instructions([]*ssa.Function{m}) {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			common := call.Common()
			if !isCtx && apimatch.Builtin(common) == "close" && signalField(common.Args[0], recv, nil) == field {
				return m
			}
			if isCtx && !common.IsInvoke() && apimatch.IsType(common.Value.Type(), "context", "CancelFunc") && ofRecv(common.Value, recv) {
				return m
			}
		}
	}
	return nil
}

// ofRecv reports whether v is a field of recv, pointer or value.
func ofRecv(v, recv ssa.Value) bool {
	if fld, ok := v.(*ssa.Field); ok {
		return fld.X == recv
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	return ok && (ssaref.SameRef(fa.X, recv) || isCopyOf(fa.X, recv, nil))
}

// droppedUnstopped reports whether v, the receiver of a call of s's
// method, is a value the calling function makes and keeps to itself, and
// never stops. A value receiver is a load of the variable that holds the
// struct: the variable is judged, each load being one use.
func droppedUnstopped(v ssa.Value, s starter) bool {
	switch x := v.(type) {
	case *ssa.Alloc:
		if !x.Heap {
			return false
		}
	case *ssa.Call:
	case *ssa.UnOp:
		alloc, ok := x.X.(*ssa.Alloc)
		if !ok || x.Op != token.MUL {
			return false
		}
		v = alloc
	default:
		return false
	}
	for _, ref := range *v.Referrers() {
		switch ref := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if ref.Addr != v {
				return false
			}
		case *ssa.UnOp:
			// A load of the whole struct, for a value receiver.
			if ref.Op != token.MUL || ref.X != v {
				return false
			}
			for _, use := range *ref.Referrers() {
				if call, ok := use.(ssa.CallInstruction); !ok || !methodCallOn(call, ref, s) {
					return false
				}
			}
		case *ssa.FieldAddr:
			for _, use := range *ref.Referrers() {
				if st, ok := use.(*ssa.Store); ok && st.Addr == ref {
					continue
				}
				if load, ok := use.(*ssa.UnOp); ok && load.Op == token.MUL {
					continue
				}
				if _, ok := use.(*ssa.DebugRef); ok {
					continue
				}
				return false
			}
		case ssa.CallInstruction:
			if !methodCallOn(ref, v, s) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// methodCallOn reports whether call is a plain call of a method on v, as
// its receiver only, that is not s's stopper.
func methodCallOn(call ssa.CallInstruction, v ssa.Value, s starter) bool {
	common := call.Common()
	callee := common.StaticCallee()
	if callee == nil || callee.Signature.Recv() == nil || len(common.Args) == 0 || common.Args[0] != v {
		return false
	}
	if slices.Contains(common.Args[1:], v) || callee == s.stopper {
		return false
	}
	_, isGo := call.(*ssa.Go)
	return !isGo
}
