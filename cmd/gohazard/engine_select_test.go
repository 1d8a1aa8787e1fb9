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
		as, tests, values, err := selectAnalyzers(entries, cl)
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
		for _, a := range as {
			names = append(names, a.Name)
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
		if tests != tc.tests {
			t.Errorf("%q: tests %v, want %v", tc.args, tests, tc.tests)
		}
		if !strings.Contains(values, tc.flagValue) {
			t.Errorf("%q: flag values %q lack %q", tc.args, values, tc.flagValue)
		}
	}
	// The flag set above is prealloc's own: put it back.
	cl, _ := parseCommandLine(entries, []string{"-prealloc.conditional=false"})
	if _, _, values, err := selectAnalyzers(entries, cl); err != nil || !strings.Contains(values, "-prealloc.conditional=false\n") {
		t.Fatalf("resetting -prealloc.conditional: %v", err)
	}
}
