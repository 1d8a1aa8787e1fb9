// Package profiled is analysed with a profile that passes through the
// allocation of Hot (9 of 10 units) and of Warm (1 of 10), not Cold's.
package profiled

type Point struct{ X, Y int }

var sink []*Point

func Hot(n int) {
	for i := 0; i < n; i++ {
		sink = append(sink, &Point{X: i}) // want `escaping complit may heap-allocate on every loop iteration: compiler not consulted \[profile: 90.0% of alloc_space\]`
	}
}

func Warm(n int) {
	for i := 0; i < n; i++ {
		sink = append(sink, &Point{Y: i}) // want `\[profile: 10.0% of alloc_space\]`
	}
}

func Cold(n int) {
	for i := 0; i < n; i++ {
		sink = append(sink, &Point{X: i, Y: i})
	}
}
