package stringsbuilder

import "testing"

// Test files are not reported.
func TestJoin(t *testing.T) {
	s := ""
	for _, p := range []string{"a", "b"} {
		s += p
	}
	if s != "ab" {
		t.Fatal(s)
	}
}
