package main

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gohazard/gohazard"
)

// An option is one flag of the command line.
type option struct {
	name     string
	value    string
	hasValue bool
}

// on reports whether a boolean option is set to true: -NAME or -NAME=true.
func (o option) on() bool {
	b, err := strconv.ParseBool(o.value)
	return !o.hasValue || (err == nil && b)
}

func (o option) String() string {
	if !o.hasValue {
		return "-" + o.name
	}
	return "-" + o.name + "=" + o.value
}

// A commandLine is gohazard's arguments, parsed as the flag package parses
// them: flags first, each written -f=v, -f v or (boolean flags) -f, up
// to "--" or the first argument that is not a flag; then the positional
// arguments (packages, or go vet's .cfg file).
type commandLine struct {
	opts []option
	args []string
}

// parseCommandLine parses args. A non-boolean flag takes the next argument
// as its value when it has none after "=": go vet passes flags so, as the
// user spelled them (-tags integration). Whether a flag is boolean comes
// from valueFlags; an unknown flag is taken as boolean, and the
// multichecker rejects it later with its usual message.
func parseCommandLine(entries []gohazard.Entry, args []string) (*commandLine, error) {
	takesValue := valueFlags(entries)
	c := new(commandLine)
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			c.args = args[i+1:]
			return c, nil
		}
		if len(a) < 2 || a[0] != '-' {
			c.args = args[i:]
			return c, nil
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if !hasValue && takesValue[name] {
			if i+1 >= len(args) {
				return nil, fmt.Errorf("flag needs an argument: -%s", name)
			}
			i++
			value, hasValue = args[i], true
		}
		c.opts = append(c.opts, option{name, value, hasValue})
	}
	return c, nil
}

// valueFlags returns the flags that take a value: those of the driver
// (x/tools' checker and analysisflags, and gohazard's -format and
// -srcroot), the
// analyzers' own non-boolean flags, and go vet's legacy aliases of them.
// Every other flag (-NAME, -fix, -json, -V, ...) is boolean.
func valueFlags(entries []gohazard.Entry) map[string]bool {
	m := map[string]bool{
		"c": true, "debug": true, "cpuprofile": true, "memprofile": true, "trace": true,
		"tags": true, "format": true, "srcroot": true,
		"leakprofile": true, "leakprofile.minwait": true, inputsFlag: true,
	}
	for _, e := range entries {
		e.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
			if !isBool(f) {
				m[e.Analyzer.Name+"."+f.Name] = true
			}
		})
	}
	for old, cur := range legacyFlags {
		m[old] = m[cur]
	}
	return m
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// lookup returns the last option named name, as the flag package keeps
// the last value given.
func (c *commandLine) lookup(name string) (option, bool) {
	for i := len(c.opts) - 1; i >= 0; i-- {
		if c.opts[i].name == name {
			return c.opts[i], true
		}
	}
	return option{}, false
}

// set reports whether the boolean flag name is given and true.
func (c *commandLine) set(name string) bool {
	o, ok := c.lookup(name)
	return ok && o.on()
}

// remove drops every option named name.
func (c *commandLine) remove(name string) {
	c.opts = slices.DeleteFunc(c.opts, func(o option) bool { return o.name == name })
}

// without returns a copy of c without the options named name.
func (c *commandLine) without(name string) *commandLine {
	d := &commandLine{opts: slices.Clone(c.opts), args: c.args}
	d.remove(name)
	return d
}

// argv returns the command line in the one spelling the multichecker
// and gohazard's child processes read: -name=value, then the positional
// arguments.
func (c *commandLine) argv() []string {
	out := make([]string, 0, len(c.opts)+len(c.args)+1)
	for _, o := range c.opts {
		out = append(out, o.String())
	}
	if len(c.args) > 0 && strings.HasPrefix(c.args[0], "-") {
		out = append(out, "--")
	}
	return append(out, c.args...)
}

// vetConfig reports whether gohazard runs as a go vet tool: go vet gives
// it one .cfg file describing a package.
func (c *commandLine) vetConfig() bool {
	return len(c.args) == 1 && strings.HasSuffix(c.args[0], ".cfg")
}

// families are the flags that select analyzers by family.
var families = []string{gohazard.LeakCheck, gohazard.CtxCheck, gohazard.AllocCheck, gohazard.Vet, gohazard.Staticcheck}

// expandFamilies replaces each -FAMILY[=BOOL] by -NAME=BOOL for the
// analyzers of the family: all of them when false; when true, those on by
// default, or every one in a family that is off by default (staticcheck),
// so that -FAMILY selects what the family runs by default, and -NAME adds
// to it.
func (c *commandLine) expandFamilies(entries []gohazard.Entry) error {
	var opts []option
	for _, o := range c.opts {
		if !slices.Contains(families, o.name) {
			opts = append(opts, o)
			continue
		}
		b := true
		if o.hasValue {
			var err error
			if b, err = strconv.ParseBool(o.value); err != nil {
				return fmt.Errorf("invalid boolean value %q for -%s", o.value, o.name)
			}
		}
		var members, defaults []string
		for _, e := range entries {
			if e.Family == o.name {
				members = append(members, e.Analyzer.Name)
				if e.Default {
					defaults = append(defaults, e.Analyzer.Name)
				}
			}
		}
		if b && len(defaults) > 0 {
			members = defaults
		}
		for _, n := range members {
			opts = append(opts, option{n, strconv.FormatBool(b), true})
		}
	}
	c.opts = opts
	return nil
}
