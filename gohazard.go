// Package gohazard is the one list of gohazard's analyzers and their
// metadata. The binary, the go vet tool, the golangci-lint plugin and
// programs that embed gohazard's analyzers all take them from here:
//
//	multichecker.Main(gohazard.Analyzers()...)
//
// Each analyzer's package declares its metadata beside its Analyzer, as
// Meta; Entries pairs the two.
package gohazard

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard/allocheck/deferloop"
	"github.com/gohazard/gohazard/allocheck/hotalloc"
	"github.com/gohazard/gohazard/allocheck/mapprealloc"
	"github.com/gohazard/gohazard/allocheck/prealloc"
	"github.com/gohazard/gohazard/allocheck/stringsbuilder"
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
	"github.com/gohazard/gohazard/passes/meta"
	"github.com/gohazard/gohazard/passes/suppress"
)

// Families of analyzers, as meta declares them.
const (
	LeakCheck   = meta.LeakCheck
	CtxCheck    = meta.CtxCheck
	AllocCheck  = meta.AllocCheck
	General     = meta.General
	Vet         = meta.Vet
	Staticcheck = meta.Staticcheck
)

// Entry describes one analyzer: the analyzer as its package defines it,
// and the metadata its package declares beside it.
type Entry struct {
	Analyzer *analysis.Analyzer
	meta.Info
}

// Entries returns every analyzer's entry, in a fixed order: by family,
// then by name.
func Entries() []Entry {
	entries := []Entry{
		{Analyzer: deferloop.Analyzer, Info: deferloop.Meta},
		{Analyzer: hotalloc.Analyzer, Info: hotalloc.Meta},
		{Analyzer: prealloc.Analyzer, Info: prealloc.Meta},
		{Analyzer: mapprealloc.Analyzer, Info: mapprealloc.Meta},
		{Analyzer: stringsbuilder.Analyzer, Info: stringsbuilder.Meta},
		{Analyzer: timeafterloop.Analyzer, Info: timeafterloop.Meta},
		{Analyzer: ctxbackground.Analyzer, Info: ctxbackground.Meta},
		{Analyzer: ctxrequest.Analyzer, Info: ctxrequest.Meta},
		{Analyzer: ctxdone.Analyzer, Info: ctxdone.Meta},
		{Analyzer: ctxloop.Analyzer, Info: ctxloop.Meta},
		{Analyzer: sendleak.Analyzer, Info: sendleak.Meta},
		{Analyzer: heldlock.Analyzer, Info: heldlock.Meta},
		{Analyzer: doublelock.Analyzer, Info: doublelock.Meta},
		{Analyzer: lockorder.Analyzer, Info: lockorder.Meta},
		{Analyzer: lockedsend.Analyzer, Info: lockedsend.Meta},
		{Analyzer: nostop.Analyzer, Info: nostop.Meta},
		{Analyzer: wgdone.Analyzer, Info: wgdone.Meta},
		{Analyzer: noexit.Analyzer, Info: noexit.Meta},
		{Analyzer: recvleak.Analyzer, Info: recvleak.Meta},
		{Analyzer: tickerstop.Analyzer, Info: tickerstop.Meta},
		{Analyzer: runtimeleak.Analyzer, Info: runtimeleak.Meta},
		{Analyzer: condsignal.Analyzer, Info: condsignal.Meta},
		{Analyzer: storedcancel.Analyzer, Info: storedcancel.Meta},
		{Analyzer: timerdrain.Analyzer, Info: timerdrain.Meta},
		{Analyzer: circularwait.Analyzer, Info: circularwait.Meta},
	}
	entries = append(entries, bundled()...)
	entries = append(entries, Entry{Analyzer: suppress.Malformed(names(entries)), Info: meta.Info{Family: General, Default: true, Since: "v0.1.0", Severity: meta.Warning}})
	slices.SortStableFunc(entries, func(a, b Entry) int {
		if a.Family != b.Family {
			return strings.Compare(a.Family, b.Family)
		}
		return strings.Compare(a.Analyzer.Name, b.Analyzer.Name)
	})
	return entries
}

// Analyzers returns the analyzers to run, each wrapped in the suppression
// layer, in the order of Entries. Not wrapped: the one that reports on
// directives, which directives must not silence, and go vet's own, which
// report what plain go vet reports, in generated files and under
// //nolint too.
func Analyzers() []*analysis.Analyzer {
	var as []*analysis.Analyzer
	for _, e := range Entries() {
		a := e.Analyzer
		if e.Family != General && e.Family != Vet {
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
