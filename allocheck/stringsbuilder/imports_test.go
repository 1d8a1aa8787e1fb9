package stringsbuilder

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The packages strings and runtime depend on are the toolchain's, listed
// as x/tools lists them; when a Go release changes them, regenerate
// stringsDeps with the command in its comment.
func TestStringsDeps(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "strings", "runtime")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH=amd64")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Fields(string(out))
	slices.Sort(want)
	if !slices.Equal(stringsDeps, want) {
		t.Errorf("stringsDeps = %q\ngo list -deps strings runtime = %q", stringsDeps, want)
	}
}

func TestImportCycle(t *testing.T) {
	for path, want := range map[string]bool{
		"strings":             true,
		"unicode/utf8":        true,
		"internal/bytealg":    true,
		"runtime":             true,
		"container/list":      false,
		"fmt":                 false,
		"example.com/strings": false,
		"example.com/io":      false,
	} {
		if got := importCycle(path); got != want {
			t.Errorf("importCycle(%q) = %v, want %v", path, got, want)
		}
	}
}
