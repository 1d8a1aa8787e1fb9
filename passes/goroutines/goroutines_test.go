package goroutines

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func read(t *testing.T, name string) []Goroutine {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(data)
}

func TestParseLeakProfile(t *testing.T) {
	gs := read(t, "leak.txt")
	if len(gs) != 4 {
		t.Fatalf("got %d goroutines, want 4", len(gs))
	}
	want := Goroutine{
		ID: 5, State: "chan send", Leaked: true,
		Stack:   []Frame{{"example.com/exp.Lookup.func1", "/ci/build/exp/p.go", 7}},
		Creator: &Frame{"example.com/exp.Lookup", "/ci/build/exp/p.go", 7},
	}
	if !reflect.DeepEqual(gs[1], want) {
		t.Errorf("goroutine 5:\ngot  %+v\nwant %+v", gs[1], want)
	}
	if g := gs[0]; g.ID != 1 || g.State != "running" || g.Leaked || g.Creator != nil || len(g.Stack) != 5 {
		t.Errorf("goroutine 1: got %+v", g)
	}
	if g := gs[2]; g.State != "sync.Mutex.Lock" || !g.Leaked || len(g.Stack) != 6 || g.Stack[3].Func != "sync.(*Mutex).Lock" || g.Stack[3].Line != 46 {
		t.Errorf("goroutine 6: got %+v", g)
	}
	if top, ok := gs[2].Top(); !ok || top.Func != "example.com/exp/inner.(*Cache).get" {
		t.Errorf("Top of goroutine 6 = %+v, %v; want example.com/exp/inner.(*Cache).get", top, ok)
	}
	if g := gs[3]; g.Leaked || g.Wait != 20*time.Minute {
		t.Errorf("goroutine 7: got %+v", g)
	}

	// A leak profile: the leaked goroutines, not the one blocked for long.
	var ids []int
	for _, l := range Leaks(gs, "leak.txt", 10*time.Minute) {
		if l.Suspected || l.Dump != "leak.txt" {
			t.Errorf("leak %d: %+v", l.ID, l)
		}
		ids = append(ids, l.ID)
	}
	if !reflect.DeepEqual(ids, []int{5, 6}) {
		t.Errorf("leaks: got %v, want [5 6]", ids)
	}
}

func TestParseDump(t *testing.T) {
	gs := read(t, "dump.txt")
	var ids []int
	for _, g := range gs {
		ids = append(ids, g.ID)
	}
	if !reflect.DeepEqual(ids, []int{1, 18, 19, 20, 21, 22}) {
		t.Fatalf("goroutines: got %v", ids)
	}
	if g := gs[0]; g.State != "running" || len(g.Stack) != 1 || g.Stack[0] != (Frame{"main.main", "/srv/app/main.go", 12}) {
		t.Errorf("goroutine 1 (gp= header): got %+v", g)
	}
	g := gs[1]
	if g.State != "chan receive" || g.Wait != 42*time.Minute || g.Leaked || len(g.Stack) != 2 {
		t.Errorf("goroutine 18: got %+v", g)
	}
	if pkg := g.Stack[0].Package(); pkg != "gopkg.in/yaml.v3" {
		t.Errorf("escaped package: got %q, want gopkg.in/yaml.v3", pkg)
	}
	if g := gs[2]; g.State != "sync.WaitGroup.Wait" || g.Wait != 11*time.Minute || len(g.Stack) != 3 || g.Creator == nil || g.Creator.Line != 30 {
		t.Errorf("goroutine 19 (elided frames, locked to thread): got %+v", g)
	}
	if pkg := gs[2].Stack[2].Package(); pkg != "example.com/app/server" {
		t.Errorf("generic function's package: got %q", pkg)
	}

	// A plain dump: blocked on channels or locks for 10 minutes or more.
	// Not 20 (3 minutes), not 21 (IO wait).
	ids = nil
	for _, l := range Leaks(gs, "dump.txt", 10*time.Minute) {
		if !l.Suspected {
			t.Errorf("leak %d of a plain dump not suspected", l.ID)
		}
		ids = append(ids, l.ID)
	}
	if !reflect.DeepEqual(ids, []int{18, 19, 22}) {
		t.Errorf("suspected leaks: got %v, want [18 19 22]", ids)
	}
	parked := Parse([]byte("goroutine 1 [select (no cases), 300 minutes]:\nmain.main()\n\t/srv/app/main.go:20 +0x25\n"))
	if len(parked) != 1 || !parked[0].Blocked() || len(Leaks(parked, "main.txt", time.Minute)) != 0 {
		t.Errorf("the main goroutine, parked for good, is a suspected leak: %+v", parked)
	}
	if n := len(Leaks(gs, "dump.txt", time.Hour)); n != 0 {
		t.Errorf("minWait 1h: got %d suspected leaks, want 0", n)
	}
}

func TestParseMalformed(t *testing.T) {
	for _, in := range []string{
		"",
		"goroutine x [running]:\n",
		"goroutine 1 running:\n",
		"goroutine 3 [chan send]:\nexample.com/p.F()\n",
		"goroutine 3 [chan send]:\n\t/p.go:7\n",
		"goroutine 3 [chan send]:\nexample.com/p.F()\n\t/p.go:x +0x1\ncreated by\n\tnowhere\n",
	} {
		for _, g := range Parse([]byte(in)) {
			if len(g.Stack) != 0 || g.Creator != nil {
				t.Errorf("Parse(%q): frames from malformed lines: %+v", in, g)
			}
		}
	}
}

