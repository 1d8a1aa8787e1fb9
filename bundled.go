package gohazard

import (
	"golang.org/x/tools/go/analysis/passes/appends"
	"golang.org/x/tools/go/analysis/passes/asmdecl"
	"golang.org/x/tools/go/analysis/passes/assign"
	"golang.org/x/tools/go/analysis/passes/atomic"
	"golang.org/x/tools/go/analysis/passes/bools"
	"golang.org/x/tools/go/analysis/passes/buildtag"
	"golang.org/x/tools/go/analysis/passes/cgocall"
	"golang.org/x/tools/go/analysis/passes/composite"
	"golang.org/x/tools/go/analysis/passes/copylock"
	"golang.org/x/tools/go/analysis/passes/defers"
	"golang.org/x/tools/go/analysis/passes/directive"
	"golang.org/x/tools/go/analysis/passes/errorsas"
	"golang.org/x/tools/go/analysis/passes/framepointer"
	"golang.org/x/tools/go/analysis/passes/hostport"
	"golang.org/x/tools/go/analysis/passes/httpresponse"
	"golang.org/x/tools/go/analysis/passes/ifaceassert"
	"golang.org/x/tools/go/analysis/passes/loopclosure"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
	"golang.org/x/tools/go/analysis/passes/nilfunc"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/analysis/passes/shift"
	"golang.org/x/tools/go/analysis/passes/sigchanyzer"
	"golang.org/x/tools/go/analysis/passes/slog"
	"golang.org/x/tools/go/analysis/passes/stdmethods"
	"golang.org/x/tools/go/analysis/passes/stdversion"
	"golang.org/x/tools/go/analysis/passes/stringintconv"
	"golang.org/x/tools/go/analysis/passes/structtag"
	"golang.org/x/tools/go/analysis/passes/testinggoroutine"
	"golang.org/x/tools/go/analysis/passes/tests"
	"golang.org/x/tools/go/analysis/passes/timeformat"
	"golang.org/x/tools/go/analysis/passes/unmarshal"
	"golang.org/x/tools/go/analysis/passes/unreachable"
	"golang.org/x/tools/go/analysis/passes/unsafeptr"
	"golang.org/x/tools/go/analysis/passes/unusedresult"
	"golang.org/x/tools/go/analysis/passes/waitgroup"
	"honnef.co/go/tools/analysis/lint"
	"honnef.co/go/tools/staticcheck/sa1012"
	"honnef.co/go/tools/staticcheck/sa1015"
	"honnef.co/go/tools/staticcheck/sa1025"
	"honnef.co/go/tools/staticcheck/sa1029"
	"honnef.co/go/tools/staticcheck/sa2001"
	"honnef.co/go/tools/staticcheck/sa2002"
	"honnef.co/go/tools/staticcheck/sa2003"
	"honnef.co/go/tools/staticcheck/sa5002"
	"honnef.co/go/tools/staticcheck/sa5003"
	"honnef.co/go/tools/staticcheck/sa5004"
	"honnef.co/go/tools/staticcheck/sa5005"
	"honnef.co/go/tools/staticcheck/sa6000"
	"honnef.co/go/tools/staticcheck/sa6001"
	"honnef.co/go/tools/staticcheck/sa6002"
	"honnef.co/go/tools/staticcheck/sa6003"
	"honnef.co/go/tools/staticcheck/sa6005"
	"honnef.co/go/tools/staticcheck/sa6006"

	"github.com/gohazard/gohazard/passes/meta"
)

// vetSuite is go vet's own suite (cmd/vet/main.go of the Go release),
// bundled so that go vet -vettool=gohazard loses none of vet's checks.
var vetSuite = []Entry{
	{Analyzer: appends.Analyzer},
	{Analyzer: asmdecl.Analyzer},
	{Analyzer: assign.Analyzer},
	{Analyzer: atomic.Analyzer},
	{Analyzer: bools.Analyzer},
	{Analyzer: buildtag.Analyzer},
	{Analyzer: cgocall.Analyzer},
	{Analyzer: composite.Analyzer},
	{Analyzer: copylock.Analyzer},
	{Analyzer: defers.Analyzer},
	{Analyzer: directive.Analyzer},
	{Analyzer: errorsas.Analyzer},
	{Analyzer: framepointer.Analyzer},
	{Analyzer: httpresponse.Analyzer},
	{Analyzer: hostport.Analyzer},
	{Analyzer: ifaceassert.Analyzer},
	{Analyzer: loopclosure.Analyzer},
	{Analyzer: lostcancel.Analyzer},
	{Analyzer: nilfunc.Analyzer},
	{Analyzer: printf.Analyzer},
	{Analyzer: shift.Analyzer},
	{Analyzer: sigchanyzer.Analyzer},
	{Analyzer: slog.Analyzer},
	{Analyzer: stdmethods.Analyzer},
	{Analyzer: stdversion.Analyzer},
	{Analyzer: stringintconv.Analyzer},
	{Analyzer: structtag.Analyzer},
	{Analyzer: tests.Analyzer},
	{Analyzer: testinggoroutine.Analyzer},
	{Analyzer: timeformat.Analyzer},
	{Analyzer: unmarshal.Analyzer},
	{Analyzer: unreachable.Analyzer},
	{Analyzer: unsafeptr.Analyzer},
	{Analyzer: unusedresult.Analyzer},
	{Analyzer: waitgroup.Analyzer},
}

// staticcheckChecks are staticcheck's checks that sit next to gohazard's:
// concurrency (SA2000 series but SA2000, which is vet's waitgroup), timers
// and contexts (SA1012, SA1015, SA1025, SA1029), loops that spin or never
// run their defers (SA5002-SA5005) and allocation (SA6000 series).
var staticcheckChecks = []*lint.Analyzer{
	sa1012.SCAnalyzer,
	sa1015.SCAnalyzer,
	sa1025.SCAnalyzer,
	sa1029.SCAnalyzer,
	sa2001.SCAnalyzer,
	sa2002.SCAnalyzer,
	sa2003.SCAnalyzer,
	sa5002.SCAnalyzer,
	sa5003.SCAnalyzer,
	sa5004.SCAnalyzer,
	sa5005.SCAnalyzer,
	sa6000.SCAnalyzer,
	sa6001.SCAnalyzer,
	sa6002.SCAnalyzer,
	sa6003.SCAnalyzer,
	sa6005.SCAnalyzer,
	sa6006.SCAnalyzer,
}

// bundled returns the entries of the peer analyzers gohazard carries.
func bundled() []Entry {
	entries := make([]Entry, 0, len(vetSuite))
	for _, e := range vetSuite {
		e.Info = meta.Info{Family: Vet, Default: true, Since: "v0.2.0", Severity: meta.Warning}
		entries = append(entries, e)
	}
	for _, a := range staticcheckChecks {
		entries = append(entries, Entry{Analyzer: a.Analyzer, Info: meta.Info{Family: Staticcheck, Default: false, Since: "v0.2.0", Severity: severity(a.Doc.Severity)}})
	}
	return entries
}

func severity(s lint.Severity) meta.Severity {
	switch s {
	case lint.SeverityError:
		return meta.Error
	case lint.SeverityWarning, lint.SeverityDeprecated:
		return meta.Warning
	}
	return meta.Note
}
