// Package goroutines reads goroutine dumps: the text of the goroutine
// profile at debug=2 (/debug/pprof/goroutine?debug=2, runtime.Stack with
// all set, a crash), and of the goroutineleak profile at debug=2, which
// marks the goroutines that nothing live can ever wake as "(leaked)". It
// tells which goroutines leaked, or are suspected of leaking, and where
// they stand in the source.
//
// It uses the standard library only: leaktest links it into test
// binaries.
package goroutines

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// A Frame is one function of a goroutine's stack, or the go statement
// that created it.
type Frame struct {
	Func string // as the runtime names it: "example.com/p.(*T).run.func1"
	File string // as the dump names it: absolute, or module path relative with -trimpath
	Line int
}

// Package returns the import path of the package of f's function. The
// linker escapes dots in the last element of a path ("yaml%2ev3"), so
// the first dot after the last slash ends the path.
func (f Frame) Package() string {
	name := f.Func
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i] // type arguments may contain slashes and dots
	}
	slash := strings.LastIndexByte(name, '/')
	dot := strings.IndexByte(name[slash+1:], '.')
	if dot < 0 {
		return ""
	}
	return strings.ReplaceAll(name[:slash+1+dot], "%2e", ".")
}

// In reports whether f lies on line of the file at rel, a slash-separated
// path relative to its module's root, in the package pkg. The file
// matches at a path element boundary whatever directory the dump was
// taken in (-trimpath included). A file of a dependency (in a module
// cache, where paths have an @version, or in a vendor directory) must
// also be in pkg, or in its test package, or in a main package, which
// dumps call "main": elsewhere the package is not checked, as a closure
// inlined into a function of another package bears that function's name
// ("caller.F.Callee.func1").
func (f Frame) In(pkg, rel string, line int) bool {
	if f.Line != line {
		return false
	}
	prefix, ok := strings.CutSuffix(strings.ReplaceAll(f.File, "\\", "/"), rel)
	if !ok || (prefix != "" && !strings.HasSuffix(prefix, "/")) {
		return false
	}
	switch f.Package() {
	case pkg, pkg + "_test", "main":
		return true
	}
	return !strings.Contains(prefix, "@") && !strings.Contains(prefix, "/vendor/")
}

// A Goroutine is one goroutine of a dump.
type Goroutine struct {
	ID    int
	State string // the wait reason or status: "chan send", "sync.Mutex.Lock", "running"
	// Wait is how long the goroutine has been blocked, in whole minutes
	// as dumps show it; 0 under a minute.
	Wait   time.Duration
	Leaked bool    // marked "(leaked)" by the goroutineleak profile
	Stack  []Frame // innermost first
	// Creator is the go statement that started the goroutine, with the
	// function that ran it; nil for the main goroutine and the runtime's.
	Creator *Frame
}

// Blocked reports whether g waits on a channel, a select or a lock from
// package sync: what a goroutine that leaks waits on.
func (g *Goroutine) Blocked() bool {
	switch strings.TrimSuffix(g.State, " (nil chan)") {
	case "chan send", "chan receive", "select", "select (no cases)",
		"sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock",
		"sync.WaitGroup.Wait", "sync.Cond.Wait", "semacquire":
		return true
	}
	return false
}

// Top returns the innermost frame outside the runtime and the
// implementation of package sync: the function that blocks, rather than
// how blocking works.
func (g *Goroutine) Top() (Frame, bool) {
	for _, f := range g.Stack {
		switch pkg := f.Package(); {
		case pkg == "runtime", pkg == "sync", pkg == "sync/atomic", strings.HasPrefix(pkg, "internal/"), strings.HasPrefix(pkg, "runtime/internal/"):
		default:
			return f, true
		}
	}
	return Frame{}, false
}

