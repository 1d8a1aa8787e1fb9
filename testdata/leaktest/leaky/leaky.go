// Package leaky's Fetch strands its goroutine when it fails.
package leaky

import "errors"

func Fetch(fail bool) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- 42 // blocks forever once Fetch has failed
	}()
	if fail {
		return 0, errors.New("failed")
	}
	return <-ch, nil
}
