package gohazard_test

import (
	"path/filepath"
	"testing"

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
	"github.com/gohazard/gohazard/leakcheck/sendleak"
	"github.com/gohazard/gohazard/leakcheck/storedcancel"
	"github.com/gohazard/gohazard/leakcheck/tickerstop"
	"github.com/gohazard/gohazard/leakcheck/timerdrain"
	"github.com/gohazard/gohazard/leakcheck/wgdone"
	"github.com/gohazard/gohazard/passes/testutil"
)

// td is a directory under testdata.
func td(elem ...string) string { return filepath.Join(append([]string{"testdata"}, elem...)...) }

// defaultCases are the analyzers' testdata with their flags at their
// defaults. The analyzers whose flags name files (hotalloc's compiler log
// and profile, runtimeleak's profile) are tested in their packages too.
var defaultCases = []testutil.Case{
	{Analyzer: deferloop.Analyzer, Dir: td("deferloop"), Fixes: true},
	{Analyzer: hotalloc.Analyzer, Dir: td("hotalloc"), Patterns: []string{"."}},
	{Analyzer: mapprealloc.Analyzer, Dir: td("mapprealloc"), Fixes: true},
	{Analyzer: prealloc.Analyzer, Dir: td("prealloc"), Patterns: []string{"."}, Fixes: true},
	// Before Go 1.21 there is no max: a count that may be negative is
	// guarded in words, with no fix.
	{Analyzer: prealloc.Analyzer, Dir: td("prealloc", "go120"), Patterns: []string{"."}, Fixes: true},
	{Analyzer: stringsbuilder.Analyzer, Dir: td("stringsbuilder"), Fixes: true},
	// By default files at Go 1.23 or later are not reported; a file
	// whose build constraint sets an older version is.
	{Analyzer: timeafterloop.Analyzer, Dir: td("timeafterloop", "quiet")},
	// Before Go 1.23 the findings are worded as leaks and no fix is
	// offered, since Reset does not yet discard a stale expiry.
	{Analyzer: timeafterloop.Analyzer, Dir: td("timeafterloop", "go122")},
	{Analyzer: ctxbackground.Analyzer, Dir: td("ctxbackground"), Fixes: true},
	{Analyzer: ctxdone.Analyzer, Dir: td("ctxdone")},
	{Analyzer: ctxloop.Analyzer, Dir: td("ctxloop")},
	{Analyzer: ctxrequest.Analyzer, Dir: td("ctxrequest"), Fixes: true},
	{Analyzer: circularwait.Analyzer, Dir: td("circularwait")},
	{Analyzer: condsignal.Analyzer, Dir: td("condsignal")},
	{Analyzer: doublelock.Analyzer, Dir: td("doublelock")},
	// A Lock through a call of another package's function, known from
	// its facts.
	{Analyzer: doublelock.Analyzer, Dir: td("lockfacts"), Patterns: []string{"./callers"}},
	{Analyzer: heldlock.Analyzer, Dir: td("heldlock")},
	{Analyzer: lockedsend.Analyzer, Dir: td("lockedsend")},
	{Analyzer: lockorder.Analyzer, Dir: td("lockorder")},
	{Analyzer: noexit.Analyzer, Dir: td("noexit")},
	{Analyzer: nostop.Analyzer, Dir: td("nostop")},
	{Analyzer: recvleak.Analyzer, Dir: td("recvleak")},
	{Analyzer: sendleak.Analyzer, Dir: td("sendleak"), Fixes: true},
	{Analyzer: storedcancel.Analyzer, Dir: td("storedcancel")},
	{Analyzer: tickerstop.Analyzer, Dir: td("tickerstop")},
	// From Go 1.23 on nothing is reported.
	{Analyzer: tickerstop.Analyzer, Dir: td("tickerstop", "go126")},
	{Analyzer: timerdrain.Analyzer, Dir: td("timerdrain")},
	{Analyzer: wgdone.Analyzer, Dir: td("wgdone")},
}

// TestAnalyzers checks every analyzer against its testdata, all in one
// load (testutil.RunSuite).
func TestAnalyzers(t *testing.T) {
	testutil.RunSuite(t, defaultCases)
}

// TestAnalyzerFlags checks the analyzers' testdata that needs a flag set.
func TestAnalyzerFlags(t *testing.T) {
	for _, f := range []struct {
		a           *analysis.Analyzer
		name, value string
	}{
		// Conditional appends and assignments are reported as an upper
		// bound.
		{prealloc.Analyzer, "conditional", "true"},
		{mapprealloc.Analyzer, "conditional", "true"},
		// From Go 1.23 the restarted timeout is reported only with
		// -timeafterloop.restart.
		{timeafterloop.Analyzer, "restart", "true"},
	} {
		flag := f.a.Flags.Lookup(f.name)
		old := flag.Value.String()
		if err := flag.Value.Set(f.value); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { flag.Value.Set(old) })
	}
	testutil.RunSuite(t, []testutil.Case{
		{Analyzer: prealloc.Analyzer, Dir: td("prealloc", "conditional"), Patterns: []string{"."}, Fixes: true},
		{Analyzer: mapprealloc.Analyzer, Dir: td("mapprealloc", "conditional"), Patterns: []string{"."}, Fixes: true},
		{Analyzer: timeafterloop.Analyzer, Dir: td("timeafterloop"), Fixes: true},
	})
}
