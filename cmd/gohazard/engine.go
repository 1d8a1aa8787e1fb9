package main

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"honnef.co/go/tools/config"
	"honnef.co/go/tools/go/buildid"
	"honnef.co/go/tools/lintcmd/cache"
	"honnef.co/go/tools/lintcmd/runner"

	"github.com/gohazard/gohazard"
	"github.com/gohazard/gohazard/cmd/gohazard/internal/report"
)

// Standalone analysis runs in this process, on staticcheck's runner: go
// list loads the package graph (with the export data the build cache
// keeps), each package is type-checked and analysed once, dependencies
// for their facts only, and each package's facts and findings are kept
// in gohazard's cache, keyed by the package's files, its dependencies'
// facts, this binary, the analyzer flags and what the files they name
// hold. A second run over unchanged code reads the cache, and a run cut
// short loses nothing: a package's entry is written whole, findings are
// printed from the cache.

// cacheDir is gohazard's cache: $GOHAZARD_CACHE, else gohazard in the
// user's cache directory.
func cacheDir() (string, error) {
	if dir := os.Getenv("GOHAZARD_CACHE"); dir != "" {
		return dir, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory (set GOHAZARD_CACHE): %v", err)
	}
	return filepath.Join(dir, "gohazard"), nil
}

// analyseJSON analyses the packages the command line names and returns
// the findings as the JSON tree go vet -json prints (package path ->
// analyzer -> diagnostics, or {"error": ...}), the errors of packages that
// could not be analysed as go vet prints them, and the exit status: 1
// when a package failed, 2 for a bad command line.
func analyseJSON(entries []gohazard.Entry, cl *commandLine) ([]byte, string, int) {
	cl, inputs, err := fileInputs(cl)
	if err != nil {
		return nil, fmt.Sprintf("gohazard: %v\n", err), 2
	}
	sel, err := selectAnalyzers(entries, cl)
	if err != nil {
		return nil, fmt.Sprintf("gohazard: %v\n", err), 2
	}
	dir, err := cacheDir()
	if err == nil {
		err = os.MkdirAll(dir, 0o777)
	}
	var c *cache.DiskCache
	if err == nil {
		c, err = cache.Open(dir)
	}
	var salt []byte
	if err == nil {
		salt, err = cacheSalt(sel.key, inputs)
	}
	if err != nil {
		return nil, fmt.Sprintf("gohazard: %v\n", err), 1
	}
	cache.SetSalt(salt)
	r, err := runner.New(config.Config{}, c)
	if err != nil {
		return nil, fmt.Sprintf("gohazard: %v\n", err), 1
	}
	results, err := r.Run(&packages.Config{Tests: sel.tests}, forRunner(sel.run, new(moduleFinder)), cl.args)
	if err != nil {
		return nil, fmt.Sprintf("gohazard: %v\n", err), 1
	}
	defer c.Trim()
	return collect(results, sel.report)
}

// A selection is what a command line asks the engine for.
type selection struct {
	// run are the analyzers that run: the default ones and those the
	// command line adds. The runner keys its cache on the analyzers that
	// run, so that every selection within the default set (a family
	// turned off, one analyzer alone) finds what a run with the default
	// set left in the cache, as staticcheck always runs all its checks
	// and filters what it prints.
	run []*analysis.Analyzer
	// report are the names of the analyzers whose findings are shown.
	report map[string]bool
	// tests is whether to analyse test files.
	tests bool
	// key is the value of every flag that may change what an analyzer
	// finds, for the cache key.
	key string
}

// selectAnalyzers parses the analyzer flags of the command line, as go
// vet's tool does: -NAME (or -NAME=true) selects exactly the named
// analyzers, else -NAME=false drops NAME from the default set; -NAME.FLAG
// sets an analyzer's flag; -test=false leaves test files out.
func selectAnalyzers(entries []gohazard.Entry, cl *commandLine) (*selection, error) {
	fs := flag.NewFlagSet("gohazard", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	all := gohazard.Analyzers()
	enabled := make([]triState, len(all))
	for i, a := range all {
		fs.Var(&enabled[i], a.Name, "")
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, "")
		})
	}
	for old, cur := range legacyFlags {
		if f := fs.Lookup(cur); f != nil {
			fs.Var(f.Value, old, "")
		}
	}
	// -tags is applied to go list (useTags), -inputs is fileInputs' hash.
	fs.String("tags", "", "")
	fs.String(inputsFlag, "", "")
	tests := fs.Bool("test", true, "")
	args := defaultOff(entries, cl)
	for _, o := range cl.opts {
		args = append(args, o.String())
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	byDefault := make(map[string]bool, len(entries))
	for _, e := range entries {
		byDefault[e.Analyzer.Name] = e.Default
	}
	// As in x/tools' analysisflags: any -NAME=true selects, else -NAME=false
	// drops.
	selecting := slices.Contains(enabled, setTrue)
	sel := &selection{report: make(map[string]bool), tests: *tests}
	for i, a := range all {
		if selecting && enabled[i] == setTrue || !selecting && enabled[i] != setFalse {
			sel.report[a.Name] = true
		}
		if sel.report[a.Name] || byDefault[a.Name] {
			sel.run = append(sel.run, a)
		}
	}
	// Which analyzers report and whether tests are analysed change what
	// is shown, not what an analyzer finds in a package.
	var values strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		if _, ok := f.Value.(*triState); !ok && f.Name != "test" {
			fmt.Fprintf(&values, "-%s=%s\n", f.Name, f.Value)
		}
	})
	sel.key = values.String()
	return sel, nil
}

