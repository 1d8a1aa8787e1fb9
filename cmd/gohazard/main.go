// Command gohazard reports goroutine leaks, ignored contexts and
// allocations in loops.
//
// Standalone, it works like any multichecker:
//
//	gohazard [-flag] [package...]
//
// and it is also a go vet tool:
//
//	go vet -vettool=$(which gohazard) ./...
//
// Run "gohazard help" for the list of analyzers and "gohazard help NAME"
// for one analyzer's documentation and flags.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/gohazard/gohazard"
)

func main() {
	entries := gohazard.Entries()
	cl, err := parseCommandLine(entries, os.Args[1:])
	if err == nil {
		err = cl.expandFamilies(entries)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
		os.Exit(2)
	}
	if len(cl.args) > 0 && cl.args[0] == "help" {
		os.Exit(help(os.Stdout, entries, cl.args[1:]))
	}
	if len(cl.args) == 1 && cl.args[0] == "version" {
		fmt.Println(version())
		os.Exit(0)
	}
	// -V=full is go vet's protocol, which the multichecker implements: its
	// answer hashes the executable, so that go vet's cache keys change
	// with every build.
	if v, ok := cl.lookup("V"); ok && v.value != "full" {
		b, err := strconv.ParseBool(v.value)
		switch {
		case !v.hasValue || b:
			fmt.Println(version())
			os.Exit(0)
		case err != nil:
			fmt.Fprintf(os.Stderr, "gohazard: unsupported flag value -V=%s (use -V or -V=full)\n", v.value)
			os.Exit(2)
		}
		cl.remove("V")
	}
	format, err := formatFlag(cl)
	var srcroot string
	if err == nil {
		srcroot, err = srcRoot(cl)
	}
	var leaks *leakProfile
	if err == nil {
		leaks, err = leakProfileFlags(cl)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
		os.Exit(2)
	}
	if !cl.vetConfig() {
		// go vet builds with the tags itself; standalone, packages are
		// loaded by go list, which reads GOFLAGS.
		if t, ok := cl.lookup("tags"); ok {
			useTags(t.value)
		}
	}
	if format != "" && !reports(cl) {
		fmt.Fprintf(os.Stderr, "gohazard: -format applies to analysis runs, not with -fix, -diff, -json, -c or go vet\n")
		os.Exit(2)
	}
	switch {
	case fixing(cl):
		os.Exit(fix(entries, cl))
	case reports(cl):
		os.Exit(analyse(entries, format, srcroot, leaks, cl))
	case throughVet(cl):
		os.Exit(vetPackages(entries, cl))
	}
	os.Args = append(os.Args[:1:1], append(defaultOff(entries, cl), cl.argv()...)...)
	for _, f := range families {
		// Expanded above; declared so that -flags lists them to go vet.
		flag.Bool(f, false, fmt.Sprintf("enable the %s family (false: disable it)", f))
	}
	flag.String(inputsFlag, "", "hash of the files that flags name, set by gohazard for go vet's cache")
	if cl.vetConfig() {
		delayFirstGC()
	}
	analyzers := gohazard.Analyzers()
	if cl.vetConfig() && factsOnly(cl.args[0]) {
		analyzers = forFacts(analyzers)
	}
	multichecker.Main(analyzers...)
}

// defaultOff returns the flags that disable the analyzers that are off by
// default, unless the arguments enable analyzers by name: as in go vet,
// -NAME (or -NAME=true) then selects exactly the named analyzers.
func defaultOff(entries []gohazard.Entry, cl *commandLine) []string {
	for _, e := range entries {
		if cl.set(e.Analyzer.Name) {
			return nil
		}
	}
	var off []string
	for _, e := range entries {
		if !e.Default {
			off = append(off, "-"+e.Analyzer.Name+"=false")
		}
	}
	return off
}

