// Package registry is the one list of gohazard's analyzers and their
// metadata. The binary, the go vet tool and the golangci-lint plugin all
// take their analyzers from here.
package registry

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard/allocheck/deferloop"
	"github.com/gohazard/gohazard/allocheck/hotalloc"
	"github.com/gohazard/gohazard/allocheck/mapprealloc"
	"github.com/gohazard/gohazard/allocheck/prealloc"
	"github.com/gohazard/gohazard/allocheck/timeafterloop"
	"github.com/gohazard/gohazard/ctxcheck/ctxbackground"
	"github.com/gohazard/gohazard/ctxcheck/ctxdone"
	"github.com/gohazard/gohazard/ctxcheck/ctxloop"
	"github.com/gohazard/gohazard/ctxcheck/ctxrequest"
	"github.com/gohazard/gohazard/leakcheck/circularwait"
	"github.com/gohazard/gohazard/leakcheck/condsignal"
	"github.com/gohazard/gohazard/leakcheck/doublelock"
	"github.com/gohazard/gohazard/leakcheck/heldlock"
	"github.com/gohazard/gohazard/leakcheck/lockedsend"
	"github.com/gohazard/gohazard/leakcheck/lockorder"
	"github.com/gohazard/gohazard/leakcheck/noexit"
	"github.com/gohazard/gohazard/leakcheck/nostop"
	"github.com/gohazard/gohazard/leakcheck/recvleak"
	"github.com/gohazard/gohazard/leakcheck/runtimeleak"
	"github.com/gohazard/gohazard/leakcheck/sendleak"
	"github.com/gohazard/gohazard/leakcheck/storedcancel"
	"github.com/gohazard/gohazard/leakcheck/tickerstop"
	"github.com/gohazard/gohazard/leakcheck/timerdrain"
	"github.com/gohazard/gohazard/leakcheck/wgdone"
	"github.com/gohazard/gohazard/passes/suppress"
)

// Families of analyzers.
const (
	LeakCheck  = "leakcheck"
	CtxCheck   = "ctxcheck"
	AllocCheck = "allocheck"
	// General holds gohazard's own housekeeping analyzers.
	General = "gohazard"
)

// Severity of an analyzer's findings, as SARIF and CI annotations show it.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Entry describes one analyzer.
type Entry struct {
	Analyzer *analysis.Analyzer // as the analyzer's package defines it
	Family   string
	Default  bool   // enabled unless the user chooses analyzers
	Since    string // first gohazard version that has it
	Severity Severity
}

// Entries returns every analyzer's entry, in a fixed order: by family,
// then by name.
func Entries() []Entry {
	entries := []Entry{
		{Analyzer: deferloop.Analyzer, Family: AllocCheck, Default: true, Since: "v0.1.0", Severity: Warning},
		{Analyzer: hotalloc.Analyzer, Family: AllocCheck, Default: false, Since: "v0.2.0", Severity: Note},
		{Analyzer: prealloc.Analyzer, Family: AllocCheck, Default: true, Since: "v0.2.0", Severity: Note},
		{Analyzer: mapprealloc.Analyzer, Family: AllocCheck, Default: true, Since: "v0.2.0", Severity: Note},
		{Analyzer: timeafterloop.Analyzer, Family: AllocCheck, Default: true, Since: "v0.1.0", Severity: Warning},
		{Analyzer: ctxbackground.Analyzer, Family: CtxCheck, Default: true, Since: "v0.2.0", Severity: Warning},
		{Analyzer: ctxrequest.Analyzer, Family: CtxCheck, Default: true, Since: "v0.2.0", Severity: Warning},
		{Analyzer: ctxdone.Analyzer, Family: CtxCheck, Default: true, Since: "v0.2.0", Severity: Warning},
		{Analyzer: ctxloop.Analyzer, Family: CtxCheck, Default: true, Since: "v0.2.0", Severity: Warning},
		{Analyzer: sendleak.Analyzer, Family: LeakCheck, Default: true, Since: "v0.1.0", Severity: Error},
		{Analyzer: heldlock.Analyzer, Family: LeakCheck, Default: true, Since: "v0.1.0", Severity: Error},
		{Analyzer: doublelock.Analyzer, Family: LeakCheck, Default: false, Since: "v0.1.0", Severity: Error},
		{Analyzer: lockorder.Analyzer, Family: LeakCheck, Default: false, Since: "v0.2.0", Severity: Error},
		{Analyzer: lockedsend.Analyzer, Family: LeakCheck, Default: false, Since: "v0.3.0", Severity: Error},
		{Analyzer: nostop.Analyzer, Family: LeakCheck, Default: true, Since: "v0.2.0", Severity: Error},
		{Analyzer: wgdone.Analyzer, Family: LeakCheck, Default: true, Since: "v0.1.0", Severity: Error},
		{Analyzer: noexit.Analyzer, Family: LeakCheck, Default: true, Since: "v0.1.0", Severity: Warning},
		{Analyzer: recvleak.Analyzer, Family: LeakCheck, Default: true, Since: "v0.1.0", Severity: Error},
		{Analyzer: tickerstop.Analyzer, Family: LeakCheck, Default: true, Since: "v0.1.0", Severity: Warning},
		// runtimeleak reports nothing until given a profile.
		{Analyzer: runtimeleak.Analyzer, Family: LeakCheck, Default: true, Since: "v0.3.0", Severity: Error},
		{Analyzer: condsignal.Analyzer, Family: LeakCheck, Default: false, Since: "v0.3.0", Severity: Error},
		{Analyzer: storedcancel.Analyzer, Family: LeakCheck, Default: false, Since: "v0.3.0", Severity: Warning},
		{Analyzer: timerdrain.Analyzer, Family: LeakCheck, Default: false, Since: "v0.3.0", Severity: Error},
		{Analyzer: circularwait.Analyzer, Family: LeakCheck, Default: true, Since: "v0.3.0", Severity: Error},
	}
	entries = append(entries, bundled()...)
	entries = append(entries, Entry{Analyzer: suppress.Malformed(names(entries)), Family: General, Default: true, Since: "v0.1.0", Severity: Warning})
	slices.SortStableFunc(entries, func(a, b Entry) int {
		if a.Family != b.Family {
			return strings.Compare(a.Family, b.Family)
		}
		return strings.Compare(a.Analyzer.Name, b.Analyzer.Name)
	})
	return entries
}

// Analyzers returns the analyzers to run, each wrapped in the suppression
// layer (but for the one that reports on directives, which directives must
// not silence), in the order of Entries.
func Analyzers() []*analysis.Analyzer {
	var as []*analysis.Analyzer
	for _, e := range Entries() {
		a := e.Analyzer
		if e.Family != General {
			a = suppress.Wrap(a, e.Family)
		}
		as = append(as, a)
	}
	return as
}

// names returns the analyzer and family names that directives may use.
func names(entries []Entry) []string {
	ns := []string{LeakCheck, CtxCheck, AllocCheck, Vet, Staticcheck}
	for _, e := range entries {
		ns = append(ns, e.Analyzer.Name)
	}
	return ns
}
