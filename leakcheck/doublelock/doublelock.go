package doublelock

import (
	_ "embed"
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/lockstate"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "doublelock",
	Doc:      analysisdoc.MustExtract(doc, "doublelock"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/doublelock",
	Requires: []*analysis.Analyzer{lockstate.Analyzer},
	Run:      run,
}

// Meta places doublelock among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: false, Since: "v0.1.0", Severity: meta.Error}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[lockstate.Analyzer].(*lockstate.Result)
	for _, rl := range res.Relocks {
		// A goroutine's captured mutex may be unlocked by the function
		// that started it.
		if rl.Shared {
			continue
		}
		if rl.Held.Read && rl.Again.Read {
			reportRecursiveRead(pass, rl, res.Writers)
			continue
		}
		if rl.Callee == nil {
			where := "locked here"
			if rl.Held.Call == rl.Again.Call {
				where = "locked here on the previous iteration, and not unlocked on the way round"
			}
			pass.Report(analysis.Diagnostic{
				Pos:     rl.At.Pos(),
				Message: fmt.Sprintf("%s of a mutex this path already holds blocks forever: sync mutexes are not reentrant", rl.Again.Method),
				Related: []analysis.RelatedInformation{{Pos: rl.Held.Pos(), Message: where}},
			})
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:     rl.At.Pos(),
			Message: fmt.Sprintf("call of %s blocks forever: it calls %s on a mutex this path already holds, and sync mutexes are not reentrant", calleeName(rl.Callee), rl.Again.Method),
			Related: []analysis.RelatedInformation{
				{Pos: rl.Held.Pos(), Message: "locked here"},
				{Pos: rl.Again.Pos(), Message: "locked again here"},
			},
		})
	}
	return nil, nil
}

// reportRecursiveRead reports a second RLock (direct or in a callee) of
// an RWMutex that the path read-holds, when the package also write-locks
// it: a Lock that comes between the two RLocks waits for the first, and
// the second waits for the Lock, so all three block forever (RWMutex
// blocks new readers while a writer waits). A mutex in a local variable
// has no writer on another goroutine.
func reportRecursiveRead(pass *analysis.Pass, rl lockstate.Relock, writers map[types.Object]lockstate.Op) {
	writer, ok := writers[rl.Held.Key]
	if rl.Local || !ok {
		return
	}
	related := []analysis.RelatedInformation{{Pos: rl.Held.Pos(), Message: "read-locked here"}}
	msg := "recursive RLock deadlocks once a Lock waits between the two: this path already read-holds the mutex"
	if rl.Callee != nil {
		related = append(related, analysis.RelatedInformation{Pos: rl.Again.Pos(), Message: "read-locked again here"})
		msg = fmt.Sprintf("call of %s deadlocks once a Lock waits: it read-locks again a mutex this path read-holds", calleeName(rl.Callee))
	}
	related = append(related, analysis.RelatedInformation{Pos: writer.Pos(), Message: "a writer locks it here"})
	pass.Report(analysis.Diagnostic{
		Pos:     rl.At.Pos(),
		Message: msg,
		Related: related,
	})
}

// calleeName names a callee as the source does: a method value by its
// method, a closure as a function literal.
func calleeName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return "the function literal"
	}
	return strings.TrimSuffix(fn.Name(), "$bound")
}
