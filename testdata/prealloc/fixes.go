package prealloc

import (
	"fmt"
	"sync"
)

type store struct {
	mu    sync.Mutex
	items []string
}

// The guard protects s.items: the count cannot move above it, so the
// declaration moves to the loop.
func (s *store) Names() []string {
	// related: preallocate it right before the loop with make\(\[\]string, 0, len\(s.items\)\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration of a loop that runs len\(s.items\) times`
	if s == nil {
		return nil
	}
	for _, it := range s.items {
		out = append(out, it)
	}
	return out
}

// The lock guards s.items: reading its length before it would race.
func (s *store) Locked() []string {
	// related: preallocate it right before the loop with
	out := make([]string, 0) // want `out grows by reallocation: appended to once per iteration of a loop that runs len\(s.items\) times`
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, it := range s.items {
		out = append(out, it+"!")
	}
	return out
}

// n is a parameter nothing else can change: computed at the declaration.
func Logged(n int) []int {
	// related: preallocate it with make\(\[\]int, 0, max\(n, 0\)\)$
	out := []int{} // want `out grows by reallocation: appended to once per iteration of a loop that runs n times`
	fmt.Println("filling", n)
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

// The count is declared after the slice: the declaration moves.
func LateSlice(get func() []string) []string {
	names := []string{} // want `names grows by reallocation: appended to once per iteration of a loop that runs len\(users\) times`
	users := get()
	for _, u := range users {
		names = append(names, u)
	}
	return names
}

// Another function may change n through p.
func Pointer(n int, set func(*int)) []int {
	p := &n
	out := []int{} // want `out grows by reallocation: appended to once per iteration of a loop that runs n times`
	set(p)
	for i := range n {
		out = append(out, i)
	}
	return out
}

// bump has a pointer receiver: c.bump() takes c's address.
type counter struct{ n int }

func (c *counter) bump() { c.n++ }

func Method(c counter) []int {
	out := []int{} // want `out grows by reallocation: appended to once per iteration of a loop that runs c.n times`
	c.bump()
	for i := 0; i < c.n; i++ {
		out = append(out, i)
	}
	return out
}

// A closure assigns n.
func ClosureBound(n int) []int {
	grow := func() { n *= 2 }
	out := []int{} // want `out grows by reallocation: appended to once per iteration of a loop that runs n times`
	grow()
	for i := range n {
		out = append(out, i)
	}
	return out
}

// n/k panics when k is zero, which the check in between rules out.
func Divided(n, k int) []int {
	out := []int{} // want `out grows by reallocation: appended to once per iteration of a loop that runs n / k times`
	if k == 0 {
		return nil
	}
	for i := range n / k {
		out = append(out, i)
	}
	return out
}

// len is never negative, nor a sum of lengths: no max.
func Lengths(a, b []string) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(a\)\+len\(b\)\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration of a loop that runs len\(a\)\+len\(b\) times`
	for i := 0; i < len(a)+len(b); i++ {
		out = append(out, fmt.Sprint(i))
	}
	return out
}

// n-1 may be negative.
func AllButOne(n int) []int {
	// related: preallocate it with make\(\[\]int, 0, max\(n-1, 0\)\)$
	out := []int{} // want `out grows by reallocation: appended to once per iteration`
	for i := 0; i < n-1; i++ {
		out = append(out, i)
	}
	return out
}

// Counters of every integer type and constants of every kind that a
// count can take.
type Count int

func Named(c Count) []Count {
	// related: preallocate it with make\(\[\]Count, 0, max\(c, 0\)\)$
	out := []Count{} // want `out grows by reallocation: appended to once per iteration`
	for i := Count(0); i < c; i++ {
		out = append(out, i)
	}
	return out
}

func Unsigned(n uint) []uint {
	// related: preallocate it with make\(\[\]uint, 0, n\)$
	out := []uint{} // want `out grows by reallocation: appended to once per iteration`
	for i := uint(0); i < n; i++ {
		out = append(out, i)
	}
	return out
}

func Bytes() []uint8 {
	// related: preallocate it with make\(\[\]uint8, 0, 200\)$
	out := []uint8{} // want `out grows by reallocation: appended to once per iteration`
	for i := uint8(0); i < 200; i++ {
		out = append(out, i)
	}
	return out
}

func FloatLiteral() []int {
	// related: preallocate it with make\(\[\]int, 0, 1e6\)$
	out := []int{} // want `out grows by reallocation: appended to once per iteration`
	for i := 0; i < 1e6; i++ {
		out = append(out, i)
	}
	return out
}

// A second loop fills the same slice: the size is the sum of the counts.
func Both(a, b []string) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(a\) \+ len\(b\)\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration of 2 loops that run len\(a\) \+ len\(b\) times in all$`
	for _, s := range a {
		out = append(out, s)
	}
	for _, s := range b {
		out = append(out, s)
	}
	return out
}

