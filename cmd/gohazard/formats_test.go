package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// formats is a testdata module with findings in two files, one of them
// after non-ASCII text on its line, and a clean file.
var formats, _ = filepath.Abs(filepath.Join("..", "..", "testdata", "formats"))

// The module is go1.26: withTimeAfter turns on timeafterloop and its
// -restart flag, so that the timer finding and its fix show in every
// format.
func TestFormats(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"json", "sarif", "github", "rdjsonl"} {
		t.Run(format, func(t *testing.T) {
			// SARIF and GitHub paths are relative to the repository's root,
			// which -srcroot sets here to the module (TestSrcRoot checks the
			// default).
			stdout, stderr, code := output(t, formats, bin, append([]string{"-format=" + format, "-srcroot", formats}, withTimeAfter("./...")...)...)
			if code != 3 || stderr != "" {
				t.Errorf("exit %d, stderr %q; want 3 and nothing", code, stderr)
			}
			if format == "sarif" {
				stdout = sarifWithoutRuleDocs(t, stdout)
			}
			compareIn(t, formats, "want."+format, stdout)
		})
	}
	stdout, stderr, code := output(t, formats, bin, withTimeAfter("./...")...)
	if code != 3 || stdout != "" {
		t.Errorf("text: exit %d, stdout %q; want 3 and nothing (findings go to stderr, as in go vet)", code, stdout)
	}
	compareIn(t, formats, "want.text", strings.ReplaceAll(stderr, formats+string(filepath.Separator), ""))

	if _, stderr, code := output(t, formats, bin, "-format=xml", "./..."); code != 2 || !strings.Contains(stderr, `unknown -format "xml"`) {
		t.Errorf("-format=xml: exit %d, stderr %q; want 2 and a message", code, stderr)
	}
	if _, stderr, code := output(t, formats, bin, "-format=sarif", "-fix", "./..."); code != 2 || !strings.Contains(stderr, "-format applies to analysis runs") {
		t.Errorf("-format=sarif -fix: exit %d, stderr %q; want 2 and a message", code, stderr)
	}
}

// TestSARIFSchema validates the SARIF output against the official SARIF
// 2.1.0 schema (OASIS, errata 01), kept in testdata so the test is offline.
func TestSARIFSchema(t *testing.T) {
	t.Parallel()
	stdout, _, _ := output(t, formats, bin, "-format=sarif", "-srcroot=.", "./...")
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(filepath.Join("..", "..", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("SARIF output is not valid SARIF 2.1.0: %v", err)
	}

	// A log the schema rejects, so that the validation above can fail.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"results": []}]}`))
	if schema.Validate(bad) == nil {
		t.Errorf("the schema accepts a run without a tool")
	}

	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						Help             struct{ Text string }
					}
				}
			}
			ColumnKind string `json:"columnKind"`
			Results    []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || !strings.Contains(r.Help.Text, "gohazard help "+r.ID) {
			t.Errorf("rule %s lacks a description or help: %+v", r.ID, r)
		}
	}
	if n := len(log.Runs[0].Tool.Driver.Rules); n < 40 {
		t.Errorf("%d rules, want one per analyzer", n)
	}
	found := false
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI == "store/files.go" && loc.Region.StartLine == 13 {
			found = true
			// "\t\t/* café € 😀 */ " is 23 bytes but 18 UTF-16 code units.
			if loc.Region.StartColumn != 19 || r.RuleID != "deferloop" {
				t.Errorf("files.go:13: rule %s, column %d; want deferloop at UTF-16 column 19", r.RuleID, loc.Region.StartColumn)
			}
		}
	}
	if !found || log.Runs[0].ColumnKind != "utf16CodeUnits" {
		t.Errorf("no result at store/files.go:13, or columnKind %q", log.Runs[0].ColumnKind)
	}
}

// sarifWithoutRuleDocs replaces each rule of a SARIF log by its id and
// level, and drops the tool's version, so that the expected output does not repeat every analyzer's
// documentation (TestSARIFSchema checks the full log).
func sarifWithoutRuleDocs(t *testing.T, out string) string {
	t.Helper()
	var log map[string]any
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	driver := log["runs"].([]any)[0].(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any)
	var rules []string
	for _, r := range driver["rules"].([]any) {
		r := r.(map[string]any)
		rules = append(rules, r["id"].(string)+" "+r["defaultConfiguration"].(map[string]any)["level"].(string))
	}
	driver["rules"] = rules
	// The version depends on how the binary was built (VCS stamping).
	delete(driver, "version")
	data, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data) + "\n"
}

