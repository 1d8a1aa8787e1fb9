package leaktest

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gohazard/gohazard/passes/goroutines"
)

// module is a testdata module whose packages use Main: leaky leaks a
// goroutine, ignored leaks one it ignores, clean leaks none.
var module, _ = filepath.Abs(filepath.Join("..", "testdata", "leaktest"))

// goTest runs go test with args in the testdata module, with env added,
// and returns its output and exit code.
func goTest(t *testing.T, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"test", "-count=1"}, args...)...)
	cmd.Dir = module
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod")
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return string(out), exit.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(out), 0
}

// experiment skips the test if the toolchain has no goroutineleakprofile
// experiment.
func experiment(t *testing.T) []string {
	t.Helper()
	env := "GOEXPERIMENT=goroutineleakprofile"
	cmd := exec.Command("go", "env", "GOEXPERIMENT")
	cmd.Env = append(os.Environ(), env)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("the toolchain has no goroutineleakprofile experiment: %s", out)
	}
	return []string{env}
}

// lineOf returns the line of file (in the testdata module) that contains
// text.
func lineOf(t *testing.T, file, text string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(module, file))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), text) {
			return n
		}
	}
	t.Fatalf("%s has no line with %q", file, text)
	return 0
}

func TestProfile(t *testing.T) {
	env := experiment(t)
	dir := t.TempDir()
	out, code := goTest(t, append(env, EnvDir+"="+dir), "./...")
	if code != 1 {
		t.Fatalf("go test: exit code %d, want 1 (leaky fails)\n%s", code, out)
	}
	for _, want := range []string{
		"ok  \texample.com/leaktest/clean",
		"ok  \texample.com/leaktest/ignored",
		"leaktest: the tests leaked 1 goroutine, blocked forever (goroutineleak profile):",
		"[chan send (leaked)]:\nexample.com/leaktest/leaky.Fetch.func1()\n",
		"FAIL\texample.com/leaktest/leaky",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("go test output lacks %q:\n%s", want, out)
		}
	}

	// One profile per test binary, named after the package of TestMain.
	send := lineOf(t, "leaky/leaky.go", "ch <- 42")
	for file, want := range map[string][]string{
		"example.com_leaktest_leaky.goroutineleak.txt":      {"example.com/leaktest/leaky.Fetch.func1"},
		"example.com_leaktest_ignored.goroutineleak.txt":    {"example.com/leaktest/ignored.wait"},
		"example.com_leaktest_clean_test.goroutineleak.txt": nil,
	} {
		leaks, err := goroutines.Load(filepath.Join(dir, file), 0)
		if err != nil {
			t.Error(err)
			continue
		}
		var got []string
		for _, l := range leaks {
			top, _ := l.Top()
			got = append(got, top.Func)
			if top.Func == "example.com/leaktest/leaky.Fetch.func1" && (top.Line != send || !top.In("example.com/leaktest/leaky", "leaky/leaky.go", send)) {
				t.Errorf("%s: the leaked send is at %s:%d, want leaky/leaky.go:%d", file, top.File, top.Line, send)
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: leaked goroutines %v, want %v", file, got, want)
		}
	}
}

// TestRelativeDir writes the profile under the module root, not under the
// package's directory where go test runs it.
func TestRelativeDir(t *testing.T) {
	env := experiment(t)
	rel := filepath.Join("testdata-out", filepath.Base(t.TempDir()))
	t.Cleanup(func() { os.RemoveAll(filepath.Join(module, "testdata-out")) })
	if out, code := goTest(t, append(env, EnvDir+"="+rel), "./clean"); code != 0 {
		t.Fatalf("go test ./clean: exit code %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(module, rel, "example.com_leaktest_clean_test.goroutineleak.txt")); err != nil {
		t.Error(err)
	}
}

// TestNoProfile runs the tests unchanged, with one line said, where the
// runtime has no goroutineleak profile.
func TestNoProfile(t *testing.T) {
	dir := t.TempDir()
	out, code := goTest(t, []string{"GOEXPERIMENT=nogoroutineleakprofile", EnvDir + "=" + dir}, "-v", "./leaky")
	if code != 0 {
		t.Fatalf("go test: exit code %d, want 0\n%s", code, out)
	}
	if n := strings.Count(out, "leaktest:"); n != 1 || !strings.Contains(out, "has no goroutineleak profile (Go 1.26 needs GOEXPERIMENT=goroutineleakprofile): goroutine leaks not checked\n") {
		t.Errorf("want one line saying there is no profile, got:\n%s", out)
	}
	if !strings.Contains(out, "--- PASS: TestFetch") {
		t.Errorf("the tests did not run:\n%s", out)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("profile written without a profile: %v", entries)
	}
}

func TestLeaked(t *testing.T) {
	dump, err := os.ReadFile(filepath.Join("..", "passes", "goroutines", "testdata", "leak.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := leaked(dump, nil)
	if len(got) != 2 || !strings.HasPrefix(got[0], "goroutine 5 [chan send (leaked)]:\n") || !strings.HasPrefix(got[1], "goroutine 6 [sync.Mutex.Lock (leaked)]:\n") {
		t.Errorf("leaked: got %q", got)
	}
	// Goroutine 6 blocks in sync.(*Mutex).Lock, called by its top function.
	got = leaked(dump, []string{"example.com/exp/inner.(*Cache).get", "sync.(*Mutex).Lock"})
	if len(got) != 1 || !strings.HasPrefix(got[0], "goroutine 5 ") {
		t.Errorf("leaked, ignoring goroutine 6's top function: got %q", got)
	}
}
