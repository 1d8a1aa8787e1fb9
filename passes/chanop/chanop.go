// Package chanop lists the channel operations of an SSA function (sends,
// receives, range loops, closes, select cases) and answers questions
// about select statements and channels the runtime never closes.
package chanop

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
)

// Kind is the kind of a channel operation.
type Kind int

const (
	Send      Kind = iota // ch <- v, or a send case of a select
	Recv                  // <-ch, or a receive case of a select
	RangeRecv             // the receive of a for-range loop over a channel
	Close                 // close(ch)
)

func (k Kind) String() string {
	switch k {
	case Send:
		return "send"
	case Recv:
		return "receive"
	case RangeRecv:
		return "range"
	case Close:
		return "close"
	}
	return "?"
}

// Op is one channel operation of a function.
type Op struct {
	Kind  Kind
	Chan  ssa.Value       // the channel operated on
	Instr ssa.Instruction // *ssa.Send, *ssa.UnOp, *ssa.Select, or the close call or defer
	// Select is the select statement the operation is a case of, or nil.
	// Index is the case's index among Select.States.
	Select *ssa.Select
	Index  int
	// Remote marks an operation done by a function of another package
	// that Instr, a call, hands the channel to (known from its facts).
	Remote bool
}

// Pos returns the position of the operation: the arrow of a send or
// receive, the case of a select, or the close call.
func (op Op) Pos() token.Pos {
	if op.Select != nil {
		return op.Select.States[op.Index].Pos
	}
	return op.Instr.Pos()
}

// Blocking reports whether the operation can block: every send and
// receive, except a select case when the select has a default.
func (op Op) Blocking() bool {
	if op.Kind == Close {
		return false
	}
	return op.Select == nil || op.Select.Blocking
}

// Ops returns the channel operations of fn in block and instruction
// order.
func Ops(fn *ssa.Function) []Op {
	var ops []Op
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Send:
				ops = append(ops, Op{Kind: Send, Chan: instr.Chan, Instr: instr})
			case *ssa.UnOp:
				if instr.Op != token.ARROW {
					continue
				}
				kind := Recv
				if isRangeRecv(instr) {
					kind = RangeRecv
				}
				ops = append(ops, Op{Kind: kind, Chan: instr.X, Instr: instr})
			case *ssa.Select:
				for i, st := range instr.States {
					kind := Recv
					if st.Dir == types.SendOnly {
						kind = Send
					}
					ops = append(ops, Op{Kind: kind, Chan: st.Chan, Instr: instr, Select: instr, Index: i})
				}
			case *ssa.Call, *ssa.Defer, *ssa.Go:
				// A deferred close closes on every path that returns
				// after the defer; go close(ch) closes at some time.
				if call := instr.(ssa.CallInstruction).Common(); apimatch.Builtin(call) == "close" {
					ops = append(ops, Op{Kind: Close, Chan: call.Args[0], Instr: instr})
				}
			}
		}
	}
	return ops
}

// isRangeRecv reports whether a comma-ok receive is the one a for-range
// loop over a channel generates: its block is the "rangechan.loop" block.
func isRangeRecv(u *ssa.UnOp) bool {
	return u.CommaOk && u.Block().Comment == "rangechan.loop"
}

// EndlessRanges returns, as points to avoid, the exits of fn's ranges over
// channels that the runtime never closes (time.Tick, a time.Ticker's C):
// a path leaving such a loop cannot happen.
func EndlessRanges(fn *ssa.Function) cfgpath.Points {
	avoid := cfgpath.Points{}
	for _, op := range Ops(fn) {
		if op.Kind == RangeRecv && TickerChan(op.Chan) {
			b := op.Instr.Block()
			avoid.Add(b.Succs[len(b.Succs)-1], nil)
		}
	}
	return avoid
}

// TickerChan reports whether v is the channel of time.Tick or the C of a
// time.Ticker, which the runtime never closes.
func TickerChan(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Call:
		return apimatch.CallsFunc(&v.Call, "time", "Tick")
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
		if !ok {
			return false
		}
		named, ok := types.Unalias(ptr.Elem()).(*types.Named)
		if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "time" || named.Obj().Name() != "Ticker" {
			return false
		}
		return named.Underlying().(*types.Struct).Field(fa.Field).Name() == "C"
	}
	return false
}

// CaseBodies returns the block each case of sel continues in, by case
// index, and the default's (nil for a blocking select). Cases with empty
// bodies may share a block: the one the select statement is followed by.
func CaseBodies(sel *ssa.Select) (bodies []*ssa.BasicBlock, deflt *ssa.BasicBlock) {
	bodies = make([]*ssa.BasicBlock, len(sel.States))
	var idx ssa.Value
	for _, ref := range *sel.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
			idx = ex
		}
	}
	if idx == nil {
		return bodies, nil
	}
	// The builder tests the index against each case in turn:
	// if idx == i goto body_i else next; the last next is the default.
	lastCase := -1
	for _, ref := range *idx.Referrers() {
		cmp, ok := ref.(*ssa.BinOp)
		if !ok {
			continue
		}
		k, ok := cmp.Y.(*ssa.Const)
		if !ok || cmp.Block() == nil {
			continue
		}
		b := cmp.Block()
		n, ok := constantInt(k)
		if iff, isIf := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && isIf && iff.Cond == cmp && n >= 0 && n < len(bodies) {
			bodies[n] = b.Succs[0]
			if n > lastCase {
				lastCase, deflt = n, b.Succs[1]
			}
		}
	}
	if sel.Blocking {
		deflt = nil
	}
	return bodies, deflt
}

func constantInt(c *ssa.Const) (int, bool) {
	if c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	n, ok := constant.Int64Val(c.Value)
	return int(n), ok
}
