package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/gohazard/gohazard/cmd/gohazard/internal/report"
	"github.com/gohazard/gohazard/passes/registry"
)

// formatFlag removes -format=F (or -format F) from the leading flags and
// returns F, "" when absent.
func formatFlag(args []string) (string, []string, error) {
	flags := flagArgs(args)
	for i, a := range flags {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "format" {
			continue
		}
		rest := slices.Clone(args[:i])
		if !hasValue {
			if i+1 >= len(args) {
				return "", nil, errors.New("-format needs a value")
			}
			value = args[i+1]
			rest = append(rest, args[i+2:]...)
		} else {
			rest = append(rest, args[i+1:]...)
		}
		if !slices.Contains(report.Formats, value) {
			return "", nil, fmt.Errorf("unknown -format %q: want one of %s", value, strings.Join(report.Formats, ", "))
		}
		return value, rest, nil
	}
	return "", args, nil
}

// reports reports whether args ask for an analysis run whose findings
// gohazard prints itself: not go vet's protocol (a .cfg file, -V, -flags),
// not the modes that print something else (-fix, -diff, -json, -c, -help).
func reports(args []string) bool {
	for _, a := range flagArgs(args) {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "fix", "diff", "json", "c", "V", "flags", "help", "h":
			return false
		}
	}
	pkgs := positional(args)
	return len(pkgs) > 0 && !(len(pkgs) == 1 && strings.HasSuffix(pkgs[0], ".cfg"))
}

// analyse runs the analysis in a child gohazard with -json, the
// multichecker's machine-readable output, and prints its findings in
// format, marked with what leaks (-leakprofile, nil if none) confirms.
// The exit status is the multichecker's: 1 if a package could not be
// analysed, else 3 if there are findings, else 0.
func analyse(entries []registry.Entry, format string, leaks *leakProfile, args []string) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
		return 1
	}
	var stdout bytes.Buffer
	child := exec.Command(self, append([]string{"-json"}, args...)...)
	child.Stdout = &stdout
	child.Stderr = os.Stderr
	status := 0
	if err := child.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
			return 1
		}
		status = exit.ExitCode()
	}
	if stdout.Len() == 0 {
		return max(status, 1)
	}
	severity := make(map[string]string, len(entries))
	rules := make([]report.Rule, 0, len(entries))
	for _, e := range entries {
		severity[e.Analyzer.Name] = string(e.Severity)
		rules = append(rules, report.Rule{ID: e.Analyzer.Name, Doc: e.Analyzer.Doc, Severity: string(e.Severity)})
	}
	findings, errs, err := report.Parse(stdout.Bytes(), func(name string) string { return severity[name] })
	if err != nil {
		fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
		return 1
	}
	for _, e := range errs {
		fmt.Fprintf(os.Stderr, "gohazard: %s: %s: %s\n", e.Package, e.Analyzer, e.Err)
	}
	findings = leaks.mark(findings, entries)
	root, _ := os.Getwd()
	switch format {
	case "json":
		err = report.JSON(os.Stdout, findings, root)
	case "sarif":
		err = report.SARIF(os.Stdout, findings, rules, version(), root)
	case "github":
		err = report.GitHub(os.Stdout, findings, root)
	case "rdjsonl":
		err = report.RDJSONL(os.Stdout, findings, root)
	default:
		err = report.Text(os.Stderr, findings)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
		return 1
	}
	switch {
	case status != 0 || len(errs) > 0:
		return max(status, 1)
	case len(findings) > 0:
		return 3
	}
	return 0
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return ""
}