func TestIn(t *testing.T) {
	f := Frame{"example.com/exp/inner.(*Cache).get", "/ci/build/exp/inner/cache.go", 31}
	for _, c := range []struct {
		pkg, rel string
		line     int
		want     bool
	}{
		{"example.com/exp/inner", "inner/cache.go", 31, true},
		{"example.com/exp/inner", "cache.go", 31, true}, // another module layout, same package
		{"example.com/exp/inner", "inner/cache.go", 32, false},
		{"example.com/exp", "inner/cache.go", 31, true}, // inlined into a function of example.com/exp
		{"example.com/exp/inner", "nner/cache.go", 31, false},
		{"example.com/exp/inner", "other/cache.go", 31, false},
	} {
		if got := f.In(c.pkg, c.rel, c.line); got != c.want {
			t.Errorf("In(%q, %q, %d) = %v, want %v", c.pkg, c.rel, c.line, got, c.want)
		}
	}
	dep := Frame{"github.com/dep/inner.(*Cache).get", "/root/go/pkg/mod/github.com/dep@v1.2.0/inner/cache.go", 31}
	if dep.In("example.com/exp/inner", "inner/cache.go", 31) {
		t.Errorf("a frame of a dependency in the module cache matches a file of the same path")
	}
	if !dep.In("github.com/dep/inner", "inner/cache.go", 31) {
		t.Errorf("a frame in the module cache does not match its own package")
	}
	vendored := Frame{"github.com/dep/inner.get", "/ci/build/vendor/github.com/dep/inner/cache.go", 31}
	if vendored.In("example.com/exp/inner", "inner/cache.go", 31) {
		t.Errorf("a vendored frame matches a file of the same path")
	}
	inlined := Frame{"example.com/exp_test.TestPublish.Subscribe.func1", "/ci/build/exp/fetch/fetch.go", 25}
	if !inlined.In("example.com/exp/fetch", "fetch/fetch.go", 25) {
		t.Errorf("a closure inlined into another package does not match its file")
	}
	trimmed := Frame{"example.com/exp_test.TestX", "example.com/exp/x_test.go", 4}
	if !trimmed.In("example.com/exp", "x_test.go", 4) {
		t.Errorf("a -trimpath frame of an external test package does not match")
	}
	if !(Frame{"main.run", `C:\src\app\cmd\tool\main.go`, 9}).In("example.com/app/cmd/tool", "cmd/tool/main.go", 9) {
		t.Errorf("a frame of package main with a Windows path does not match")
	}
}

func TestFirst(t *testing.T) {
	gs := read(t, "leak.txt")
	inExp := func(pkg string) bool { return InModule(pkg, "example.com/exp") }
	if f, ok := gs[2].First(inExp); !ok || f.Func != "example.com/exp/inner.(*Cache).get" {
		t.Errorf("First = %+v, %v", f, ok)
	}
	onlyTop := func(pkg string) bool { return pkg == "example.com/exp" }
	if f, ok := gs[2].First(onlyTop); !ok || f.Func != "example.com/exp.Locked.func1" {
		t.Errorf("First (package example.com/exp) = %+v, %v", f, ok)
	}
	dump := read(t, "dump.txt")
	std := func(pkg string) bool { return pkg == "net" }
	if f, ok := dump[4].First(std); !ok || f.Func != "net.(*conn).Read" {
		t.Errorf("First (net) = %+v, %v", f, ok)
	}
	none := func(string) bool { return false }
	if _, ok := gs[1].First(none); ok {
		t.Errorf("First found a frame nothing accepts")
	}
	started := Goroutine{Stack: []Frame{{"net.(*conn).Read", "net.go", 1}}, Creator: &Frame{"example.com/x.Start", "x.go", 9}}
	if f, ok := started.First(func(pkg string) bool { return pkg == "example.com/x" }); !ok || f != *started.Creator {
		t.Errorf("First falls back to the creator: got %+v, %v", f, ok)
	}
}

func TestInModule(t *testing.T) {
	for _, c := range []struct {
		pkg, module string
		want        bool
	}{
		{"example.com/exp", "example.com/exp", true},
		{"example.com/exp/inner", "example.com/exp", true},
		{"example.com/exp_test", "example.com/exp", true},
		{"example.com/expert", "example.com/exp", false},
		{"main", "example.com/exp", true},
		{"sync", "example.com/exp", false},
		{"example.com/other", "", true},
		{"internal/sync", "", false},
	} {
		if got := InModule(c.pkg, c.module); got != c.want {
			t.Errorf("InModule(%q, %q) = %v, want %v", c.pkg, c.module, got, c.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{"leak.txt": "a/leak.txt", "dump.txt": "dump.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, src)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, src), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "README"), []byte("not a dump\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	leaks, err := Load(dir, 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range leaks {
		got = append(got, filepath.Base(l.Dump)+":"+l.State)
	}
	want := []string{"leak.txt:chan send", "leak.txt:sync.Mutex.Lock", "dump.txt:chan receive", "dump.txt:sync.WaitGroup.Wait", "dump.txt:chan send (nil chan)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load(dir):\ngot  %v\nwant %v", got, want)
	}
	if _, err := Load(filepath.Join(dir, "README"), time.Minute); err == nil || !strings.Contains(err.Error(), "no goroutine dump") {
		t.Errorf("Load(not a dump): err = %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing"), time.Minute); err == nil {
		t.Errorf("Load(missing file): no error")
	}
}
