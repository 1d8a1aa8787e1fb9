// Package fetch leaks two goroutines in its tests: one through a pattern
// sendleak reports, one through a function value no static analyzer
// follows. A run under the goroutineleak profile sees both.
package fetch

import "errors"

// Lookup strands its goroutine when it fails: sendleak reports the send.
func Lookup(fail bool) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- 42 // want `a goroutine leaked blocked on chan send: nothing can ever wake it \(goroutineleak profile\)`
	}()
	if fail {
		return 0, errors.New("lookup failed")
	}
	return <-ch, nil
}

// Subscribe returns a function that delivers values on the channel it
// returns.
func Subscribe() (deliver func(int), values <-chan int) {
	ch := make(chan int)
	return func(v int) {
		ch <- v // want `a goroutine leaked blocked on chan send: nothing can ever wake it \(goroutineleak profile\)`
	}, ch
}
