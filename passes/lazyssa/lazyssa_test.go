package lazyssa_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/gohazard/gohazard/passes/chanflow"
	"github.com/gohazard/gohazard/passes/lockstate"
	"github.com/gohazard/gohazard/passes/primitives"
)

// The facts-alone analyzers, which build SSA on demand, export exactly
// the facts of the analyzers they stand in for in a facts-only run, over
// the testdata packages and every dependency (std among them).
func TestFactsAlone(t *testing.T) {
	for _, tc := range []struct {
		full, alone *analysis.Analyzer
		dir         string
	}{
		{lockstate.Analyzer, lockstate.FactsAnalyzer, "lockfacts"},
		{primitives.Analyzer, primitives.FactsAnalyzer, "primitives"},
		{chanflow.Analyzer, chanflow.FactsAnalyzer, "chanflow"},
	} {
		t.Run(tc.alone.Name, func(t *testing.T) {
			cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: filepath.Join("..", "..", "testdata", tc.dir)}
			pkgs, err := packages.Load(cfg, "./...")
			if err != nil {
				t.Fatal(err)
			}
			// One analyzer per run: the two register the same fact type.
			facts := map[*analysis.Analyzer][]string{}
			for _, a := range []*analysis.Analyzer{tc.full, tc.alone} {
				graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
				if err != nil {
					t.Fatal(err)
				}
				for act := range graph.All() {
					if act.Err != nil {
						t.Fatalf("%s: %v", act, act.Err)
					}
					if act.Analyzer != a {
						continue
					}
					for _, f := range act.AllObjectFacts() {
						if f.Object.Pkg() == act.Package.Types {
							facts[a] = append(facts[a], fmt.Sprintf("%s: %s", f.Object, f.Fact))
						}
					}
				}
			}
			want, got := facts[tc.full], facts[tc.alone]
			slices.Sort(want)
			slices.Sort(got)
			if len(want) == 0 {
				t.Fatalf("%s exports no facts over testdata/%s", tc.full.Name, tc.dir)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s exports\n\t%v\nwant, as %s does,\n\t%v", tc.alone.Name, got, tc.full.Name, want)
			}
		})
	}
}
