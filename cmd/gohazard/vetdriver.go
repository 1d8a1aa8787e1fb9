package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gohazard/gohazard"
)

// -fix and -fix -diff go through the go command (go fix -fixtool), which
// applies the fixes of each package as it analyses it; the other
// standalone runs are engine.go's.

// inputsFlag carries a hash of the files that analyzer flags name (a
// profile, a compiler log): the go command keys its cache on the command
// line, not on what the named files hold.
const inputsFlag = "inputs"

// inProcess reports whether the command line needs the multichecker's own
// driver: flags that only it has.
func inProcess(cl *commandLine) bool {
	for _, name := range []string{"c", "debug", "cpuprofile", "memprofile", "trace"} {
		if _, ok := cl.lookup(name); ok {
			return true
		}
	}
	return false
}

// goCommand runs "go verb -{verb}tool=<this binary> args" with the
// command line's flags, standard output to stdout, and returns its
// standard error sorted by package (go prints packages as they finish)
// and its exit status.
func goCommand(verb string, cl *commandLine, stdout io.Writer, extra ...string) (string, int) {
	self, err := os.Executable()
	if err != nil {
		return fmt.Sprintf("gohazard: %v\n", err), 1
	}
	args := []string{verb, "-" + verb + "tool=" + self}
	cl, hash, err := fileInputs(cl)
	if err != nil {
		return fmt.Sprintf("gohazard: %v\n", err), 2
	}
	if hash != "" {
		args = append(args, "-"+inputsFlag+"="+hash)
	}
	args = append(append(args, extra...), cl.argv()...)
	cmd := exec.Command("go", args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return fmt.Sprintf("gohazard: running the go command: %v\n", err), 1
		}
		return sortPackages(stderr.String()), exit.ExitCode()
	}
	return sortPackages(stderr.String()), 0
}

// sortPackages sorts the go command's output by package: each "# path"
// header with the lines that follow it.
func sortPackages(out string) string {
	var head strings.Builder
	var blocks []string
	for line := range strings.Lines(out) {
		switch {
		case strings.HasPrefix(line, "# "):
			blocks = append(blocks, line)
		case len(blocks) == 0:
			head.WriteString(line)
		default:
			blocks[len(blocks)-1] += line
		}
	}
	slices.Sort(blocks)
	return head.String() + strings.Join(blocks, "")
}

// fileInputs returns the command line with every flag value that names a
// file or directory made absolute (the go command runs gohazard in each
// package's directory), and a hash of what they hold, so that a new
// profile or compiler log at the same path is a new cache key; "" when
// no flag names a file.
func fileInputs(cl *commandLine) (*commandLine, string, error) {
	out := &commandLine{opts: slices.Clone(cl.opts), args: cl.args}
	h := sha256.New()
	named := false
	for i, o := range out.opts {
		if !o.hasValue || o.value == "" {
			continue
		}
		info, err := os.Stat(o.value)
		if err != nil || !(info.Mode().IsRegular() || info.IsDir()) {
			continue
		}
		abs, err := filepath.Abs(o.value)
		if err != nil {
			return nil, "", err
		}
		out.opts[i].value = abs
		named = true
		err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s\x00%d\x00", path, len(data))
			h.Write(data)
			return nil
		})
		if err != nil {
			return nil, "", fmt.Errorf("-%s: %v", o.name, err)
		}
	}
	if !named {
		return out, "", nil
	}
	return out, hex.EncodeToString(h.Sum(nil)), nil
}

// vetPackages runs the modes whose output is the checker's as is: -json
// (one tree for every package) and -fix -diff (go fix's diff).
func vetPackages(entries []gohazard.Entry, cl *commandLine) int {
	if cl.set("json") {
		out, stderr, status := analyseJSON(entries, cl.without("json"))
		fmt.Fprint(os.Stderr, stderr)
		if out != nil {
			fmt.Printf("%s\n", out)
		}
		return status
	}
	stderr, status := goCommand("fix", cl.without("fix"), os.Stdout)
	fmt.Fprint(os.Stderr, stderr)
	return status
}
