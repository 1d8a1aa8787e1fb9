package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestWorkflowExample checks that the GitHub Actions example parses and
// that every gohazard command in it runs with a format gohazard accepts.
func TestWorkflowExample(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "github", "gohazard.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Permissions map[string]string `yaml:"permissions"`
			Steps       []struct {
				If   string `yaml:"if"`
				Uses string `yaml:"uses"`
				Run  string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("examples/github/gohazard.yml: %v", err)
	}
	format := regexp.MustCompile(`\bgohazard (-format=\w+)`)
	seen := map[string]bool{}
	for name, job := range wf.Jobs {
		for _, step := range job.Steps {
			// gohazard exits 3 on findings: an upload must run after a
			// failed step, and no pipe may hide gohazard's exit status
			// (run steps use bash without pipefail).
			if strings.Contains(step.Uses, "upload-sarif") {
				if !strings.Contains(step.If, "!cancelled()") && !strings.Contains(step.If, "always()") {
					t.Errorf("job %s: the SARIF upload does not run when gohazard reports findings (if: %q)", name, step.If)
				}
				if job.Permissions["security-events"] != "write" {
					t.Errorf("job %s uploads SARIF without permissions security-events: write", name)
				}
			}
			if regexp.MustCompile(`gohazard[^\n|]*\|[^|]`).MatchString(step.Run) {
				t.Errorf("job %s pipes gohazard's output, which hides its failures:\n%s", name, step.Run)
			}
			m := format.FindStringSubmatch(step.Run)
			if m == nil {
				continue
			}
			seen[m[1]] = true
			_, stderr, code := output(t, formats, bin, m[1], "./...")
			if code != 3 || strings.Contains(stderr, "unknown") {
				t.Errorf("job %s: gohazard %s: exit %d, stderr %s", name, m[1], code, stderr)
			}
		}
	}
	for _, f := range []string{"-format=sarif", "-format=github", "-format=rdjsonl"} {
		if !seen[f] {
			t.Errorf("the workflow has no step running gohazard %s", f)
		}
	}
}
