package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gohazard/gohazard"
	"github.com/gohazard/gohazard/cmd/gohazard/internal/report"
)

// formatFlag removes -format from the command line and returns its
// value, "" when absent.
func formatFlag(cl *commandLine) (string, error) {
	o, ok := cl.lookup("format")
	if !ok {
		return "", nil
	}
	cl.remove("format")
	if !slices.Contains(report.Formats, o.value) {
		return "", fmt.Errorf("unknown -format %q: want one of %s", o.value, strings.Join(report.Formats, ", "))
	}
	return o.value, nil
}

// srcRoot removes -srcroot from the command line and returns the
// directory that SARIF and GitHub paths are relative to, which code
// scanning and the runner take as the repository's checkout: -srcroot,
// else the nearest directory up from the current one that holds .git,
// else the current one.
func srcRoot(cl *commandLine) (string, error) {
	o, ok := cl.lookup("srcroot")
	cl.remove("srcroot")
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	if ok {
		return filepath.Abs(o.value)
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd, nil
		}
		dir = parent
	}
}

// reports reports whether the command line asks for an analysis run whose
// findings gohazard prints itself: not go vet's protocol (a .cfg file,
// -V, -flags), not the modes that print something else (-fix, -diff,
// -json, -c, -help).
func reports(cl *commandLine) bool {
	for _, name := range []string{"fix", "diff", "json", "c", "V", "flags", "help", "h"} {
		if _, ok := cl.lookup(name); ok {
			return false
		}
	}
	return len(cl.args) > 0 && !cl.vetConfig()
}

// throughVet reports whether the command line asks, standalone, for what
// the go command prints as is: -json output, or -fix -diff.
func throughVet(cl *commandLine) bool {
	if len(cl.args) == 0 || cl.vetConfig() || inProcess(cl) {
		return false
	}
	switch {
	case cl.set("json"):
		return !cl.set("fix") && reports(cl.without("json"))
	case cl.set("fix") && cl.set("diff"):
		return reports(cl.without("fix").without("diff"))
	}
	return false
}

// fixing reports whether the command line asks to apply fixes to packages
// (not to show them with -diff, not under go vet).
func fixing(cl *commandLine) bool {
	if !cl.set("fix") || cl.set("diff") || cl.set("json") || len(cl.args) == 0 || cl.vetConfig() {
		return false
	}
	return reports(cl.without("fix"))
}

// fix applies the suggested fixes in a child gohazard, then analyses the
// packages again and lists what remains: findings without a fix, or whose
// fix conflicted with another. It exits as an analysis run does: 3 when
// findings remain, 0 when every one was fixed.
func fix(entries []gohazard.Entry, cl *commandLine) int {
	status := 0
	if inProcess(cl) {
		// The child runs the multichecker as is, as -json always does
		// (its -fix prints nothing, JSON or not).
		status = runSelf(append([]string{"-json"}, cl.argv()...), os.Stdout)
	} else {
		var stderr string
		stderr, status = goCommand("fix", cl.without("fix"), os.Stdout)
		fmt.Fprint(os.Stderr, stderr)
	}
	if status != 0 {
		return status
	}
	res, status := runAnalysis(entries, cl.without("fix"))
	if res == nil {
		return status
	}
	switch n := len(res.findings); {
	case n == 1:
		fmt.Fprintf(os.Stderr, "gohazard: 1 finding remains, which -fix could not fix:\n")
	case n > 1:
		fmt.Fprintf(os.Stderr, "gohazard: %d findings remain, which -fix could not fix:\n", n)
	}
	return res.print("text", status, "")
}

// runSelf runs gohazard with args, its standard error passed through and
// its standard output written to stdout, and returns its exit status.
func runSelf(args []string, stdout io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
		return 1
	}
	child := exec.Command(self, args...)
	child.Stdout = stdout
	child.Stderr = os.Stderr
	if err := child.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
			return 1
		}
		return exit.ExitCode()
	}
	return 0
}

// analyse prints the findings of an analysis run in format and returns
// the exit status: 1 if a package could not be analysed, else 3 if there
// are findings, else 0.
func analyse(entries []gohazard.Entry, format, srcroot string, leaks *leakProfile, cl *commandLine) int {
	res, status := runAnalysis(entries, cl)
	if res == nil {
		return status
	}
	res.findings = leaks.mark(res.findings, entries)
	return res.print(format, status, srcroot)
}

// A result is what an analysis run found.
type result struct {
	findings []report.Finding
	errs     []report.Error
	rules    []report.Rule
}

// runAnalysis runs the analysis, in this process or, for the flags only
// the multichecker has, in a child gohazard with -json, and returns its
// findings and the run's exit status.
func runAnalysis(entries []gohazard.Entry, cl *commandLine) (*result, int) {
	var out []byte
	status := 0
	if inProcess(cl) {
		var stdout bytes.Buffer
		status = runSelf(append([]string{"-json"}, cl.argv()...), &stdout)
		out = stdout.Bytes()
	} else {
		var stderr string
		out, stderr, status = analyseJSON(entries, cl)
		fmt.Fprint(os.Stderr, stderr)
	}
	if len(out) == 0 {
		return nil, max(status, 1)
	}
	severity := make(map[string]string, len(entries))
	rules := make([]report.Rule, 0, len(entries))
	for _, e := range entries {
		severity[e.Analyzer.Name] = string(e.Severity)
		rules = append(rules, report.Rule{ID: e.Analyzer.Name, Doc: e.Analyzer.Doc, Severity: string(e.Severity)})
	}
	findings, errs, err := report.Parse(out, func(name string) string { return severity[name] })
	if err != nil {
		fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
		return nil, 1
	}
	return &result{findings, errs, rules}, status
}

// print prints the result in format and returns the exit status of the
// run, given the child's.
func (res *result) print(format string, status int, srcroot string) int {
	for _, e := range res.errs {
		fmt.Fprintf(os.Stderr, "gohazard: %s: %s: %s\n", e.Package, e.Analyzer, e.Err)
	}
	wd, _ := os.Getwd()
	var err error
	switch format {
	case "json":
		err = report.JSON(os.Stdout, res.findings, wd)
	case "sarif":
		err = report.SARIF(os.Stdout, res.findings, res.rules, sarifVersion(), srcroot)
	case "github":
		err = report.GitHub(os.Stdout, res.findings, srcroot)
	case "rdjsonl":
		err = report.RDJSONL(os.Stdout, res.findings, wd)
	default:
		err = report.Text(os.Stderr, res.findings)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gohazard: %v\n", err)
		return 1
	}
	switch {
	case status != 0 || len(res.errs) > 0:
		return max(status, 1)
	case len(res.findings) > 0:
		return 3
	}
	return 0
}

// sarifVersion is the tool's version in SARIF logs: a released module
// version, or none.
func sarifVersion() string {
	if v := moduleVersion(); strings.HasPrefix(v, "v") {
		return v
	}
	return ""
}
