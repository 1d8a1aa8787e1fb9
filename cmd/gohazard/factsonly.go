package main

import (
	"encoding/json"
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard/passes/chanflow"
	"github.com/gohazard/gohazard/passes/lockstate"
	"github.com/gohazard/gohazard/passes/primitives"
)

// factsOnly reports whether the go vet configuration file asks only for
// the package's facts: go vet runs the tool so on every dependency of the
// packages it checks, and discards any finding.
func factsOnly(cfgFile string) bool {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false // the unit checker reports it
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
}

// forFacts returns the analyzers of a facts-only run: each that exports
// no facts is replaced by a stub that keeps its name and flags (go vet
// passes them), runs nothing, and requires only the analyzers with facts
// that it reaches, each in its facts-alone form where there is one. The
// unit checker would otherwise run every analyzer that requires one with
// facts, the whole leakcheck family among them, and throw its findings
// away, and build the SSA form of every package.
func forFacts(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	alone := factsAlone()
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		if len(a.FactTypes) > 0 {
			out[i] = a
			continue
		}
		stub := &analysis.Analyzer{
			Name:  a.Name,
			Doc:   a.Doc,
			URL:   a.URL,
			Flags: a.Flags,
			Run:   func(*analysis.Pass) (any, error) { return nil, nil },
		}
		seen := map[*analysis.Analyzer]bool{}
		var collect func(r *analysis.Analyzer)
		collect = func(r *analysis.Analyzer) {
			if seen[r] {
				return
			}
			seen[r] = true
			if len(r.FactTypes) == 0 {
				for _, x := range r.Requires {
					collect(x)
				}
				return
			}
			if f, ok := alone[r]; ok {
				r = f
			}
			stub.Requires = append(stub.Requires, r)
		}
		for _, r := range a.Requires {
			collect(r)
		}
		out[i] = stub
	}
	return out
}

// factsAlone maps the analyzers whose results gohazard's analyzers use
// and whose facts other packages use to the analyzers that compute the
// facts alone, building the SSA form only for a package that may have
// some.
func factsAlone() map[*analysis.Analyzer]*analysis.Analyzer {
	return map[*analysis.Analyzer]*analysis.Analyzer{
		chanflow.Analyzer:   chanflow.FactsAnalyzer,
		lockstate.Analyzer:  lockstate.FactsAnalyzer,
		primitives.Analyzer: primitives.FactsAnalyzer,
	}
}
