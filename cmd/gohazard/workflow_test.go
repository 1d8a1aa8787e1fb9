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
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "github", "gohazard.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
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
