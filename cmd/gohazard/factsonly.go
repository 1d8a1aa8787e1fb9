package main

import (
	"encoding/json"
	"os"

	"golang.org/x/tools/go/analysis"
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
// passes them) and requires only what exports facts among what it
// requires, and runs nothing. The unit checker would otherwise run every
// analyzer that requires one with facts, the whole leakcheck family among
// them, and throw its findings away.
func forFacts(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	uses := map[*analysis.Analyzer]bool{}
	var usesFacts func(a *analysis.Analyzer) bool
	usesFacts = func(a *analysis.Analyzer) bool {
		u, ok := uses[a]
		if !ok {
			u = len(a.FactTypes) > 0
			for _, r := range a.Requires {
				u = usesFacts(r) || u
			}
			uses[a] = u
		}
		return u
	}
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
		for _, r := range a.Requires {
			if usesFacts(r) {
				stub.Requires = append(stub.Requires, r)
			}
		}
		out[i] = stub
	}
	return out
}
