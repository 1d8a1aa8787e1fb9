// Package golangci is gohazard's golangci-lint v2 module plugin.
//
// Build a golangci-lint with it (golangci-lint custom, with this package
// in .custom-gcl.yml) and enable the linter "gohazard" in .golangci.yml:
//
//	linters:
//	  enable: [gohazard]
//	  settings:
//	    custom:
//	      gohazard:
//	        type: module
//	        settings:
//	          enable: [SA2001]          # analyzers off by default, bundled ones, or families
//	          disable: [noexit, ctxcheck] # analyzers or families on by default
//	          options:                  # an analyzer's flags (gohazard help NAME)
//	            deferloop:
//	              some-flag: value
//
// The plugin runs gohazard's analyzers that are on by default, except the
// bundled go vet and staticcheck families, which golangci-lint already
// has as the govet and staticcheck linters; enable them by name if
// wanted. Findings read "NAME: message (related positions)", one issue
// each. golangci-lint handles //nolint:gohazard; gohazard's own
// suppression layer, which wraps every analyzer, handles //nolint:NAME
// and //nolint:FAMILY and the //lint:ignore directives.
package golangci

import (
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard"
)

func init() {
	register.Plugin("gohazard", New)
}

// Settings are the plugin's settings in .golangci.yml; unknown keys are
// rejected.
type Settings struct {
	Enable  []string                  `json:"enable"`
	Disable []string                  `json:"disable"`
	Options map[string]map[string]any `json:"options"`
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

// New decodes the settings and chooses the analyzers. Options set the
// analyzers' flags, which are global to the process: golangci-lint
// builds its linters once per run.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("gohazard settings: %w", err)
	}
	analyzers, err := choose(gohazard.Entries(), gohazard.Analyzers(), s)
	if err != nil {
		return nil, fmt.Errorf("gohazard settings: %w", err)
	}
	return &plugin{analyzers: analyzers}, nil
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// fold returns a copy of a whose diagnostics carry their related
// positions in the message, since golangci-lint shows each related
// position as an issue of its own.
func fold(a *analysis.Analyzer) *analysis.Analyzer {
	f := *a
	f.Run = func(pass *analysis.Pass) (any, error) {
		inner := *pass
		inner.Report = func(d analysis.Diagnostic) {
			d.Message = foldedMessage(pass.Fset, d)
			d.Related = nil
			pass.Report(d)
		}
		return a.Run(&inner)
	}
	return &f
}

// foldedMessage is d's message followed by its related positions:
// "message (the loop at app.go:16:2; ...)".
func foldedMessage(fset *token.FileSet, d analysis.Diagnostic) string {
	if len(d.Related) == 0 {
		return d.Message
	}
	parts := make([]string, 0, len(d.Related))
	for _, r := range d.Related {
		p := fset.Position(r.Pos)
		where := fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
		if p.Column > 0 {
			where += fmt.Sprintf(":%d", p.Column)
		}
		parts = append(parts, r.Message+" at "+where)
	}
	return d.Message + " (" + strings.Join(parts, "; ") + ")"
}

func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// choose returns the analyzers (wrapped, in the order of entries) that s
// selects, after setting their options.
func choose(entries []gohazard.Entry, wrapped []*analysis.Analyzer, s Settings) ([]*analysis.Analyzer, error) {
	byName := make(map[string]gohazard.Entry, len(entries))
	for _, e := range entries {
		byName[e.Analyzer.Name] = e
	}
	//lint:ignore mapprealloc a handful of families among all the entries
	families := make(map[string]bool)
	for _, e := range entries {
		families[e.Family] = true
	}
	var errs []error
	known := func(key string, names []string) {
		for _, n := range names {
			if _, ok := byName[n]; !ok && !families[n] {
				errs = append(errs, fmt.Errorf("%s: no analyzer or family named %q (gohazard help lists them)", key, n))
			}
		}
	}
	known("enable", s.Enable)
	known("disable", s.Disable)
	for _, n := range s.Enable {
		if slices.Contains(s.Disable, n) {
			errs = append(errs, fmt.Errorf("%q is both enabled and disabled", n))
		}
	}
	names := make([]string, 0, len(s.Options))
	for n := range s.Options {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		e, ok := byName[n]
		if !ok {
			errs = append(errs, fmt.Errorf("options: no analyzer named %q", n))
			continue
		}
		opts := s.Options[n]
		keys := make([]string, 0, len(opts))
		for k := range opts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			f := e.Analyzer.Flags.Lookup(k)
			if f == nil {
				errs = append(errs, fmt.Errorf("options: %s has no option %q (gohazard help %s lists them)", n, k, n))
				continue
			}
			if err := f.Value.Set(fmt.Sprint(opts[k])); err != nil {
				errs = append(errs, fmt.Errorf("options: %s.%s: %v", n, k, err))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	// A family enabled by name brings what it runs by default, or all of
	// it when none of it is on by default (staticcheck), as the command
	// line's -FAMILY does; an analyzer named wins over its family.
	familyDefaults := make(map[string]bool)
	for _, e := range entries {
		familyDefaults[e.Family] = familyDefaults[e.Family] || e.Default
	}
	var out []*analysis.Analyzer
	for i, e := range entries {
		name := e.Analyzer.Name
		on := e.Default && e.Family != gohazard.Vet && e.Family != gohazard.Staticcheck
		switch {
		case slices.Contains(s.Enable, name):
			on = true
		case slices.Contains(s.Disable, name):
			on = false
		case slices.Contains(s.Disable, e.Family):
			on = false
		case slices.Contains(s.Enable, e.Family):
			on = e.Default || !familyDefaults[e.Family]
		}
		if on {
			out = append(out, fold(wrapped[i]))
		}
	}
	if len(out) == 0 {
		return nil, errors.New("every analyzer is disabled: " + strings.Join(s.Disable, ", "))
	}
	return out, nil
}
