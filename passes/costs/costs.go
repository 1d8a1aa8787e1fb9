// Package costs reads a pprof profile (CPU or allocations) and tells
// what share of it a source line accounts for, so that findings on a hot
// path can be told from the rest.
package costs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/google/pprof/profile"
)

// Costs are the cumulative values of a profile's sample type per source
// line: a line counts every sample whose stack passes through it once.
type Costs struct {
	Type  string // the sample type, "alloc_space", "cpu"...
	total int64
	lines map[string]map[int]int64 // file (as the profile names it) -> line -> value
}

// Load reads the profile in file and uses its default sample type (the
// last one, as pprof does).
func Load(file string) (*Costs, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := profile.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	if len(p.SampleType) == 0 {
		return nil, fmt.Errorf("%s: no sample types", file)
	}
	idx := len(p.SampleType) - 1
	c := &Costs{Type: p.SampleType[idx].Type, lines: make(map[string]map[int]int64)}
	for _, s := range p.Sample {
		v := s.Value[idx]
		c.total += v
		seen := make(map[string]bool)
		for _, loc := range s.Location {
			for _, l := range loc.Line {
				if l.Function == nil {
					continue
				}
				key := fmt.Sprint(l.Function.Filename, ":", l.Line)
				if seen[key] {
					continue
				}
				seen[key] = true
				if c.lines[l.Function.Filename] == nil {
					c.lines[l.Function.Filename] = make(map[int]int64)
				}
				c.lines[l.Function.Filename][int(l.Line)] += v
			}
		}
	}
	return c, nil
}

// Share returns the fraction of the profile's total that passes through
// line of file. Profiles built with -trimpath name files by import path,
// so a profile file name that is a suffix of file (at a path element)
// matches too.
func (c *Costs) Share(file string, line int) float64 {
	if c.total == 0 {
		return 0
	}
	file = filepath.ToSlash(file)
	var v int64
	for name, lines := range c.lines {
		name = filepath.ToSlash(name)
		if name == file || strings.HasSuffix(file, "/"+strings.TrimPrefix(name, "/")) {
			v += lines[line]
		}
	}
	return float64(v) / float64(c.total)
}
