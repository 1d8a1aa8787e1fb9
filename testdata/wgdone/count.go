package wgdone

import "sync"

func work() {}

func addTwoStartOne() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		work()
	}()
	wg.Wait() // want `Wait blocks forever: Add\(2\) is matched by 1 goroutine\(s\) calling Done`
}

func addOneStartTwo() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		work()
	}()
	go func() {
		work()
		wg.Done()
	}()
	wg.Wait() // want `Add\(1\) is matched by 2 goroutine\(s\) calling Done: the counter goes negative and Done panics`
}
