package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard"
)

func TestFactsOnly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, want := range map[string]bool{
		`{"ID": "p", "VetxOnly": true}`:  true,
		`{"ID": "p", "VetxOnly": false}`: false,
		`{"ID": "p"}`:                    false,
		`not json`:                       false,
	} {
		f := filepath.Join(dir, "vet.cfg")
		if err := os.WriteFile(f, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := factsOnly(f); got != want {
			t.Errorf("factsOnly(%s) = %t, want %t", name, got, want)
		}
	}
	if factsOnly(filepath.Join(dir, "missing.cfg")) {
		t.Errorf("factsOnly of a missing file = true")
	}
}

// A facts-only run still computes every fact that the full list of
// analyzers computes, and runs no analyzer that only reports.
func TestForFacts(t *testing.T) {
	t.Parallel()
	all := gohazard.Analyzers()
	stubs := forFacts(all)
	before, after := reachable(all), reachable(stubs)
	for a := range before {
		if len(a.FactTypes) > 0 && !after[a] {
			t.Errorf("%s exports facts and no longer runs in a facts-only run", a.Name)
		}
	}
	stubbed := 0
	for i, s := range stubs {
		a := all[i]
		if s.Name != a.Name || s.Doc != a.Doc {
			t.Errorf("stub %d is %s, want %s", i, s.Name, a.Name)
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if s.Flags.Lookup(f.Name) != f {
				t.Errorf("stub of %s lacks flag -%s.%s", a.Name, a.Name, f.Name)
			}
		})
		if len(a.FactTypes) > 0 {
			if s != a {
				t.Errorf("%s exports facts and was replaced", a.Name)
			}
			continue
		}
		if s == a {
			t.Errorf("%s exports no facts and was kept", a.Name)
		}
		if len(s.Requires) > 0 {
			stubbed++
		}
		for _, r := range s.Requires {
			if !usesFactsIn(r) {
				t.Errorf("stub of %s requires %s, which computes no facts", a.Name, r.Name)
			}
		}
	}
	if stubbed == 0 {
		t.Errorf("no stub keeps a requirement: the leakcheck analyzers require fact analyzers")
	}
	if err := analysis.Validate(stubs); err != nil {
		t.Errorf("the stubs are not a valid analyzer set: %v", err)
	}
}

func reachable(as []*analysis.Analyzer) map[*analysis.Analyzer]bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if !seen[a] {
			seen[a] = true
			for _, r := range a.Requires {
				visit(r)
			}
		}
	}
	for _, a := range as {
		visit(a)
	}
	return seen
}

func usesFactsIn(a *analysis.Analyzer) bool {
	for r := range reachable([]*analysis.Analyzer{a}) {
		if len(r.FactTypes) > 0 {
			return true
		}
	}
	return false
}
