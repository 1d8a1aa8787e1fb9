package main

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/gohazard/gohazard"
	"github.com/gohazard/gohazard/passes/lazyssa"
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

// A facts-only run still computes every kind of fact that the full list
// of analyzers computes, runs no analyzer that only reports, and builds
// no SSA form unless a facts analyzer asks for it.
func TestForFacts(t *testing.T) {
	t.Parallel()
	all := gohazard.Analyzers()
	stubs := forFacts(all)
	before, after := reachable(all), reachable(stubs)
	factTypes := func(as map[*analysis.Analyzer]bool) map[reflect.Type]bool {
		ts := map[reflect.Type]bool{}
		for a := range as {
			for _, f := range a.FactTypes {
				ts[reflect.TypeOf(f)] = true
			}
		}
		return ts
	}
	want, got := factTypes(before), factTypes(after)
	for ft := range want {
		if !got[ft] {
			t.Errorf("facts of type %v are no longer computed in a facts-only run", ft)
		}
	}
	if after[buildssa.Analyzer] {
		t.Errorf("a facts-only run builds the SSA form of every package")
	}
	if !after[lazyssa.Analyzer] {
		t.Errorf("no facts analyzer of a facts-only run builds SSA on demand")
	}
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
		for _, r := range s.Requires {
			if len(r.FactTypes) == 0 {
				t.Errorf("stub of %s requires %s, which computes no facts", a.Name, r.Name)
			}
		}
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
