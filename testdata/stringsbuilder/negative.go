package stringsbuilder

import "strings"

// Concatenation outside a loop.
func Pair(a, b string) string {
	s := a
	s += b
	return s
}

// Already a strings.Builder.
func Builder(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p)
	}
	return b.String()
}
