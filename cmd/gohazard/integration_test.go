package main_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gohazard/gohazard"
)

var update = flag.Bool("update", false, "rewrite the expected outputs in testdata/integration")

// module is a testdata module with findings, suppressions, a test file,
// a generated file, a clean package and a package that does not compile.
var module, _ = filepath.Abs(filepath.Join("..", "..", "testdata", "integration"))

// bin is the gohazard binary built for the tests.
var bin string

// binEnv names bin in the tests' environment.
const binEnv = "GOHAZARD_TEST_BINARY"

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "gohazard-test")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "gohazard")
	// For the tests of package main too, which cannot see bin.
	os.Setenv(binEnv, bin)
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs name with args in the testdata module and returns its combined
// output, with the module's absolute path removed, and its exit code.
func run(t *testing.T, name string, args ...string) (string, int) {
	t.Helper()
	return runIn(t, module, name, args...)
}

// runIn is run in another directory.
func runIn(t *testing.T, module, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = module
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return strings.ReplaceAll(string(out), module+string(filepath.Separator), ""), code
}

// output runs name with args in dir and returns its standard output and
// standard error apart, and its exit code.
func output(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out.String(), errOut.String(), code
}

// A sharedRun is the result of a command that several tests read.
type sharedRun struct {
	once           sync.Once
	stdout, stderr string
	code           int
}

var sharedRuns sync.Map // dir and command line -> *sharedRun

// shared is output for a command whose result several tests read: it runs
// once, and every test gets its result. Each cold run of gohazard or go
// vet analyses the standard library packages under the module first.
func shared(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	v, _ := sharedRuns.LoadOrStore(fmt.Sprintf("%s %s %q", dir, name, args), new(sharedRun))
	r := v.(*sharedRun)
	r.once.Do(func() { r.stdout, r.stderr, r.code = output(t, dir, name, args...) })
	return r.stdout, r.stderr, r.code
}

// vetparity is a testdata module with one finding of each vet analyzer
// that reports on it, and one of a staticcheck check.
var vetparity, _ = filepath.Abs(filepath.Join("..", "..", "testdata", "vetparity"))

// vetparityTree returns what go vet -vettool=gohazard reports on
// vetparity with the vet and staticcheck families on, as one JSON tree:
// package -> analyzer -> findings.
func vetparityTree(t *testing.T) map[string]map[string]any {
	t.Helper()
	stdout, stderr, _ := shared(t, vetparity, "go", "vet", "-vettool="+bin, "-json", "-staticcheck", "-vet", "./...")
	return decodeTrees(t, stdout+stderr)
}

// treeFindings returns the findings of a JSON tree, of the analyzers keep
// accepts, as "package analyzer position: message".
func treeFindings(t *testing.T, tree map[string]map[string]any, keep func(analyzer string) bool) map[string]bool {
	t.Helper()
	set := make(map[string]bool)
	for pkg, byAnalyzer := range tree {
		for name, v := range byAnalyzer {
			if !keep(name) {
				continue
			}
			list, ok := v.([]any)
			if !ok {
				t.Errorf("%s: %s: %v", pkg, name, v)
				continue
			}
			for _, d := range list {
				d, _ := d.(map[string]any)
				set[fmt.Sprintf("%s %s %v: %v", pkg, name, d["posn"], d["message"])] = true
			}
		}
	}
	return set
}

// sortFindings sorts the findings of plain-text output, each kept whole
// with the related lines (indented by a tab) that follow it.
func sortFindings(out string) string {
	var blocks []string
	for line := range strings.Lines(out) {
		if _, msg, ok := strings.Cut(line, ": "); ok && strings.HasPrefix(msg, "\t") && len(blocks) > 0 {
			blocks[len(blocks)-1] += line
			continue
		}
		blocks = append(blocks, line)
	}
	slices.Sort(blocks)
	return strings.Join(blocks, "")
}

func compare(t *testing.T, file, got string) {
	t.Helper()
	compareIn(t, module, file, got)
}

// compareIn is compare for a file of another directory.
func compareIn(t *testing.T, dir, file, got string) {
	t.Helper()
	path := filepath.Join(dir, file)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s\n--- got\n%s\n--- want\n%s", file, got, want)
	}
}

