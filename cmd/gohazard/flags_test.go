package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/gohazard/gohazard"
)

func TestParseCommandLine(t *testing.T) {
	t.Parallel()
	entries := gohazard.Entries()
	for _, tc := range []struct {
		args []string
		want string // argv, joined by spaces
	}{
		// go vet passes flags as the user spelled them.
		{[]string{"-tags", "integration", "-printf.funcs", "Logf", "-json", "/tmp/b001/vet.cfg"},
			"-tags=integration -printf.funcs=Logf -json /tmp/b001/vet.cfg"},
		{[]string{"-tags=integration", "--printf.funcs=Logf", "./..."}, "-tags=integration -printf.funcs=Logf ./..."},
		{[]string{"-format", "json", "-c", "2", "-hotalloc.log", "build.log", "./a", "./b"},
			"-format=json -c=2 -hotalloc.log=build.log ./a ./b"},
		// A boolean flag takes no value from the next argument.
		{[]string{"-deferloop", "-fix", "./..."}, "-deferloop -fix ./..."},
		{[]string{"-test", "false", "./..."}, "-test false ./..."},
		// go vet's legacy alias of printf.funcs takes a value too.
		{[]string{"-printfuncs", "Logf", "p"}, "-printfuncs=Logf p"},
		{[]string{"-json", "--", "-odd"}, "-json -- -odd"},
		{[]string{"help", "-deferloop"}, "help -deferloop"},
	} {
		cl, err := parseCommandLine(entries, tc.args)
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if got := strings.Join(cl.argv(), " "); got != tc.want {
			t.Errorf("%q: argv %q, want %q", tc.args, got, tc.want)
		}
	}
	if _, err := parseCommandLine(entries, []string{"./...", "-tags"}); err != nil {
		t.Errorf("a flag after the packages was parsed: %v", err)
	}
	if _, err := parseCommandLine(entries, []string{"-tags"}); err == nil || !strings.Contains(err.Error(), "-tags") {
		t.Errorf("-tags without a value: error %v", err)
	}
}

// TestValueFlags checks that gohazard's parser knows which flags take a
// value exactly as the multichecker's flag set does, which -flags (go
// vet's protocol) prints.
func TestValueFlags(t *testing.T) {
	t.Parallel()
	// The binary the external tests' TestMain built.
	out, err := exec.Command(os.Getenv("GOHAZARD_TEST_BINARY"), "-flags").Output()
	if err != nil {
		t.Fatal(err)
	}
	var flags []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal(out, &flags); err != nil {
		t.Fatal(err)
	}
	takesValue := valueFlags(gohazard.Entries())
	for _, f := range flags {
		if takesValue[f.Name] == f.Bool {
			t.Errorf("-%s: boolean %v in -flags, but the parser's valueFlags says %v", f.Name, f.Bool, takesValue[f.Name])
		}
	}
	names := make([]string, 0, len(flags))
	for _, f := range flags {
		names = append(names, f.Name)
	}
	for _, f := range append(slices.Clone(families), "tags", "printf.funcs", "hotalloc.log", "leakcheck") {
		if !slices.Contains(names, f) {
			t.Errorf("-flags lacks -%s, so go vet rejects it", f)
		}
	}
}

func TestExpandFamilies(t *testing.T) {
	t.Parallel()
	entries := gohazard.Entries()
	expand := func(args ...string) []string {
		t.Helper()
		cl, err := parseCommandLine(entries, args)
		if err == nil {
			err = cl.expandFamilies(entries)
		}
		if err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		return cl.argv()
	}
	got := expand("-ctxcheck", "./...")
	want := []string{"-ctxloop=true", "-ctxrequest=true", "./..."}
	if !slices.Equal(got, want) {
		t.Errorf("-ctxcheck: %q, want %q", got, want)
	}
	// hotalloc is off by default: -allocheck leaves it out.
	if got := expand("-allocheck"); slices.Contains(got, "-hotalloc=true") || !slices.Contains(got, "-deferloop=true") {
		t.Errorf("-allocheck: %q", got)
	}
	// Every check of the staticcheck family is off by default: -staticcheck
	// selects them all.
	if got := expand("-staticcheck=true"); !slices.Contains(got, "-SA2001=true") || !slices.Contains(got, "-SA6002=true") {
		t.Errorf("-staticcheck=true: %q", got)
	}
	if got := expand("-leakcheck=false", "-SA2001"); !slices.Contains(got, "-sendleak=false") || !slices.Contains(got, "-SA2001") {
		t.Errorf("-leakcheck=false -SA2001: %q", got)
	}
	cl, _ := parseCommandLine(entries, []string{"-vet=maybe"})
	if err := cl.expandFamilies(entries); err == nil {
		t.Errorf("-vet=maybe accepted")
	}
}
