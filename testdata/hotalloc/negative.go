package hotalloc

import "fmt"

// Outside loops.
func Once() *Point {
	p := &Point{X: 1}
	return p
}

// Stack values, pointer-shaped and constant interface conversions.
func Stack(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		p := Point{X: i}
		total += p.X
		var e error
		fmt.Println("constant", e, &total)
		var b byte = byte(i)
		_ = any(b)
		total += len(fmt.Sprint(true))
	}
	return total
}

// A loop that always leaves in its first iteration.
func First(xs []int) *Point {
	for _, x := range xs {
		return &Point{X: x}
	}
	return nil
}

// A closure without captured variables is a static function.
func Static(n int) []func() int {
	var out []func() int
	for i := 0; i < n; i++ {
		out = append(out, func() int { return 1 })
	}
	return out
}