// TestCgoFixes checks that no format offers a fix in a file that uses cgo:
// the compiled file is cgo's output, whose offsets are not the file's.
// The same finding in a plain file of the package keeps its fix, which
// applied to the file gives its golden version.
func TestCgoFixes(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(formats, "_cgo")
	stdout, stderr, code := output(t, formats, bin, "-format=json", "./_cgo")
	if code != 3 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var findings []struct {
		File  string
		Line  int
		Fixes []struct {
			Edits []struct {
				File       string
				Start, End int
				New        string
			}
		} `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(stdout), &findings); err != nil {
		t.Fatal(err)
	}
	byFile := map[string]int{}
	for _, f := range findings {
		byFile[f.File]++
		switch f.File {
		case "_cgo/cgo.go":
			if len(f.Fixes) > 0 {
				t.Errorf("cgo.go:%d: a fix is offered in a cgo file: %+v", f.Line, f.Fixes)
			}
		case "_cgo/plain.go":
			if len(f.Fixes) != 1 {
				t.Fatalf("plain.go:%d: %d fixes, want 1", f.Line, len(f.Fixes))
			}
			src, err := os.ReadFile(filepath.Join(dir, "plain.go"))
			if err != nil {
				t.Fatal(err)
			}
			edits := f.Fixes[0].Edits
			slices.SortFunc(edits, func(a, b struct {
				File       string
				Start, End int
				New        string
			}) int {
				return b.Start - a.Start
			})
			for _, e := range edits {
				if e.File != "_cgo/plain.go" || e.Start > e.End || e.End > len(src) {
					t.Fatalf("edit %+v out of plain.go", e)
				}
				src = slices.Concat(src[:e.Start], []byte(e.New), src[e.End:])
			}
			want, err := os.ReadFile(filepath.Join(dir, "plain.go.golden"))
			if err != nil {
				t.Fatal(err)
			}
			if string(src) != string(want) {
				t.Errorf("plain.go with the fix applied:\n%s\nwant\n%s", src, want)
			}
		}
	}
	if byFile["_cgo/cgo.go"] != 1 || byFile["_cgo/plain.go"] != 1 {
		t.Errorf("findings per file %v, want one in cgo.go and one in plain.go", byFile)
	}

	stdout, _, _ = output(t, formats, bin, "-format=sarif", "-srcroot=.", "./_cgo")
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
				}
				Fixes []any
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	for _, r := range log.Runs[0].Results {
		uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if (uri == "_cgo/cgo.go") != (len(r.Fixes) == 0) {
			t.Errorf("SARIF: %s has %d fixes, want none in cgo.go and one elsewhere", uri, len(r.Fixes))
		}
	}

	stdout, _, _ = output(t, formats, bin, "-format=rdjsonl", "./_cgo")
	for line := range strings.Lines(stdout) {
		var d struct {
			Location    struct{ Path string }
			Suggestions []any
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		if (d.Location.Path == "_cgo/cgo.go") != (len(d.Suggestions) == 0) {
			t.Errorf("rdjsonl: %s has %d suggestions, want none in cgo.go only", d.Location.Path, len(d.Suggestions))
		}
	}
}

// TestSrcRoot checks that SARIF and GitHub paths are relative to the
// repository's root, found from .git when go.mod lies below it, or given
// with -srcroot; and that SARIF results carry fingerprints and link their
// related locations from the message.
func TestSrcRoot(t *testing.T) {
	t.Parallel()
	repo := t.TempDir()
	mod := filepath.Join(repo, "services", "store")
	for _, dir := range []string{filepath.Join(repo, ".git"), filepath.Join(mod, "store")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"go.mod", "store/files.go"} {
		data, err := os.ReadFile(filepath.Join(formats, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sarif := func(args ...string) (uri, text string, fingerprints map[string]string) {
		t.Helper()
		stdout, stderr, _ := output(t, mod, bin, append([]string{"-format=sarif"}, args...)...)
		var log struct {
			Runs []struct {
				Results []struct {
					Message             struct{ Text string }
					PartialFingerprints map[string]string
					Locations           []struct {
						PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
					}
				}
			}
		}
		if err := json.Unmarshal([]byte(stdout), &log); err != nil || len(log.Runs[0].Results) != 1 {
			t.Fatalf("%v: %v, stderr %s, output\n%s", args, err, stderr, stdout)
		}
		r := log.Runs[0].Results[0]
		return r.Locations[0].PhysicalLocation.ArtifactLocation.URI, r.Message.Text, r.PartialFingerprints
	}
	uri, text, fp := sarif("./...")
	if uri != "services/store/store/files.go" {
		t.Errorf("URI %q, want services/store/store/files.go (relative to the directory with .git)", uri)
	}
	if !strings.HasSuffix(text, " ([the loop](1))") {
		t.Errorf("message %q does not link its related location", text)
	}
	if len(fp["gohazard/v1"]) < 32 {
		t.Errorf("partialFingerprints = %v", fp)
	}
	if uri, _, _ := sarif("-srcroot", "..", "./..."); uri != "store/store/files.go" {
		t.Errorf("-srcroot ..: URI %q, want store/store/files.go", uri)
	}
	if stdout, _, _ := output(t, mod, bin, "-format=github", "./..."); !strings.Contains(stdout, "file=services/store/store/files.go,") {
		t.Errorf("GitHub annotations not relative to the repository root:\n%s", stdout)
	}

	// Lines added above the finding move it, not its fingerprint.
	file := filepath.Join(mod, "store", "files.go")
	data, _ := os.ReadFile(file)
	moved := strings.Replace(string(data), "import \"os\"\n", "import \"os\"\n\n// More.\n\n// And more.\n", 1)
	if err := os.WriteFile(file, []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, again := sarif("./..."); again["gohazard/v1"] != fp["gohazard/v1"] {
		t.Errorf("fingerprint changed with lines added above: %v, then %v", fp, again)
	}
}

// withTimeAfter returns args after the flags that run the default
// analyzers and timeafterloop, which is off by default and silent from
// go1.23 without -timeafterloop.restart: the formats module shows its
// fix.
func withTimeAfter(args ...string) []string {
	return append([]string{"-leakcheck", "-ctxcheck", "-allocheck", "-vet", "-timeafterloop", "-timeafterloop.restart"}, args...)
}
