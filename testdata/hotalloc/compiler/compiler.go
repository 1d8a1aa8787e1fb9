// Package compiler is analysed with the compiler's escape log: only what
// the compiler moves to the heap is reported.
package compiler

type Point struct{ X, Y int }

var sink []*Point

func Escaping(n int) {
	for i := 0; i < n; i++ {
		p := &Point{X: i}      // want `heap allocation in a loop, on every iteration: &Point\{...\} escapes to heap \(from append\(sink, p\) \(call parameter\)\)`
		sink = append(sink, p) // want `heap allocation in a loop, whenever append grows the slice: append\(sink, p\) escapes to heap \(from sink = append\(sink, p\) \(assign\)\)`
	}
}

// go/ssa would flag these; the compiler keeps them on the stack.
func Stack(rows [][]int) int {
	total := 0
	for _, r := range rows {
		buf := make([]int, 8)
		copy(buf, r)
		p := &Point{X: len(r)}
		total += p.X + buf[0]
	}
	return total
}

// Escapes outside loops are not reported.
func Once() *Point {
	return &Point{X: 1}
}

// A constant boxed for a panic is static data, made once.
func Check(xs []int) {
	for _, x := range xs {
		if x < 0 {
			panic("negative value")
		}
	}
}
