package timeafterloop

import (
	"iter"
	"time"
)

// The body of a range over a function is a synthetic yield function in
// SSA, called once per iteration.
func eachWithTimeout(items iter.Seq[int], acks <-chan int) int {
	n := 0
	for it := range items {
		select {
		case a := <-acks:
			n += a + it
		case <-time.After(time.Second): // want `time.After in a loop restarts the timeout whenever another case wins`
			return n
		}
	}
	return n
}