// A goto could run the moved declaration again: reported without a fix.
func (s *store) Retry(ready func() bool) []string {
	out := []string{} // want `out grows by reallocation: appended to once per iteration of a loop that runs len\(s.items\) times`
	tries := 0
again:
	tries++
	if !ready() && tries < 3 {
		goto again
	}
	for _, it := range s.items {
		out = append(out, it)
	}
	return out
}

// An untyped complex bound converts to the counter's type.
func ComplexBound() []int {
	// related: preallocate it with make\(\[\]int, 0, 3\+0i\)$
	out := []int{} // want `out grows by reallocation: appended to once per iteration`
	for i := 0; i < 3+0i; i++ {
		out = append(out, i)
	}
	return out
}

// Three loops, the last over a count that must stay grouped.
func Three(a, b []string, m, n, x, y uint) []string {
	// related: preallocate it with make\(\[\]string, 0, m \+ n \+ \(x|y\)\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration of 3 loops that run m \+ n \+ \(x|y\) times in all$`
	for i := uint(0); i < m; i++ {
		out = append(out, a[i])
	}
	for i := uint(0); i < n; i++ {
		out = append(out, "-")
	}
	for i := uint(0); i < x|y; i++ {
		out = append(out, b[0])
	}
	return out
}

// The guard protects s.items: the declaration moves to the first loop,
// where both counts have the value their loops see.
func (s *store) WithExtra(extra []string) []string {
	// related: preallocate it right before the loop with make\(\[\]string, 0, len\(s.items\) \+ len\(extra\)\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration of 2 loops that run len\(s.items\) \+ len\(extra\) times in all$`
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, it := range s.items {
		out = append(out, it)
	}
	for _, e := range extra {
		out = append(out, e)
	}
	return out
}

// Counts of different types do not add up: a lower bound.
func MixedTypes(a []string, n uint) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(a\)\) or more \(it is filled after the loop too\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration of a loop that runs len\(a\) times$`
	for _, s := range a {
		out = append(out, s)
	}
	for i := uint(0); i < n; i++ {
		out = append(out, "")
	}
	return out
}

// The second loop may skip its append: a lower bound.
func SomeOfB(a, b []string) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(a\)\) or more \(it is filled after the loop too\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration of a loop that runs len\(a\) times$`
	for _, s := range a {
		out = append(out, s)
	}
	for _, s := range b {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// b changes between the loops: its length at the declaration is not the
// count of the second loop.
func Shrunk(a, b []string) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(a\)\) or more \(it is filled after the loop too\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration of a loop that runs len\(a\) times$`
	for _, s := range a {
		out = append(out, s)
	}
	b = b[1:]
	for _, s := range b {
		out = append(out, s)
	}
	return out
}

// n may be negative: max(len(a)+n, 0) is not the number of elements.
func MaybeNegative(a []string, n int) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(a\)\) or more \(it is filled after the loop too\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration of a loop that runs len\(a\) times$`
	for _, s := range a {
		out = append(out, s)
	}
	for i := 0; i < n; i++ {
		out = append(out, "")
	}
	return out
}

// Reset between the loops: the sum is not what it holds.
func ResetBetween(a, b []string) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(a\)\) or more \(it is filled after the loop too\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration of a loop that runs len\(a\) times$`
	for _, s := range a {
		out = append(out, s)
	}
	out = out[:0]
	for _, s := range b {
		out = append(out, s)
	}
	return out
}
