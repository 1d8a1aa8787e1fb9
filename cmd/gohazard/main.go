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
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/gohazard/gohazard/passes/registry"
)

func main() {
	entries := registry.Entries()
	if args := positional(os.Args[1:]); len(args) > 0 && args[0] == "help" {
		os.Exit(help(os.Stdout, entries, args[1:]))
	}
	format, args, err := formatFlag(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
		os.Exit(2)
	}
	leaks, args, err := leakProfileFlags(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
		os.Exit(2)
	}
	if reports(args) {
		os.Exit(analyse(entries, format, leaks, args))
	}
	if format != "" {
		fmt.Fprintf(os.Stderr, "gohazard: -format applies to analysis runs, not with -fix, -diff, -json, -c or go vet\n")
		os.Exit(2)
	}
	os.Args = append(os.Args[:1:1], append(defaultOff(entries, args), args...)...)
	multichecker.Main(registry.Analyzers()...)
}

// defaultOff returns the flags that disable the analyzers that are off by
// default, unless the arguments enable analyzers by name: as in go vet,
// -NAME (or -NAME=true) then selects exactly the named analyzers.
func defaultOff(entries []registry.Entry, args []string) []string {
	names := make(map[string]bool, len(entries))
	for _, e := range entries {
		names[e.Analyzer.Name] = true
	}
	for _, arg := range flagArgs(args) {
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !names[name] {
			continue
		}
		if on, err := strconv.ParseBool(value); !hasValue || (err == nil && on) {
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

// flagArgs returns the leading flag arguments, which end at "--" or at
// the first argument that is not a flag. Flags are written -name=value
// by go vet, and boolean flags need no value.
func flagArgs(args []string) []string {
	for i, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") || a == "-" {
			return args[:i]
		}
	}
	return args
}

func positional(args []string) []string {
	rest := args[len(flagArgs(args)):]
	if len(rest) > 0 && rest[0] == "--" {
		rest = rest[1:]
	}
	return rest
}

func help(w io.Writer, entries []registry.Entry, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(w, `gohazard finds goroutines that leak or block forever, contexts that are
ignored, and allocations that grow with a loop.

Usage:
	gohazard [-flag] [package...]             standalone, like go vet
	go vet -vettool=$(which gohazard) ./...   as a go vet tool

By default every analyzer marked "on" runs. -NAME (or -NAME=true) runs
only the named analyzers; -NAME=false runs the default set without NAME.
An analyzer's own flags are set with -NAME.FLAG=VALUE.

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

-leakprofile=PATH reads the goroutineleak profiles or goroutine dumps in
PATH (a file or a directory, see package leaktest): findings the run
confirms are marked, and runtimeleak reports the leaked goroutines no
finding explains. -leakprofile.minwait=D (default 10m): how long a
goroutine of a plain dump must have been blocked to be a suspected leak.

Run "gohazard help NAME" for an analyzer's documentation and flags, and
"gohazard -flags" or "gohazard -help" for the driver's flags (-fix, -diff,
-json, -test, -c=N).
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
