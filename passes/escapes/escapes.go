// Package escapes reads the compiler's escape-analysis decisions from its
// JSON optimisation log (go build -gcflags=-json=0,DIR), the format of
// cmd/compile/internal/logopt: a directory per package (its path,
// URL-escaped), a file per source file, a header line and then one LSP
// diagnostic per line.
package escapes

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// An Escape is a value the compiler moves to the heap.
type Escape struct {
	File      string // absolute path
	Line, Col int    // 1-based, the column in bytes
	What      string // "&T{...} escapes to heap"
	Why       string // the last step of the compiler's explanation
}

type header struct {
	File string `json:"file"`
}

type diagnostic struct {
	Range struct {
		Start struct {
			Line      int `json:"line"`
			Character int `json:"character"`
		} `json:"start"`
	} `json:"range"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Related []struct {
		Message string `json:"message"`
	} `json:"relatedInformation"`
}

// Read returns the heap escapes logged for package pkgPath under dir, in
// file and position order. A missing dir is an error; a package the log
// has nothing for (not built, or a test package) has no escapes.
func Read(dir, pkgPath string) ([]Escape, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("compiler log: %v (make it with go build -gcflags=all=-json=0,DIR)", err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, url.PathEscape(pkgPath)))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	pkgDir := filepath.Join(dir, url.PathEscape(pkgPath))
	var out []Escape
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		found, err := readFile(filepath.Join(pkgDir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	slices.SortFunc(out, func(a, b Escape) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
	return slices.CompactFunc(out, func(a, b Escape) bool { return a == b }), nil
}

func readFile(name string) ([]Escape, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	var h header
	if !sc.Scan() || json.Unmarshal(sc.Bytes(), &h) != nil || h.File == "" {
		return nil, fmt.Errorf("%s: not a compiler optimisation log", name)
	}
	var out []Escape
	for sc.Scan() {
		var d diagnostic
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if (d.Code != "escape" && d.Code != "escapes") || !strings.HasSuffix(d.Message, "escapes to heap") {
			continue
		}
		out = append(out, Escape{File: h.File, Line: d.Range.Start.Line, Col: d.Range.Start.Character, What: d.Message, Why: reason(d)})
	}
	return out, sc.Err()
}

// reason returns the last "from ..." step of the explanation: what the
// value finally flows into ("from append(sink, t) (call parameter)").
func reason(d diagnostic) string {
	for i := len(d.Related) - 1; i >= 0; i-- {
		m := strings.TrimSpace(strings.TrimPrefix(d.Related[i].Message, "escflow:"))
		if strings.HasPrefix(m, "from ") {
			return m
		}
	}
	return ""
}
