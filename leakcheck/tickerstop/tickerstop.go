package tickerstop

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/apimatch"
	"github.com/gohazard/gohazard/passes/cfgpath"
	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/goversion"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "tickerstop",
	Doc:      analysisdoc.MustExtract(doc, "tickerstop"),
	URL:      "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/tickerstop",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      run,
}

// Meta places tickerstop among gohazard's analyzers.
var Meta = meta.Info{Family: meta.LeakCheck, Default: true, Since: "v0.1.0", Severity: meta.Warning}

func run(pass *analysis.Pass) (any, error) {
	for instr := range apimatch.Instructions(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs) {
		call, ok := instr.(*ssa.Call)
		if !ok || goversion.AtLeast(pass, call.Pos(), goversion.TimersCollectable) {
			continue
		}
		var kind string
		switch {
		case apimatch.CallsFunc(&call.Call, "time", "NewTicker"):
			kind = "Ticker"
		case apimatch.CallsFunc(&call.Call, "time", "NewTimer"):
			kind = "Timer"
		default:
			continue
		}
		if stoppedOrElsewhere(call, kind) || cfgpath.ReturnAvoiding(call, chanop.EndlessRanges(call.Parent())) == nil {
			continue
		}
		msg := "ticker is never stopped, so it fires for the life of the process: before Go 1.23 it is never collected"
		if kind == "Timer" {
			msg = "timer is never stopped, so it stays in memory until it fires: before Go 1.23 it is not collected until then"
		}
		pass.Report(analysis.Diagnostic{Pos: call.Pos(), Message: msg})
	}
	return nil, nil
}

// stoppedOrElsewhere reports whether the ticker or timer t is stopped in
// the function (directly or deferred), or used in a way that could stop
// it elsewhere: anything but reading its channel, Reset and Stop.
func stoppedOrElsewhere(t *ssa.Call, kind string) bool {
	for _, ref := range *t.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			// t.C
		case *ssa.DebugRef:
		case ssa.CallInstruction:
			obj := apimatch.Callee(ref.Common())
			switch {
			case apimatch.IsMethod(obj, "time", kind, "Stop"):
				return true
			case apimatch.IsMethod(obj, "time", kind, "Reset") && ref.Common().Args[0] == t:
			default:
				return true
			}
		default:
			return true
		}
	}
	return false
}
