// Package leaktest fails a package's tests when they leak goroutines, as
// the Go runtime's goroutineleak profile finds them: goroutines blocked on
// a channel, a select, a lock, a WaitGroup or a Cond that nothing live can
// ever wake. Call Main from TestMain:
//
//	func TestMain(m *testing.M) {
//		leaktest.Main(m)
//	}
//
// The profile is in Go 1.26 with GOEXPERIMENT=goroutineleakprofile, and
// on by default from Go 1.27:
//
//	GOEXPERIMENT=goroutineleakprofile go test ./...
//
// Where the runtime has no such profile, Main says so in one line and
// the tests run as without it.
//
// When the environment variable GOHAZARD_LEAKPROFILE names a directory,
// Main writes the profile there (the text of debug=2, one file per test
// binary, named after the package), for gohazard -leakprofile=DIR to mark
// the static findings the run confirms and report the leaks it has no
// finding for. A relative directory is taken from the root of the module
// (the directory of go.mod), as go test runs each package's tests in
// their own directory.
//
// Unlike a check that compares goroutines before and after each test, the
// profile needs no settling time and sees only goroutines that can never
// run again; it misses those blocked on channels or locks that a
// package-level variable holds, which stay reachable.
//
// leaktest uses the standard library only, and gohazard's dump reader.
package leaktest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gohazard/gohazard/passes/goroutines"
)

// EnvDir is the environment variable that names the directory Main
// writes profiles to.
const EnvDir = "GOHAZARD_LEAKPROFILE"

// An Option changes what Main checks.
type Option func(*config)

type config struct {
	ignore []string
}

// IgnoreTop ignores leaked goroutines whose top function is one of funcs,
// named as stacks name them ("example.com/pool.(*Pool).worker"): the
// innermost function outside the runtime and package sync, that is the
// function that blocks rather than how blocking works.
func IgnoreTop(funcs ...string) Option {
	return func(c *config) { c.ignore = append(c.ignore, funcs...) }
}

// Main runs the tests of m, checks the goroutineleak profile and exits:
// with m's code, or 1 if the tests passed but leaked goroutines.
func Main(m *testing.M, opts ...Option) {
	os.Exit(run(m, callerPackage(), os.Stderr, opts...))
}

// runner is the part of *testing.M that Main uses.
type runner interface{ Run() int }

func run(m runner, pkg string, w io.Writer, opts ...Option) int {
	var c config
	for _, o := range opts {
		o(&c)
	}
	code := m.Run()
	p := pprof.Lookup("goroutineleak")
	if p == nil {
		fmt.Fprintf(w, "leaktest: %s has no goroutineleak profile (Go 1.26 needs GOEXPERIMENT=goroutineleakprofile): goroutine leaks not checked\n", runtime.Version())
		return code
	}
	dump := take(p)
	if dir := os.Getenv(EnvDir); dir != "" {
		file, err := write(dir, pkg, dump)
		if err != nil {
			fmt.Fprintf(w, "leaktest: writing the goroutineleak profile: %v\n", err)
			return max(code, 1)
		}
		fmt.Fprintf(w, "leaktest: goroutineleak profile written to %s\n", file)
	}
	leaks := leaked(dump, c.ignore)
	if len(leaks) == 0 {
		return code
	}
	what := "1 goroutine"
	if len(leaks) > 1 {
		what = fmt.Sprintf("%d goroutines", len(leaks))
	}
	fmt.Fprintf(w, "leaktest: the tests leaked %s, blocked forever (goroutineleak profile):\n\n%s", what, strings.Join(leaks, "\n"))
	return max(code, 1)
}

// take returns the profile at debug=2. A goroutine still on its way to
// the operation it will block on forever is not leaked yet: take the
// profile again, a little later each time, until two agree.
func take(p *pprof.Profile) []byte {
	var dump []byte
	last := -1
	for i := range 5 {
		var buf bytes.Buffer
		p.WriteTo(&buf, 2) // a bytes.Buffer does not fail
		dump = buf.Bytes()
		n := len(leaked(dump, nil))
		if n == last {
			break
		}
		last = n
		time.Sleep(time.Duration(i+1) * 10 * time.Millisecond)
	}
	return dump
}

// leaked returns the text of each leaked goroutine of dump whose top
// function is not in ignore.
func leaked(dump []byte, ignore []string) []string {
	var out []string
	for block := range strings.SplitSeq(string(dump), "\n\n") {
		gs := goroutines.Parse([]byte(block))
		if len(gs) != 1 || !gs[0].Leaked {
			continue
		}
		if top, ok := gs[0].Top(); ok && slices.Contains(ignore, top.Func) {
			continue
		}
		out = append(out, strings.TrimRight(block, "\n")+"\n")
	}
	return out
}

// write writes dump to dir, in a file named after the package tested.
func write(dir, pkg string, dump []byte) (string, error) {
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(moduleRoot(), dir)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", err
	}
	file := filepath.Join(dir, strings.ReplaceAll(pkg, "/", "_")+".goroutineleak.txt")
	return file, os.WriteFile(file, dump, 0o666)
}

// moduleRoot returns the directory of the go.mod above the current one,
// or the current directory if there is none.
func moduleRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			return wd
		}
	}
}

// callerPackage returns the import path of the package whose TestMain
// called Main, or the test binary's name.
func callerPackage() string {
	pc, _, _, ok := runtime.Caller(2)
	if fn := runtime.FuncForPC(pc); ok && fn != nil {
		if pkg := (goroutines.Frame{Func: fn.Name()}).Package(); pkg != "" {
			return pkg
		}
	}
	return strings.TrimSuffix(filepath.Base(os.Args[0]), ".test")
}
