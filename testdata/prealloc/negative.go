package prealloc

import "strings"

// Conditional append: silent by default.
func Adults(users []User, adult func(User) bool) []string {
	var names []string
	for _, u := range users {
		if adult(u) {
			names = append(names, u.Name)
		}
	}
	return names
}

// A loop that can stop early.
func UntilEmpty(users []User) []string {
	var names []string
	for _, u := range users {
		if u.Name == "" {
			break
		}
		names = append(names, u.Name)
	}
	return names
}

func SkipEmpty(users []User) []string {
	var names []string
	for _, u := range users {
		if u.Name == "" {
			continue
		}
		names = append(names, u.Name)
	}
	return names
}

// Already preallocated.
func Prealloc(users []User) []string {
	names := make([]string, 0, len(users))
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

// Not empty before the loop.
func Prefixed(users []User) []string {
	names := []string{"header"}
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

// Used between the declaration and the loop.
func Used(users []User, extra string) []string {
	var names []string
	names = append(names, extra)
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

// Two appends per iteration, a spread, several elements.
func Twice(users []User) []string {
	var names []string
	for _, u := range users {
		names = append(names, u.Name)
		names = append(names, strings.ToUpper(u.Name))
	}
	return names
}

func Spread(groups [][]string) []string {
	var all []string
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

func Pairs(users []User) []string {
	var names []string
	for _, u := range users {
		names = append(names, u.Name, u.Name)
	}
	return names
}

// In a nested loop.
func Nested(groups [][]string) []string {
	var all []string
	for _, g := range groups {
		for _, s := range g {
			all = append(all, s)
		}
	}
	return all
}

// Unknown trip counts.
func Lines(next func() (string, bool)) []string {
	var lines []string
	for {
		l, ok := next()
		if !ok {
			return lines
		}
		lines = append(lines, l)
	}
}

func Channel(ch <-chan string) []string {
	var got []string
	for s := range ch {
		got = append(got, s)
	}
	return got
}

func Runes(s string) []rune {
	var rs []rune
	for _, r := range s {
		rs = append(rs, r)
	}
	return rs
}

// The bound changes in the loop.
func Growing(n int) []int {
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, i)
		if i == 3 {
			n++
		}
	}
	return out
}

// Reset in the loop.
func Reset(users []User, flush func([]string)) {
	var batch []string
	for _, u := range users {
		batch = append(batch, u.Name)
		flush(batch)
		batch = batch[:0]
	}
}

// A tiny constant count.
func One() []int {
	var out []int
	for i := range 1 {
		out = append(out, i)
	}
	return out
}

// Appended in a closure called per iteration: not once per iteration
// by construction.
func Closure(users []User) []string {
	var names []string
	for _, u := range users {
		func() { names = append(names, u.Name) }()
	}
	return names
}

// Appending to another slice than the one declared.
func Other(users []User, dst []string) []string {
	var names []string
	for _, u := range users {
		dst = append(names, u.Name)
	}
	return dst
}

// Float counters have no integer count, and stop counting past 2^53.
func Floats() []float64 {
	out := []float64{}
	for i := float64(0); i < 1e6; i++ {
		out = append(out, i)
	}
	return out
}

func FloatBound(n float64) []float64 {
	out := []float64{}
	for i := 0.0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

// Constant counts that no make takes on every platform.
func Huge() []uint64 {
	out := []uint64{}
	for i := uint64(0); i < 1<<40; i++ {
		out = append(out, i)
	}
	return out
}

func Huger() []uint64 {
	out := []uint64{}
	for i := uint64(0); i < 1<<64-1; i++ {
		out = append(out, i)
	}
	return out
}
