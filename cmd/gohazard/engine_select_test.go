package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/gohazard/gohazard"
)

// TestSelectAnalyzers checks the in-process reading of analyzer flags,
// which must select what go vet's protocol selects.
func TestSelectAnalyzers(t *testing.T) {
	entries := gohazard.Entries()
	for _, tc := range []struct {
		args      []string
		with      []string // analyzers that run
		without   []string // analyzers that do not
		only      bool     // with is the whole list
		tests     bool
		flagValue string // in the cache key
		err       string
	}{
		{args: nil, with: []string{"recvleak", "deferloop", "printf"}, without: []string{"sendleak", "hotalloc", "SA2001"}, tests: true},
		{args: []string{"-sendleak", "-doublelock"}, with: []string{"doublelock", "sendleak"}, only: true, tests: true},
		{args: []string{"-recvleak=false", "-test=false"}, with: []string{"deferloop"}, without: []string{"recvleak", "sendleak"}},
		{args: []string{"-leakcheck=false"}, with: []string{"deferloop"}, without: []string{"recvleak", "heldlock", "sendleak"}, tests: true},
		{args: []string{"-prealloc.conditional"}, with: []string{"prealloc"}, tests: true, flagValue: "-prealloc.conditional=true\n"},
		{args: []string{"-printfuncs", "Logf"}, with: []string{"printf"}, tests: true, flagValue: ",logf,"}, // go vet's old name
		{args: []string{"-nosuch"}, err: "flag provided but not defined: -nosuch"},
	} {
		cl, err := parseCommandLine(entries, append(tc.args, "./..."))
		if err == nil {
			err = cl.expandFamilies(entries)
		}
		if err != nil {
			t.Fatal(err)
		}
		sel, err := selectAnalyzers(entries, cl)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.args, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", tc.args, err)
		}
		var names []string
		for _, a := range sel.run {
			if sel.report[a.Name] {
				names = append(names, a.Name)
			}
		}
		if len(names) != len(sel.report) {
			t.Errorf("%q: reports %v, but runs only %v of them", tc.args, sel.report, names)
		}
		for _, n := range tc.with {
			if !slices.Contains(names, n) {
				t.Errorf("%q: %s does not run: %v", tc.args, n, names)
			}
		}
		for _, n := range tc.without {
			if slices.Contains(names, n) {
				t.Errorf("%q: %s runs", tc.args, n)
			}
		}
		if tc.only && len(names) != len(tc.with) {
			t.Errorf("%q: runs %v, want only %v", tc.args, names, tc.with)
		}
		if sel.tests != tc.tests {
			t.Errorf("%q: tests %v, want %v", tc.args, sel.tests, tc.tests)
		}
		if !strings.Contains(sel.key, tc.flagValue) {
			t.Errorf("%q: flag values %q lack %q", tc.args, sel.key, tc.flagValue)
		}
	}
	// The flag set above is prealloc's own: put it back.
	cl, _ := parseCommandLine(entries, []string{"-prealloc.conditional=false"})
	if sel, err := selectAnalyzers(entries, cl); err != nil || !strings.Contains(sel.key, "-prealloc.conditional=false\n") {
		t.Fatalf("resetting -prealloc.conditional: %v", err)
	}
}

// TestSelectionKey checks that a selection within the default set runs
// the default set under the default cache key, so that it finds what a
// default run left in the cache, and that one beyond it does not.
func TestSelectionKey(t *testing.T) {
	entries := gohazard.Entries()
	selected := func(args ...string) *selection {
		t.Helper()
		cl, err := parseCommandLine(entries, append(args, "./..."))
		if err == nil {
			err = cl.expandFamilies(entries)
		}
		var sel *selection
		if err == nil {
			sel, err = selectAnalyzers(entries, cl)
		}
		if err != nil {
			t.Fatal(err)
		}
		return sel
	}
	runs := func(sel *selection) []string {
		var names []string
		for _, a := range sel.run {
			names = append(names, a.Name)
		}
		return names
	}
	base := selected()
	for _, args := range [][]string{{"-deferloop"}, {"-leakcheck=false"}, {"-recvleak=false", "-test=false"}, {"-vet=false"}} {
		sel := selected(args...)
		if sel.key != base.key || !slices.Equal(runs(sel), runs(base)) {
			t.Errorf("%q: runs %v under key %q, want the default %v under %q", args, runs(sel), sel.key, runs(base), base.key)
		}
		if len(sel.report) >= len(base.report) {
			t.Errorf("%q: reports %d analyzers, the default %d", args, len(sel.report), len(base.report))
		}
	}
	if sel := selected("-sendleak"); slices.Equal(runs(sel), runs(base)) || !sel.report["sendleak"] || len(sel.report) != 1 {
		t.Errorf("-sendleak: runs %v, reports %v", runs(sel), sel.report)
	}
	if sel := selected("-prealloc.conditional"); sel.key == base.key {
		t.Errorf("-prealloc.conditional: the default key")
	}
	selected("-prealloc.conditional=false")
}
