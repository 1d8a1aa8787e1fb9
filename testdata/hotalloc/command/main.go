// Command main is analysed with the compiler's escape log, which holds a
// command under "main" rather than its import path.
package main

import "fmt"

type job struct{ id int }

var queue []*job

func main() {
	for i := range 3 {
		j := &job{id: i}         // want `heap allocation in a loop, on every iteration: &job\{...\} escapes to heap \(from append\(queue, j\) \(call parameter\)\)`
		queue = append(queue, j) // want `heap allocation in a loop, whenever append grows the slice: append\(queue, j\) escapes to heap \(from queue = append\(queue, j\) \(assign\)\)`
	}
	fmt.Println(len(queue))
}