func TestStandalone(t *testing.T) {
	t.Parallel()
	out, code := run(t, bin, "./...")
	if code != 1 {
		t.Errorf("exit code with a broken package = %d, want 1", code)
	}
	compare(t, "want-standalone.txt", out)
	again, _ := run(t, bin, "./...")
	if again != out {
		t.Errorf("second run printed different output:\n%s", again)
	}

	out, code = run(t, bin, "-test=false", "./service", "./worker")
	if code != 3 {
		t.Errorf("exit code with findings = %d, want 3", code)
	}
	compare(t, "want-notest.txt", out)

	out, _ = run(t, bin, "-deferloop", "./service")
	compare(t, "want-deferloop-only.txt", out)

	if out, code := run(t, bin, "./worker"); code != 0 || out != "" {
		t.Errorf("clean package: exit %d, output %q; want 0 and nothing", code, out)
	}
}

func TestVettool(t *testing.T) {
	t.Parallel()
	// go vet prints packages as they finish, and since Go 1.26 it prints
	// one package's findings by ranging over a map of analyzer names, so
	// its order is not gohazard's to keep: compare one package per run,
	// as a sorted set of findings with their related lines.
	out, code := run(t, "go", "vet", "-vettool="+bin, "./service")
	if code == 0 {
		t.Errorf("go vet -vettool exited 0 despite findings")
	}
	compare(t, "want-vet.txt", sortFindings(out))
	out, code = run(t, "go", "vet", "-vettool="+bin, "./broken")
	if code == 0 || !strings.Contains(out, `broken/broken.go:5:9: cannot use "not an int"`) {
		t.Errorf("broken package under go vet: exit %d, output\n%s", code, out)
	}

	// -NAME=false under go vet: TestFamilies.
	if out, code := run(t, "go", "vet", "-vettool="+bin, "./worker"); code != 0 || out != "" {
		t.Errorf("clean package under go vet: exit %d, output %q", code, out)
	}
}

// TestVetParity checks that vet's analyzers under go vet -vettool=gohazard
// report exactly what plain go vet reports, since gohazard replaces vet's
// own tool: in generated files and under //nolint too.
func TestVetParity(t *testing.T) {
	t.Parallel()
	vetNames := make(map[string]bool)
	for _, e := range gohazard.Entries() {
		if e.Family == gohazard.Vet {
			vetNames[e.Analyzer.Name] = true
		}
	}
	stdout, stderr, _ := output(t, vetparity, "go", "vet", "-json", "./...")
	vet := treeFindings(t, decodeTrees(t, stdout+stderr), func(string) bool { return true })
	got := treeFindings(t, vetparityTree(t), func(name string) bool { return vetNames[name] })
	if len(vet) < 12 {
		t.Fatalf("plain go vet found %d things in %s, want the 12 planted:\n%s", len(vet), vetparity, stdout+stderr)
	}
	for f := range vet {
		if !got[f] {
			t.Errorf("go vet reports %q, go vet -vettool=gohazard does not", f)
		}
	}
	for f := range got {
		if !vet[f] {
			t.Errorf("go vet -vettool=gohazard -vet reports %q, go vet does not", f)
		}
	}
}

// TestStaticcheckBundled checks that a bundled staticcheck check is off by
// default and runs, in both modes, when selected.
func TestStaticcheckBundled(t *testing.T) {
	t.Parallel()
	const want = "vet.go:65:2: empty critical section"
	if f := treeFindings(t, vetparityTree(t), func(name string) bool { return name == "SA2001" }); len(f) != 1 {
		t.Errorf("go vet -vettool=gohazard -staticcheck: SA2001 reports %v, want %q", f, want)
	}
	if stdout, stderr, _ := shared(t, vetparity, bin, "-staticcheck", "./..."); !strings.Contains(stdout+stderr, want) {
		t.Errorf("-staticcheck: no SA2001 finding in\n%s", stdout+stderr)
	}
	if stdout, stderr, _ := shared(t, vetparity, bin, "./..."); strings.Contains(stdout+stderr, want) {
		t.Errorf("SA2001 reported by default:\n%s", stdout+stderr)
	}
}

