package hotalloc

import "fmt"

type Point struct{ X, Y int }

var sink []*Point

func Escaping(n int) {
	for i := 0; i < n; i++ {
		p := &Point{X: i} // want `escaping complit may heap-allocate on every loop iteration`
		sink = append(sink, p)
	}
}

func Makes(rows [][]int) int {
	total := 0
	for _, r := range rows {
		buf := make([]int, len(r)) // want `make of a slice may heap-allocate`
		copy(buf, r)
		m := make(map[int]bool) // want `make of a map may heap-allocate`
		for _, v := range buf {
			m[v] = true
		}
		total += len(m)
	}
	return total
}

func Boxing(xs []Point) {
	for _, x := range xs {
		fmt.Println(x) // want `conversion of Point to an interface may heap-allocate`
	}
}

func Bytes(names []string, write func([]byte)) {
	for _, n := range names {
		write([]byte(n)) // want `conversion between string and byte slice may heap-allocate`
	}
}

func Closures(fs []func() int) []func() int {
	var out []func() int
	for i := range fs { // want `escaping i may heap-allocate`
		out = append(out, func() int { return fs[i]() + i }) // want `closure capturing variables may heap-allocate`
	}
	return out
}
