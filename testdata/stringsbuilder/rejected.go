package stringsbuilder

import "fmt"

// Read between two appends: the fix takes no += after a read.
func ReadBetween(parts []string) string {
	s := ""
	for _, p := range parts {
		s += p
		fmt.Println(s)
		s += ","
	}
	return s
}

// Reset by a plain assignment.
func Reset(parts []string) string {
	s := ""
	for _, p := range parts {
		if p == "" {
			s = ""
			continue
		}
		s += p
	}
	return s
}

// Its address is taken.
func Address(parts []string) string {
	s := ""
	for _, p := range parts {
		s += p
	}
	fmt.Sscan("x", &s)
	return s
}

// Declared in the loop it is built in: each iteration builds a new one.
func PerIteration(parts []string) {
	for _, p := range parts {
		s := "<"
		s += p
		s += ">"
		fmt.Println(s)
	}
}

// += of numbers, and of a named string type.
type path string

func NotString(parts []string, dirs []path) (int, path) {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	var dir path
	for _, d := range dirs {
		dir += d + "/"
	}
	return n, dir
}

// Declared in an if statement's init: it cannot become two statements.
func IfInit(parts []string) string {
	if s := ""; len(parts) > 0 {
		for _, p := range parts {
			s += p
		}
		return s
	}
	return ""
}

// Declared with another variable.
func TwoNames(parts []string) (string, string) {
	first, s := "", ""
	for _, p := range parts {
		s += p
	}
	return first, s
}

// Not last in its var group.
func NotLast(parts []string) (string, int) {
	var (
		s = ""
		n = 0
	)
	for _, p := range parts {
		s += p
		n++
	}
	return s, n
}

// A parameter, a range variable and a package-level variable.
var log string

func NotLocal(s string, rows []string) string {
	for _, r := range rows {
		s += r
		log += r
	}
	for _, r := range rows {
		r += "!"
		fmt.Println(r)
	}
	return s
}

// Built but never read.
func NeverRead(parts []string) {
	s := ""
	for _, p := range parts {
		s += p
	}
	_ = len(parts)
}