func TestFixUnderVet(t *testing.T) {
	t.Parallel()
	out, _ := run(t, "go", "vet", "-vettool="+bin, "-timeafterloop", "-timeafterloop.restart", "-fix", "-diff", "./timer")
	if !strings.Contains(out, "+\t\ttimer := time.NewTimer(time.Minute)") && !strings.Contains(out, "+\ttimer := time.NewTimer(time.Minute)") {
		t.Errorf("go vet -fix -diff did not show the timer fix:\n%s", out)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	out, code := run(t, bin, "help")
	if code != 0 {
		t.Fatalf("help exited %d", code)
	}
	for _, want := range []string{"allocheck", "deferloop        on ", "timeafterloop    off", "ignores"} {
		if !strings.Contains(out, want) {
			t.Errorf("help output lacks %q:\n%s", want, out)
		}
	}
	out, code = run(t, bin, "help", "timeafterloop")
	if code != 0 || !strings.Contains(out, "timer.Reset(time.Minute)") {
		t.Errorf("help timeafterloop (exit %d) lacks the documentation:\n%s", code, out)
	}
	if _, code := run(t, bin, "help", "nosuch"); code == 0 {
		t.Errorf("help for an unknown analyzer exited 0")
	}
	out, _ = run(t, bin, "-flags")
	if !bytes.Contains([]byte(out), []byte(`"Name": "deferloop"`)) {
		t.Errorf("-flags does not describe the analyzers:\n%s", out)
	}
}

// TestReadmeExample keeps the output shown in README.md true.
func TestReadmeExample(t *testing.T) {
	t.Parallel()
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	cmd := exec.Command(bin, "./examples/...")
	cmd.Dir = root
	out, _ := cmd.CombinedOutput()
	got := strings.ReplaceAll(string(out), root+string(filepath.Separator), "")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	before, block, _ := strings.Cut(string(readme), "<!-- example-output -->\n```\n")
	block, after, _ := strings.Cut(block, "```\n<!-- /example-output -->")
	if *update && block != "" {
		readme := before + "<!-- example-output -->\n```\n" + got + "```\n<!-- /example-output -->" + after
		if err := os.WriteFile(filepath.Join(root, "README.md"), []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if block == "" || got != block {
		t.Errorf("README.md's example output is stale\n--- real output\n%s\n--- README\n%s", got, block)
	}
}

// TestFlagSpellings checks that every flag works written -f v as well as
// -f=v, standalone and under go vet (which passes the flags on as the
// user wrote them), on a package whose findings are all in a file built
// only with -tags integration, one of them only with -printf.funcs=Logf.
func TestFlagSpellings(t *testing.T) {
	t.Parallel()
	const (
		deferloop = "tagged/integration.go:15:3: defer in a loop"
		logf      = "tagged/integration.go:20:9: example.com/integration/tagged.Logf format %s has arg info.Size() of wrong type int64"
	)
	for _, mode := range []struct {
		name string
		cmd  []string
	}{
		{"standalone", []string{bin}},
		{"go vet", []string{"go", "vet", "-vettool=" + bin}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			var outs []string
			for _, flags := range [][]string{
				{"-tags=integration", "-printf.funcs=Logf", "-prealloc.conditional"},
				{"-tags", "integration", "-printf.funcs", "Logf", "-prealloc.conditional"},
			} {
				out, code := run(t, mode.cmd[0], append(append(mode.cmd[1:], flags...), "./tagged")...)
				if code == 0 || !strings.Contains(out, deferloop) || !strings.Contains(out, logf) {
					t.Errorf("%q: exit %d, output\n%s\nwant the findings of the tagged file", flags, code, out)
				}
				outs = append(outs, sortFindings(out))
			}
			if outs[0] != outs[1] {
				t.Errorf("-f v and -f=v report differently:\n%s\n---\n%s", outs[1], outs[0])
			}
			if out, code := run(t, mode.cmd[0], append(mode.cmd[1:], "./tagged")...); code != 0 || out != "" {
				t.Errorf("without -tags: exit %d, output\n%s\nwant nothing", code, out)
			}
		})
	}
	stdout, _, code := output(t, module, bin, "-format", "json", "-tags", "integration", "./tagged")
	if code != 3 || !strings.Contains(stdout, `"analyzer": "deferloop"`) {
		t.Errorf("-format json -tags integration: exit %d, output\n%s", code, stdout)
	}
}

// TestFamilies checks that -FAMILY and -FAMILY=false select analyzers by
// family in both modes.
func TestFamilies(t *testing.T) {
	t.Parallel()
	const (
		leak  = "range over the channel blocks forever" // recvleak, leakcheck
		alloc = "defer in a loop"                       // deferloop, allocheck
	)
	for _, tc := range []struct {
		cmd         []string
		flag        string
		leak, alloc bool
	}{
		{[]string{bin}, "-leakcheck=false", false, true},
		{[]string{bin}, "-allocheck", false, true},
		{[]string{bin}, "-leakcheck", true, false},
		{[]string{bin}, "-allocheck=false", true, false},
		{[]string{bin}, "-vet=false", true, true},
	} {
		out, _ := run(t, tc.cmd[0], append(tc.cmd[1:], tc.flag, "./service")...)
		if strings.Contains(out, leak) != tc.leak || strings.Contains(out, alloc) != tc.alloc {
			t.Errorf("%q %s: recvleak reported %v (want %v), deferloop %v (want %v):\n%s",
				tc.cmd, tc.flag, strings.Contains(out, leak), tc.leak, strings.Contains(out, alloc), tc.alloc, out)
		}
	}
	// The flags are expanded the same way in both modes; under go vet, each
	// new set of flags analyses every dependency again, so one case, on a
	// package that imports nothing, shows that go vet accepts the flag and
	// passes it on.
	out, _ := run(t, "go", "vet", "-vettool="+bin, "-tags=integration", "-printf.funcs=Logf", "-allocheck=false", "./tagged")
	if strings.Contains(out, "defer in a loop") || !strings.Contains(out, "Logf format %s has arg") {
		t.Errorf("go vet -allocheck=false: want printf's finding and not deferloop's, got\n%s", out)
	}
	if stdout, stderr, _ := shared(t, vetparity, bin, "-staticcheck", "./..."); !strings.Contains(stdout+stderr, "empty critical section (SA2001)") || strings.Contains(stdout+stderr, "(printf)") {
		t.Errorf("-staticcheck: want staticcheck's findings only, got\n%s", stdout+stderr)
	}
	if out, code := run(t, bin, "-leakcheck=maybe", "./service"); code != 2 || !strings.Contains(out, "-leakcheck") {
		t.Errorf("-leakcheck=maybe: exit %d, output %s", code, out)
	}
}

// TestVersion checks -V and "gohazard version", and that go vet's -V=full
// protocol still answers with a build ID.
func TestVersion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"-V"}, {"version"}, {"-V=true"}} {
		out, code := run(t, bin, args...)
		if code != 0 || !strings.HasPrefix(out, "gohazard ") || !strings.Contains(out, "(go1.") {
			t.Errorf("gohazard %s: exit %d, output %q", args[0], code, out)
		}
	}
	out, code := run(t, bin, "-V=full")
	if f := strings.Fields(out); code != 0 || len(f) < 4 || f[1] != "version" || !strings.HasPrefix(f[len(f)-1], "buildID=") {
		t.Errorf("-V=full: exit %d, output %q; want go vet's \"NAME version devel ... buildID=...\"", code, out)
	}
}

