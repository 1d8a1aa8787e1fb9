package main

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gohazard/gohazard"
	"github.com/gohazard/gohazard/cmd/gohazard/internal/report"
	"github.com/gohazard/gohazard/leakcheck/runtimeleak"
	"github.com/gohazard/gohazard/passes/goroutines"
)

// A leakProfile is what -leakprofile names: dumps of a run of the
// program, whose leaked goroutines confirm findings.
type leakProfile struct {
	leaks []goroutines.Leak
}

// leakProfileFlags removes -leakprofile=PATH and -leakprofile.minwait=D
// from the command line, loads the dumps in PATH and hands PATH and D on
// to runtimeleak as its -runtimeleak.profile and -runtimeleak.minwait.
func leakProfileFlags(cl *commandLine) (*leakProfile, error) {
	file, _ := cl.lookup("leakprofile")
	wait, hasWait := cl.lookup("leakprofile.minwait")
	cl.remove("leakprofile")
	cl.remove("leakprofile.minwait")
	minWait := 10 * time.Minute
	if hasWait {
		d, err := time.ParseDuration(wait.value)
		if err != nil {
			return nil, fmt.Errorf("-leakprofile.minwait: %v", err)
		}
		minWait = d
	}
	if file.value == "" {
		return nil, nil
	}
	abs, err := filepath.Abs(file.value)
	if err != nil {
		return nil, err
	}
	leaks, err := goroutines.Load(abs, minWait)
	if err != nil {
		return nil, fmt.Errorf("-leakprofile: %v", err)
	}
	name := runtimeleak.Analyzer.Name
	cl.opts = append([]option{
		{name: name + ".profile", value: abs, hasValue: true},
		{name: name + ".minwait", value: minWait.String(), hasValue: true},
	}, cl.opts...)
	return &leakProfile{leaks: leaks}, nil
}

// mark sets how many goroutines of the run confirm each finding of the
// leakcheck family: those blocked where it says a goroutine blocks, or
// started where it says one starts. It drops runtimeleak's findings whose
// goroutines all confirm another finding, which says more.
func (lp *leakProfile) mark(findings []report.Finding, entries []gohazard.Entry) []report.Finding {
	if lp == nil {
		return findings
	}
	family := make(map[string]string, len(entries))
	for _, e := range entries {
		family[e.Analyzer.Name] = e.Family
	}
	var mods modules
	explained := make([]bool, len(lp.leaks))
	for i := range findings {
		f := &findings[i]
		if family[f.Analyzer] != gohazard.LeakCheck || f.Analyzer == runtimeleak.Analyzer.Name {
			continue
		}
		for j, l := range lp.leaks {
			if !mods.blockedAt(l.Goroutine, f.Pos) && !mods.startedAt(l.Goroutine, f) {
				continue
			}
			explained[j] = true
			if l.Suspected {
				f.Suspected++
			} else {
				f.Confirmed++
			}
		}
	}
	return slices.DeleteFunc(findings, func(f report.Finding) bool {
		if f.Analyzer != runtimeleak.Analyzer.Name {
			return false
		}
		covered := false
		for j, l := range lp.leaks {
			if mods.blockedAt(l.Goroutine, f.Pos) {
				covered = true
				if !explained[j] {
					return false
				}
			}
		}
		return covered
	})
}

// blockedAt reports whether a frame of g's stack is at p.
func (m *modules) blockedAt(g goroutines.Goroutine, p report.Position) bool {
	pkg, rel, ok := m.locate(p.File)
	if !ok {
		return false
	}
	for _, fr := range g.Stack {
		if fr.In(pkg, rel, p.Line) {
			return true
		}
	}
	return false
}

// startedAt reports whether g was started at f's position or at one of
// its related positions: a go statement.
func (m *modules) startedAt(g goroutines.Goroutine, f *report.Finding) bool {
	if g.Creator == nil {
		return false
	}
	for _, p := range append([]report.Position{f.Pos}, relatedPositions(f)...) {
		if pkg, rel, ok := m.locate(p.File); ok && g.Creator.In(pkg, rel, p.Line) {
			return true
		}
	}
	return false
}

func relatedPositions(f *report.Finding) []report.Position {
	ps := make([]report.Position, len(f.Related))
	for i, r := range f.Related {
		ps[i] = r.Pos
	}
	return ps
}

// modules finds the module of source files, to name them as dumps do: by
// package import path and path relative to the module root.
type modules struct {
	byDir map[string]module
}

type module struct {
	root, path string
}

// locate returns the import path of file's package and file's path
// relative to its module's root.
func (m *modules) locate(file string) (pkg, rel string, ok bool) {
	mod, err := m.find(filepath.Dir(file))
	if err != nil {
		return "", "", false
	}
	r, err := filepath.Rel(mod.root, file)
	if err != nil {
		return "", "", false
	}
	rel = filepath.ToSlash(r)
	return path.Join(mod.path, path.Dir(rel)), rel, true
}

// find returns the module of the innermost go.mod at or above dir.
func (m *modules) find(dir string) (module, error) {
	if mod, ok := m.byDir[dir]; ok {
		return mod, nil
	}
	var mod module
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	switch {
	case err == nil:
		mod = module{root: dir, path: modulePath(data)}
		if mod.path == "" {
			return mod, errors.New("no module path in " + filepath.Join(dir, "go.mod"))
		}
	case filepath.Dir(dir) == dir:
		return mod, errors.New("no go.mod")
	default:
		if mod, err = m.find(filepath.Dir(dir)); err != nil {
			return mod, err
		}
	}
	if m.byDir == nil {
		m.byDir = make(map[string]module)
	}
	m.byDir[dir] = mod
	return mod, nil
}

// modulePath returns the path of the module directive of a go.mod file.
func modulePath(gomod []byte) string {
	for line := range strings.Lines(string(gomod)) {
		fields := strings.Fields(line)
		if len(fields) >= 2 && fields[0] == "module" {
			return strings.Trim(fields[1], "\"`")
		}
	}
	return ""
}
