package recvleak

import (
	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard/passes/primitives"
)

// fields reports receives from the channels kept in fields and variables
// the package owns when nothing in the package, nor any code a channel of
// the location reaches, can send on or close them.
func fields(pass *analysis.Pass, model *primitives.Model) {
	for _, l := range model.Locs {
		if l.Kind != primitives.Chan || !l.Known() || l.Has(primitives.Send) || l.Has(primitives.Close) ||
			l.Outside.Has(primitives.Send) || l.Outside.Has(primitives.Close) {
			continue
		}
		related := primitives.Made(l, "the channel")
		for _, op := range l.Ops {
			if (op.Kind == primitives.Recv || op.Kind == primitives.Range) && op.Chan.Select == nil && !op.Remote {
				pass.Report(analysis.Diagnostic{Pos: op.Pos(), Related: related,
					Message: "receive blocks forever: nothing sends on or closes this channel"})
			}
		}
	}
}