// legacyFlags are go vet's old names of analyzer flags (x/tools'
// analysisflags), which valueFlags knows too.
var legacyFlags = map[string]string{
	"printfuncs":          "printf.funcs",
	"unusedfuncs":         "unusedresult.funcs",
	"unusedstringmethods": "unusedresult.stringmethods",
}

// A triState is an analyzer's -NAME flag: unset, true or false.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (t *triState) IsBoolFlag() bool { return true }

func (t *triState) String() string {
	switch *t {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (t *triState) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return errors.New("want true or false")
	}
	*t = setFalse
	if b {
		*t = setTrue
	}
	return nil
}

// cacheSalt keys the cache on this binary (its build ID), the flag values
// and the content of the files flags name.
func cacheSalt(flags, inputs string) ([]byte, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	id, err := buildid.ReadFile(self)
	if err != nil {
		data, err := os.ReadFile(self)
		if err != nil {
			return nil, err
		}
		id = fmt.Sprintf("%x", sha256.Sum256(data))
	}
	return fmt.Appendf(nil, "gohazard %s\n%s%s\n", id, flags, inputs), nil
}

// forRunner returns copies of analyzers, and of every analyzer they
// require, for the runner. The diagnostics of the analyzers travel
// through the runner's cache encoded as go vet's checker encodes them, so
// that standalone output is go vet's to the byte. The runner drops without
// a word the findings of an analyzer whose prerequisite failed, and a
// panic stops it whole: in the copies a panic is an error, and an error,
// of an analyzer or of one it requires, is the analyzer's {"error": ...}
// entry, as under go vet. The pass also gets what the runner leaves out: a
// ReadFile and the package's module; fixes are checked as go vet checks
// them.
func forRunner(analyzers []*analysis.Analyzer, mods *moduleFinder) []*analysis.Analyzer {
	copies := make(map[*analysis.Analyzer]*analysis.Analyzer)
	var required func(a *analysis.Analyzer) *analysis.Analyzer
	required = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c, ok := copies[a]; ok {
			return c
		}
		c := withRequired(a, required)
		copies[a] = c
		c.Run = func(pass *analysis.Pass) (any, error) {
			res, err := runCopy(a, c, pass)
			var failed *prerequisiteError
			if err != nil && !errors.As(err, &failed) {
				err = &prerequisiteError{a.Name, err}
			}
			if err != nil {
				return failure{err}, nil
			}
			return res, nil
		}
		return c
	}
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		c := withRequired(a, required)
		c.Run = func(pass *analysis.Pass) (any, error) {
			p := *pass
			p.Report = func(d analysis.Diagnostic) {
				if err := validateFixes(pass.Fset, a, d.SuggestedFixes); err != nil {
					fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
					d.SuggestedFixes = nil
				}
				data, _ := json.Marshal(report.Encode(pass.Fset, d))
				pass.Report(analysis.Diagnostic{Pos: d.Pos, Message: string(data)})
			}
			p.ReadFile = readFile(&p)
			p.Module = mods.of(pass)
			res, err := runCopy(a, c, &p)
			if err != nil && len(pass.Files) > 0 {
				data, _ := json.Marshal(map[string]string{"error": err.Error()})
				pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Message: string(data)})
			}
			return res, nil
		}
		out[i] = c
	}
	return out
}

// A failure is what the copy of a required analyzer returns when it, or
// one it requires, failed.
type failure struct{ err error }

// A prerequisiteError is the error of an analyzer that others require.
type prerequisiteError struct {
	name string
	err  error
}

func (e *prerequisiteError) Error() string {
	return fmt.Sprintf("prerequisite %s failed: %v", e.name, e.err)
}

func (e *prerequisiteError) Unwrap() error { return e.err }

// withRequired returns a copy of a that requires the copies of what a
// requires.
func withRequired(a *analysis.Analyzer, copyOf func(*analysis.Analyzer) *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	c.Requires = make([]*analysis.Analyzer, len(a.Requires))
	for i, r := range a.Requires {
		c.Requires[i] = copyOf(r)
	}
	return &c
}

// runCopy runs a on the pass of its copy c: the results of c's
// prerequisites under the analyzers a knows, a panic made an error, the
// failure of a prerequisite passed on.
func runCopy(a, c *analysis.Analyzer, pass *analysis.Pass) (res any, err error) {
	p := *pass
	p.ResultOf = make(map[*analysis.Analyzer]any, len(a.Requires))
	for i, r := range a.Requires {
		res := pass.ResultOf[c.Requires[i]]
		if f, ok := res.(failure); ok {
			return nil, f.err
		}
		p.ResultOf[r] = res
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("internal error in %s, please report it: %v\n%s", a.Name, r, debug.Stack())
		}
	}()
	return a.Run(&p)
}

