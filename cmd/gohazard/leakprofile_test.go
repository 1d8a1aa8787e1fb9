package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// leakModule is a testdata module whose test leaks a goroutine through a
// pattern sendleak reports (fetch.go:12) and another through a function
// value no analyzer follows (fetch.go:25).
var leakModule, _ = filepath.Abs(filepath.Join("..", "..", "testdata", "leakprofile"))

type jsonFinding struct {
	Analyzer  string `json:"analyzer"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Message   string `json:"message"`
	Confirmed int    `json:"confirmed"`
	Suspected int    `json:"suspected"`
	Related   []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"related"`
}

// leakFindings runs gohazard -format=json with args in the module, with
// leakcheck's default analyzers and sendleak (off by default), and
// returns its findings by analyzer and line.
func leakFindings(t *testing.T, args ...string) map[string]jsonFinding {
	t.Helper()
	stdout, stderr, code := output(t, leakModule, bin, append([]string{"-format=json", "-leakcheck", "-sendleak"}, args...)...)
	if code != 3 || stderr != "" {
		t.Fatalf("gohazard %v: exit %d, stderr %q; want 3 and nothing", args, code, stderr)
	}
	var findings []jsonFinding
	if err := json.Unmarshal([]byte(stdout), &findings); err != nil {
		t.Fatal(err)
	}
	byKey := make(map[string]jsonFinding)
	for _, f := range findings {
		byKey[f.Analyzer+" "+f.File+":"+itoa(f.Line)] = f
	}
	return byKey
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestLeakProfile is the run issue 12 asks for: go test under the
// goroutineleak profile writes it, and gohazard -leakprofile marks the
// finding it confirms and reports the leak it has no finding for.
func TestLeakProfile(t *testing.T) {
	t.Parallel()
	env := "GOEXPERIMENT=goroutineleakprofile"
	check := exec.Command("go", "env", "GOEXPERIMENT")
	check.Env = append(os.Environ(), env)
	if out, err := check.CombinedOutput(); err != nil {
		t.Skipf("the toolchain has no goroutineleakprofile experiment: %s", out)
	}
	dir := t.TempDir()
	test := exec.Command("go", "test", "-count=1", "./...")
	test.Dir = leakModule
	test.Env = append(os.Environ(), env, "GOHAZARD_LEAKPROFILE="+dir, "GOWORK=off", "GOPROXY=off")
	out, _ := test.CombinedOutput()
	if !strings.Contains(string(out), "leaktest: the tests leaked 2 goroutines") {
		t.Fatalf("go test: want leaktest to find 2 leaked goroutines:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "example.com_leakprofile_fetch_test.goroutineleak.txt")); err != nil {
		t.Fatal(err)
	}

	findings := leakFindings(t, "-leakprofile="+dir, "./...")
	if f := findings["sendleak fetch/fetch.go:12"]; f.Confirmed != 1 || f.Suspected != 0 {
		t.Errorf("sendleak at fetch.go:12: confirmed %d, suspected %d; want 1 and 0 (all findings: %v)", f.Confirmed, f.Suspected, findings)
	}
	f, ok := findings["runtimeleak fetch/fetch.go:25"]
	if !ok || f.Message != "a goroutine leaked blocked on chan send: nothing can ever wake it (goroutineleak profile)" ||
		len(f.Related) != 1 || f.Related[0].File != "fetch/publish.go" || f.Related[0].Line != 6 {
		t.Errorf("runtimeleak at fetch.go:25 (the blocked send of Subscribe): got %+v (all findings: %v)", f, findings)
	}
	if f, ok := findings["runtimeleak fetch/fetch.go:12"]; ok {
		t.Errorf("runtimeleak reports the goroutine sendleak explains: %+v", f)
	}
	if len(findings) != 2 {
		t.Errorf("got %d findings, want 2: %v", len(findings), findings)
	}

	_, stderr, code := output(t, leakModule, bin, "-leakcheck", "-sendleak", "-leakprofile", dir, "./...")
	if code != 3 || !strings.Contains(stderr, "fetch/fetch.go:12:6: goroutine blocks forever on send: the function that started it can return without receiving (confirmed at run time: 1) (sendleak)\n") {
		t.Errorf("text: exit %d, want 3 and the confirmation:\n%s", code, stderr)
	}
	stdout, _, _ := output(t, leakModule, bin, "-format=sarif", "-leakcheck", "-sendleak", "-leakprofile="+dir, "./...")
	if !strings.Contains(stdout, "\"properties\": {\n            \"confirmed\": 1\n          }") {
		t.Errorf("sarif: no confirmed property:\n%s", stdout)
	}

	// Under go vet, where no layer marks findings, runtimeleak reports
	// both goroutines.
	_, stderr, _ = output(t, leakModule, "go", "vet", "-vettool="+bin, "-runtimeleak", "-runtimeleak.profile="+dir, "./...")
	for _, want := range []string{"fetch/fetch.go:12:3: a goroutine leaked blocked on chan send", "fetch/fetch.go:25:3: a goroutine leaked blocked on chan send"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("go vet -runtimeleak.profile: no %q in\n%s", want, stderr)
		}
	}
}

// TestLeakProfileDump reads a plain goroutine dump, taken with -trimpath:
// goroutines blocked for 10 minutes or more are suspected leaks.
func TestLeakProfileDump(t *testing.T) {
	t.Parallel()
	dump := filepath.Join("dumps", "goroutines.txt")
	// The leaks are in a package's code: its tests' dependencies need not
	// be analysed for each minimum wait.
	findings := leakFindings(t, "-test=false", "-leakprofile="+dump, "./...")
	if f := findings["sendleak fetch/fetch.go:12"]; f.Suspected != 1 || f.Confirmed != 0 {
		t.Errorf("sendleak at fetch.go:12: suspected %d, confirmed %d; want 1 (31 minutes, not 2) and 0", f.Suspected, f.Confirmed)
	}
	if f := findings["runtimeleak fetch/fetch.go:25"]; f.Message != "a goroutine has been blocked on chan send for 12 minutes: a suspected leak (goroutine dump)" {
		t.Errorf("runtimeleak at fetch.go:25: got %+v (all findings: %v)", f, findings)
	}
	if len(findings) != 2 {
		t.Errorf("got %d findings, want 2: %v", len(findings), findings)
	}

	findings = leakFindings(t, "-test=false", "-leakprofile="+dump, "-leakprofile.minwait=20m", "./...")
	if f := findings["sendleak fetch/fetch.go:12"]; f.Suspected != 1 {
		t.Errorf("-leakprofile.minwait=20m: sendleak suspected %d, want 1", f.Suspected)
	}
	if _, ok := findings["runtimeleak fetch/fetch.go:25"]; ok || len(findings) != 1 {
		t.Errorf("-leakprofile.minwait=20m: want only sendleak's finding, got %v", findings)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-leakprofile=missing.txt"}, "-leakprofile: stat"},
		{[]string{"-leakprofile=go.mod"}, "no goroutine dump in it"},
		{[]string{"-leakprofile=" + dump, "-leakprofile.minwait=soon"}, "-leakprofile.minwait: time: invalid duration"},
		{[]string{"-leakprofile"}, "flag needs an argument: -leakprofile"},
	} {
		if _, stderr, code := output(t, leakModule, bin, c.args...); code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}