// useTags adds -tags to GOFLAGS, for the go list that loads packages. The
// list may be separated by commas or, as in old releases, spaces.
func useTags(tags string) {
	flag := "-tags=" + strings.Join(strings.FieldsFunc(tags, func(r rune) bool { return r == ',' || r == ' ' }), ",")
	goflags := os.Getenv("GOFLAGS")
	if slices.Contains(strings.Fields(goflags), flag) {
		return
	}
	os.Setenv("GOFLAGS", strings.TrimSpace(goflags+" "+flag))
}

func help(w io.Writer, entries []gohazard.Entry, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(w, `gohazard finds goroutines that leak or block forever, contexts that are
ignored, and allocations that grow with a loop.

Usage:
	gohazard [-flag] [package...]             standalone, like go vet
	go vet -vettool=$(which gohazard) ./...   as a go vet tool

By default every analyzer marked "on" runs. -NAME (or -NAME=true) runs
only the named analyzers; -NAME=false runs the default set without NAME.
-FAMILY and -FAMILY=false do the same for a family's analyzers (those on
by default, or all of staticcheck's). An analyzer's own flags are set
with -NAME.FLAG=VALUE. Flags take values as -f=v or -f v.

Analyzers:
`)
		family := ""
		for _, e := range entries {
			if e.Family != family {
				family = e.Family
				fmt.Fprintf(w, "\n  %s\n", family)
			}
			state := "on "
			if !e.Default {
				state = "off"
			}
			summary, _, _ := strings.Cut(e.Analyzer.Doc, "\n")
			fmt.Fprintf(w, "    %-16s %s  %s\n", e.Analyzer.Name, state, summary)
		}
		fmt.Fprint(w, `
Output: -format=text (default, like go vet), json, sarif (SARIF 2.1.0
for code scanning), github (workflow annotations) or rdjsonl (reviewdog).
SARIF and GitHub paths are relative to the repository's root (the
directory with .git), or to -srcroot=DIR.

-leakprofile=PATH reads the goroutineleak profiles or goroutine dumps in
PATH (a file or a directory, see package leaktest): findings the run
confirms are marked, and runtimeleak reports the leaked goroutines no
finding explains. -leakprofile.minwait=D (default 10m): how long a
goroutine of a plain dump must have been blocked to be a suspected leak.

Standalone, -tags=LIST selects build tags as in go build, and -fix
applies the suggested fixes, then lists the findings it could not fix
(exit status 3 when some remain).

Run "gohazard help NAME" for an analyzer's documentation and flags,
"gohazard -flags" or "gohazard -help" for the driver's flags (-fix, -diff,
-json, -test, -c=N), and "gohazard version" for the version.
`)
		return 0
	}
	status := 0
	for _, name := range args {
		found := false
		for _, e := range entries {
			if e.Analyzer.Name != name {
				continue
			}
			found = true
			state := "on by default"
			if !e.Default {
				state = "off by default"
			}
			fmt.Fprintf(w, "%s (%s, %s, since %s, severity %s)\n\n%s\n", name, e.Family, state, e.Since, e.Severity, strings.TrimSpace(e.Analyzer.Doc))
			first := true
			e.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
				if first {
					fmt.Fprintf(w, "\nFlags:\n")
					first = false
				}
				fmt.Fprintf(w, "  -%s.%s\t%s (default %q)\n", name, f.Name, f.Usage, f.DefValue)
			})
		}
		if !found {
			fmt.Fprintf(os.Stderr, "gohazard: no analyzer named %q; run \"gohazard help\" for the list\n", name)
			status = 1
		}
	}
	return status
}

// version describes the binary from its build information.
func version() string {
	goVersion := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		goVersion = info.GoVersion
	}
	return fmt.Sprintf("gohazard %s (%s)", moduleVersion(), goVersion)
}

// moduleVersion is the module's version when installed with go install
// (v1.2.3, or a pseudo-version), else "(devel)" and the VCS revision the
// binary was built from.
func moduleVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var v strings.Builder
	v.WriteString("(devel)")
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			v.WriteString(" " + s.Value)
		case s.Key == "vcs.modified" && s.Value == "true":
			v.WriteString("+modified")
		}
	}
	return v.String()
}