// A moduleFinder finds the module of a package from its files' directories, as
// go list reports it to go vet.
type moduleFinder struct {
	mu    sync.Mutex
	byDir map[string]*analysis.Module
}

func (m *moduleFinder) of(pass *analysis.Pass) *analysis.Module {
	for _, f := range pass.Files {
		if mod := m.find(filepath.Dir(pass.Fset.File(f.Package).Name())); mod != nil {
			return mod
		}
	}
	return nil
}

// find returns the module of the nearest go.mod at or above dir.
func (m *moduleFinder) find(dir string) *analysis.Module {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.byDir == nil {
		m.byDir = make(map[string]*analysis.Module)
	}
	var visited []string
	var mod *analysis.Module
	for {
		if got, ok := m.byDir[dir]; ok {
			mod = got
			break
		}
		visited = append(visited, dir)
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
			if f, err := modfile.ParseLax("go.mod", data, nil); err == nil && f.Module != nil {
				mod = &analysis.Module{Path: f.Module.Mod.Path}
				if f.Go != nil {
					mod.GoVersion = "go" + f.Go.Version
				}
			}
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	for _, d := range visited {
		m.byDir[d] = mod
	}
	return mod
}

// collect builds go vet's JSON tree from the runner's results, with the
// packages go vet analyses, keyed as go vet keys them, by package path: a
// package with its in-package tests in place of the package alone, its
// external tests, not the generated test main; and of the analyzers that
// ran, those in report. Errors of packages that could not be loaded or
// type-checked are printed as go vet prints them: "# path" and the errors.
func collect(results []runner.Result, report map[string]bool) ([]byte, string, int) {
	initial := make(map[string]bool)
	for _, r := range results {
		if r.Initial {
			initial[r.Package.ID] = true
		}
	}
	wd, _ := os.Getwd()
	tree := make(map[string]map[string]json.RawMessage)
	var stderr strings.Builder
	status := 0
	printed := make(map[string]bool)
	for _, r := range results {
		if r.Failed {
			// A package whose dependency failed has no errors of its own:
			// the dependency's are printed.
			status = 1
			if len(r.Errors) > 0 && !printed[r.Package.PkgPath] {
				printed[r.Package.PkgPath] = true
				stderr.WriteString(packageErrors(r, wd))
			}
			continue
		}
		if !r.Initial || r.Skipped || initial[r.Package.ID+" ["+r.Package.PkgPath+".test]"] || isTestMain(r) {
			continue
		}
		data, err := r.Load()
		if err != nil {
			return nil, stderr.String() + fmt.Sprintf("gohazard: reading the cache: %v\n", err), 1
		}
		diags := make(map[string][]json.RawMessage)
		failed := make(map[string]json.RawMessage)
		for _, d := range data.Diagnostics {
			if !report[d.Category] {
				continue
			}
			var e struct {
				Err string `json:"error"`
			}
			if json.Unmarshal([]byte(d.Message), &e) == nil && e.Err != "" {
				failed[d.Category] = json.RawMessage(d.Message)
				continue
			}
			diags[d.Category] = append(diags[d.Category], json.RawMessage(d.Message))
		}
		byAnalyzer := make(map[string]json.RawMessage)
		for name, list := range diags {
			byAnalyzer[name], _ = json.Marshal(list)
		}
		// As under go vet, an analyzer that failed shows its error alone.
		maps.Copy(byAnalyzer, failed)
		if len(byAnalyzer) > 0 {
			tree[r.Package.PkgPath] = byAnalyzer
		}
	}
	out, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return nil, stderr.String() + fmt.Sprintf("gohazard: %v\n", err), 1
	}
	return out, sortPackages(stderr.String()), status
}

// isTestMain reports whether r is the main package go list generates to
// run a package's tests.
func isTestMain(r runner.Result) bool {
	return r.Package.ID == r.Package.PkgPath && strings.HasSuffix(r.Package.PkgPath, ".test")
}

// packageErrors prints a package's load or type errors under "# path",
// file names relative to the current directory, as the go command does.
func packageErrors(r runner.Result, wd string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", r.Package.PkgPath)
	for _, err := range r.Errors {
		msg := err.Error()
		var perr packages.Error
		if errors.As(err, &perr) && (perr.Pos == "" || perr.Pos == "-") {
			msg = perr.Msg
		}
		if strings.HasPrefix(msg, "# ") {
			// go list's own header.
			_, msg, _ = strings.Cut(msg, "\n")
		}
		msg = strings.ReplaceAll(msg, wd+string(filepath.Separator), "")
		b.WriteString(strings.TrimSuffix(msg, "\n") + "\n")
	}
	return b.String()
}
