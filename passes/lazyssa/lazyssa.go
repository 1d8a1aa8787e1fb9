// Package lazyssa builds a package's SSA form when first asked for. The
// analyzers that compute facts use it in a facts-only run (go vet runs
// the tool so on every dependency of the packages it checks), where
// most packages turn out to have no facts to compute and need no SSA.
package lazyssa

import (
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
)

// Analyzer provides an *SSA.
var Analyzer = &analysis.Analyzer{
	Name:       "lazyssa",
	Doc:        "build the SSA form of the package when first asked for",
	Requires:   buildssa.Analyzer.Requires,
	Run:        run,
	ResultType: reflect.TypeFor[*SSA](),
}

// SSA builds the package's SSA form, as buildssa does, once.
type SSA struct {
	get func() (*buildssa.SSA, error)
}

// Get returns the package's SSA form, building it on the first call.
func (s *SSA) Get() (*buildssa.SSA, error) { return s.get() }

func run(pass *analysis.Pass) (any, error) {
	return &SSA{get: sync.OnceValues(func() (*buildssa.SSA, error) {
		// buildssa reads only the pass's package, files, types and
		// the results of what it requires, which Analyzer requires
		// too; all stay as they are while the package is analysed.
		res, err := buildssa.Analyzer.Run(pass)
		if err != nil {
			return nil, err
		}
		return res.(*buildssa.SSA), nil
	})}, nil
}
