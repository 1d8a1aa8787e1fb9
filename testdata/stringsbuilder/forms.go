package stringsbuilder

import "fmt"

// A for statement, and reads after the loop.
func Repeat(word string, n int) string {
	var s string
	for i := 0; i < n; i++ {
		s += word // want `string built with \+= in a loop: each iteration copies the whole string`
	}
	fmt.Println(len(s))
	return s
}

// A += in the inner of two nested loops.
func Grid(rows, cols int) string {
	out := "grid:"
	for range rows {
		for range cols {
			out += "." // want `string built with \+= in a loop: each iteration copies the whole string`
		}
		out += "\n"
	}
	return out
}

// Declared last in a var group, with an initial value.
func Group(parts []string) (int, string) {
	var (
		n = len(parts)
		s = "parts:"
	)
	for _, p := range parts {
		s += p // want `string built with \+= in a loop: each iteration copies the whole string`
	}
	return n, s
}

// Declared with its type and an empty initial value, in a case clause.
func Case(kind int, parts []string) string {
	switch kind {
	case 1:
		var s string = ""
		for _, p := range parts {
			s += p // want `string built with \+= in a loop: each iteration copies the whole string`
		}
		return s
	}
	return ""
}

// A += in a closure called in the loop still runs once per iteration.
func Closure(parts []string) string {
	s := ""
	for _, p := range parts {
		func() {
			s += p // want `string built with \+= in a loop: each iteration copies the whole string`
		}()
	}
	return s
}

// The string escapes after the loop: it is only read there.
func Escapes(parts []string, sink *string) func() string {
	s := ""
	for _, p := range parts {
		s += p // want `string built with \+= in a loop: each iteration copies the whole string`
	}
	*sink = s
	return func() string { return s }
}

// Inside a loop, a string declared and built by an inner loop.
func Lines(rows [][]string) []string {
	var lines []string
	for _, row := range rows {
		line := ""
		for _, cell := range row {
			line += cell // want `string built with \+= in a loop: each iteration copies the whole string`
		}
		lines = append(lines, line)
	}
	return lines
}

// The inner string's fix would overlap the outer one's: only the outer
// string is reported.
func Overlap(rows [][]string) string {
	s := ""
	for _, row := range rows {
		t := ""
		for _, cell := range row {
			t += cell
		}
		s += t // want `string built with \+= in a loop: each iteration copies the whole string`
	}
	return s
}