// TestFixRemaining checks that -fix lists the findings it could not fix
// and exits 3, and exits 0 when it fixed them all.
func TestFixRemaining(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) string {
		t.Helper()
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	write("go.mod", "module example.com/fix\n\ngo 1.26\n")
	write("all/plain.go", read(filepath.Join(formats, "_cgo", "plain.go")))
	for _, f := range []string{"files.go", "wait.go"} {
		write("some/"+f, read(filepath.Join(formats, "store", f)))
	}

	out, code := runIn(t, dir, bin, "-fix", "./all")
	if code != 0 || out != "" {
		t.Errorf("-fix with every finding fixable: exit %d, output\n%s", code, out)
	}
	if got, want := read(filepath.Join(dir, "all", "plain.go")), read(filepath.Join(formats, "_cgo", "plain.go.golden")); got != want {
		t.Errorf("all/plain.go after -fix:\n%s\nwant\n%s", got, want)
	}

	out, code = runIn(t, dir, bin, withTimeAfter("-fix", "./some")...)
	want := "gohazard: 1 finding remains, which -fix could not fix:\n" +
		"some/files.go:13:24: defer in a loop runs only when the function returns: deferred calls and what they hold pile up with every iteration (deferloop)\n" +
		"some/files.go:8:2: \tthe loop\n"
	if code != 3 || out != want {
		t.Errorf("-fix with a finding left: exit %d, output\n%s\nwant exit 3 and\n%s", code, out, want)
	}
	if got := read(filepath.Join(dir, "some", "wait.go")); !strings.Contains(got, "time.NewTimer") {
		t.Errorf("the fixable finding of some/wait.go was not fixed:\n%s", got)
	}
}
