package goroutines

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// A Leak is a goroutine that a dump shows leaked, or suspected of leaking.
type Leak struct {
	Goroutine
	// Suspected is set for goroutines of a plain dump, blocked for long
	// on a channel or a lock: the dump cannot prove that nothing will
	// wake them, as the goroutineleak profile does.
	Suspected bool
	Dump      string // the file it was read from
}

// Leaks returns the leaks of one dump. A dump with goroutines marked
// leaked is a goroutineleak profile: its leaks are those. Any other dump
// is a plain one: goroutines blocked for minWait or longer on a channel
// or a lock are suspected leaks, but for the main goroutine (one that no
// go statement started), which programs often park for good on purpose
// (select {}, a wait for a signal).
func Leaks(gs []Goroutine, dump string, minWait time.Duration) []Leak {
	var leaks []Leak
	for _, g := range gs {
		if g.Leaked {
			leaks = append(leaks, Leak{Goroutine: g, Dump: dump})
		}
	}
	if leaks != nil {
		return leaks
	}
	for _, g := range gs {
		if g.Blocked() && g.Creator != nil && g.Wait > 0 && g.Wait >= minWait {
			leaks = append(leaks, Leak{Goroutine: g, Suspected: true, Dump: dump})
		}
	}
	return leaks
}

// Load reads the dump in path, or every dump in the directory path and
// below it (files with no goroutine in them are skipped there), and
// returns their leaks. A file named on its own must be a dump.
func Load(path string, minWait time.Duration) ([]Leak, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		gs := Parse(data)
		if len(gs) == 0 {
			return nil, fmt.Errorf("%s: no goroutine dump in it (want the text of a goroutine or goroutineleak profile at debug=2)", path)
		}
		return Leaks(gs, path, minWait), nil
	}
	var leaks []Leak
	err = filepath.WalkDir(path, func(file string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		leaks = append(leaks, Leaks(Parse(data), file, minWait)...)
		return nil
	})
	return leaks, err
}