// Parse returns the goroutines of a dump, in the order of the dump.
// Lines outside goroutine blocks (a panic message, a profile's header)
// are skipped; a block cut short keeps the frames read so far.
func Parse(data []byte) []Goroutine {
	var gs []Goroutine
	var g *Goroutine
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	var pending *Frame // a function line waiting for its file line
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if h, ok := header(line); ok {
			gs = append(gs, h)
			g = &gs[len(gs)-1]
			pending = nil
			continue
		}
		if g == nil {
			continue
		}
		switch {
		case line == "":
			g, pending = nil, nil
		case strings.HasPrefix(line, "\t"):
			if pending == nil {
				continue
			}
			pending.File, pending.Line = fileLine(line[1:])
			if pending.Line > 0 {
				if g.Creator != pending {
					g.Stack = append(g.Stack, *pending)
				}
			} else if g.Creator == pending {
				g.Creator = nil
			}
			pending = nil
		case strings.HasPrefix(line, "created by "):
			fn := strings.TrimPrefix(line, "created by ")
			if i := strings.Index(fn, " in goroutine "); i >= 0 {
				fn = fn[:i]
			}
			g.Creator = &Frame{Func: fn}
			pending = g.Creator
		case strings.HasPrefix(line, "..."):
			// "...additional frames elided...", "...N frames elided..."
		default:
			pending = &Frame{Func: funcName(line)}
		}
	}
	return gs
}

// header parses "goroutine 7 [chan receive, 12 minutes]:" and its
// variants ("goroutine 7 gp=0x... m=nil [chan send (leaked)]:", ", locked
// to thread", ", synctest bubble 1").
func header(line string) (Goroutine, bool) {
	rest, ok := strings.CutPrefix(line, "goroutine ")
	if !ok || !strings.HasSuffix(rest, "]:") {
		return Goroutine{}, false
	}
	idStr, rest, _ := strings.Cut(rest, " ")
	id, err := strconv.Atoi(idStr)
	if err != nil {
		return Goroutine{}, false
	}
	open := strings.IndexByte(rest, '[')
	if open < 0 {
		return Goroutine{}, false
	}
	g := Goroutine{ID: id}
	fields := strings.Split(rest[open+1:len(rest)-2], ", ")
	g.State = fields[0]
	if s, ok := strings.CutSuffix(g.State, " (leaked)"); ok {
		g.State, g.Leaked = s, true
	}
	g.State = strings.TrimSuffix(g.State, " (scan)")
	for _, f := range fields[1:] {
		if n, ok := strings.CutSuffix(f, " minutes"); ok {
			if m, err := strconv.Atoi(n); err == nil {
				g.Wait = time.Duration(m) * time.Minute
			}
		}
	}
	return g, true
}

// funcName returns the function of a frame line, "pkg.F(0x1, ...)" or
// "pkg.F(...)", without its arguments.
func funcName(line string) string {
	if i := strings.LastIndexByte(line, '('); i > 0 && strings.HasSuffix(line, ")") {
		return line[:i]
	}
	return line
}

// fileLine parses "/path/p.go:8 +0x1e" (the offset is absent for inlined
// frames).
func fileLine(s string) (string, int) {
	if i := strings.LastIndex(s, " +0x"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return s, 0
	}
	return s[:i], n
}

// First returns the innermost frame of g's stack for which inside
// reports true of its package, or else g's creator if inside holds for
// it: where g stands in the code of interest.
func (g *Goroutine) First(inside func(pkg string) bool) (Frame, bool) {
	for _, f := range g.Stack {
		if inside(f.Package()) {
			return f, true
		}
	}
	if g.Creator != nil && inside(g.Creator.Package()) {
		return *g.Creator, true
	}
	return Frame{}, false
}

// InModule reports whether the package pkg of a dump belongs to the
// module whose path is module: "main" and test packages included. With
// no module path (GOPATH mode), every package outside the standard
// library, whose first path element has no dot, belongs.
func InModule(pkg, module string) bool {
	pkg = strings.TrimSuffix(pkg, "_test")
	if pkg == "main" {
		return true
	}
	if module == "" {
		first, _, _ := strings.Cut(pkg, "/")
		return strings.Contains(first, ".")
	}
	return pkg == module || strings.HasPrefix(pkg, module+"/")
}
