package runtimeleak

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"path"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/gohazard/gohazard/passes/analysisdoc"
	"github.com/gohazard/gohazard/passes/goroutines"
	"github.com/gohazard/gohazard/passes/meta"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:  "runtimeleak",
	Doc:   analysisdoc.MustExtract(doc, "runtimeleak"),
	URL:   "https://pkg.go.dev/github.com/gohazard/gohazard/leakcheck/runtimeleak",
	Run:   run,
	Flags: flags(),
}

// Meta places runtimeleak among gohazard's analyzers. It is on by default
// because it reports nothing until given a profile.
var Meta = meta.Info{Family: meta.LeakCheck, Default: true, Since: "v0.3.0", Severity: meta.Error}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("runtimeleak", flag.ExitOnError)
	fs.String("profile", "", "a goroutineleak profile or goroutine dump at debug=2, or a directory of them: report the goroutines it shows leaked")
	fs.Duration("minwait", 10*time.Minute, "in a plain goroutine dump, how long a goroutine must have been blocked on a channel or a lock to be a suspected leak")
	return *fs
}

func run(pass *analysis.Pass) (any, error) {
	profile := pass.Analyzer.Flags.Lookup("profile").Value.String()
	if profile == "" {
		return nil, nil
	}
	minWait := pass.Analyzer.Flags.Lookup("minwait").Value.(flag.Getter).Get().(time.Duration)
	leaks, err := goroutines.Load(profile, minWait)
	if err != nil {
		return nil, err
	}
	for _, t := range groupLeaks(pass, leaks) {
		report(pass, t)
	}
	return nil, nil
}

// groupLeaks places each leak at its first frame in the module, if that
// is in the package, and groups them, in the order of the dumps.
func groupLeaks(pass *analysis.Pass, leaks []goroutines.Leak) []*tally {
	module := ""
	if pass.Module != nil {
		module = pass.Module.Path
	}
	files := newSourceFiles(pass, module)
	inModule := func(pkg string) bool { return goroutines.InModule(pkg, module) }
	var tallies []*tally
	byGroup := make(map[group]*tally)
	for _, l := range leaks {
		at, ok := l.First(inModule)
		if !ok {
			continue
		}
		g := group{pos: files.find(pass, at), state: l.State, suspected: l.Suspected}
		if !g.pos.IsValid() {
			continue
		}
		if c := l.Creator; c != nil {
			// Dumps taken in different directories name the creator's
			// file differently: keep its position, or its base name.
			if g.creatorPos = files.find(pass, *c); !g.creatorPos.IsValid() {
				g.creator = fmt.Sprintf("%s at %s:%d", c.Func, path.Base(filepath.ToSlash(c.File)), c.Line)
			}
		}
		t := byGroup[g]
		if t == nil {
			t = &tally{group: g, wait: l.Wait}
			byGroup[g] = t
			tallies = append(tallies, t)
		}
		t.n++
		t.wait = min(t.wait, l.Wait)
	}
	return tallies
}

// A group is the goroutines blocked at one position in one state and
// started at one place.
type group struct {
	pos       token.Pos
	state     string
	suspected bool
	// creatorPos is the go statement that started the goroutines, if it
	// is in the package; creator describes it otherwise.
	creatorPos token.Pos
	creator    string
}

// A tally is a group's number of goroutines and the shortest time one of
// them has been blocked.
type tally struct {
	group
	n    int
	wait time.Duration
}

func report(pass *analysis.Pass, t *tally) {
	subject, verb, them := "a goroutine", "has", "it"
	if t.n > 1 {
		subject, verb, them = fmt.Sprintf("%d goroutines", t.n), "have", "them"
	}
	var msg string
	switch {
	case t.suspected && t.n > 1:
		msg = fmt.Sprintf("%s %s been blocked on %s for %v or more: suspected leaks (goroutine dump)", subject, verb, t.state, minutes(t.wait))
	case t.suspected:
		msg = fmt.Sprintf("%s %s been blocked on %s for %v: a suspected leak (goroutine dump)", subject, verb, t.state, minutes(t.wait))
	default:
		msg = fmt.Sprintf("%s leaked blocked on %s: nothing can ever wake %s (goroutineleak profile)", subject, t.state, them)
	}
	diag := analysis.Diagnostic{Pos: t.pos, Message: msg}
	switch {
	case t.creatorPos.IsValid():
		diag.Related = []analysis.RelatedInformation{{Pos: t.creatorPos, Message: "started here"}}
	case t.creator != "":
		diag.Message += "; started by " + t.creator
	}
	pass.Report(diag)
}

func minutes(d time.Duration) string {
	if d == time.Minute {
		return "1 minute"
	}
	return fmt.Sprintf("%d minutes", int(d/time.Minute))
}

// sourceFiles are the package's files by their path relative to the
// module root.
type sourceFiles map[string]*ast.File

func newSourceFiles(pass *analysis.Pass, module string) sourceFiles {
	// A package's directory relative to the module root follows from its
	// import path; with no module, the import path stands for it.
	dir := strings.TrimSuffix(pass.Pkg.Path(), "_test")
	if module != "" {
		dir = strings.TrimPrefix(strings.TrimPrefix(dir, module), "/")
	}
	files := make(sourceFiles, len(pass.Files))
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		files[path.Join(dir, filepath.Base(name))] = f
	}
	return files
}

// find returns the position of frame's line in the package, at the first
// syntax node on the line, or token.NoPos if the frame is not in the
// package.
func (files sourceFiles) find(pass *analysis.Pass, frame goroutines.Frame) token.Pos {
	for rel, f := range files {
		if !frame.In(pass.Pkg.Path(), rel, frame.Line) {
			continue
		}
		tf := pass.Fset.File(f.Pos())
		if frame.Line > tf.LineCount() {
			return token.NoPos
		}
		return firstOnLine(tf, f, frame.Line)
	}
	return token.NoPos
}

// firstOnLine returns the position of the outermost node that starts on
// line, or the line's start if none does (a line that continues an
// expression).
func firstOnLine(tf *token.File, f *ast.File, line int) token.Pos {
	start := tf.LineStart(line)
	end := token.Pos(tf.Base() + tf.Size())
	if line < tf.LineCount() {
		end = tf.LineStart(line + 1)
	}
	found := token.NoPos
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || found.IsValid() || n.End() <= start || n.Pos() >= end {
			return false
		}
		if n.Pos() >= start {
			found = n.Pos()
			return false
		}
		return true
	})
	if found.IsValid() {
		return found
	}
	return start
}
