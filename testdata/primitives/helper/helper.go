package helper

import (
	"context"
	"sync"
)

func Finish(wg *sync.WaitGroup) { // want Finish:`paramops\(done\)`
	wg.Done()
}

func Pump(out chan<- int, n int) { // want Pump:`paramops\(send\+close, -\)`
	defer close(out)
	for i := range n {
		out <- i
	}
}

var kept chan int

func Keep(ch chan int) { // want Keep:`paramops\(any\)`
	kept = ch
}

func Later(cancel context.CancelFunc) func() { // want Later:`paramops\(call\)`
	return func() { cancel() }
}

func ignore(wg *sync.WaitGroup) {}
