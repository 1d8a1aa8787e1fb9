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
	wg.Wait() // want `Done panics on a negative counter: Add\(1\) is matched by 2 goroutine\(s\) calling Done`
}

// The loop waits in its first iteration for goroutines it has not started.
func waitInLoop(jobs []func()) {
	var wg sync.WaitGroup
	wg.Add(len(jobs))
	for _, job := range jobs {
		go func() {
			defer wg.Done()
			job()
		}()
		wg.Wait() // want `Wait inside the loop that starts the goroutines blocks forever: the counter set before the loop also counts goroutines later iterations would start`
	}
}

// Add counts every element, but some iterations start no goroutine.
func addAllStartSome(jobs []func(), skip func(int) bool) {
	var wg sync.WaitGroup
	wg.Add(len(jobs)) // want `Wait blocks forever when an iteration skips starting the goroutine: Add\(len\(jobs\)\) counts one per iteration`
	for i, job := range jobs {
		if skip(i) {
			continue
		}
		go func() {
			defer wg.Done()
			job()
		}()
	}
	wg.Wait()
}

func addAllStartConditional(n int, ok func(int) bool) {
	var wg sync.WaitGroup
	wg.Add(n) // want `Wait blocks forever when an iteration skips starting the goroutine: Add\(n\) counts one per iteration`
	for i := 0; i < n; i++ {
		if ok(i) {
			go func() {
				defer wg.Done()
			}()
		}
	}
	wg.Wait()
}

func addAllStartTwo(jobs []func()) {
	var wg sync.WaitGroup
	wg.Add(len(jobs)) // want `Done panics on a negative counter: Add\(len\(jobs\)\) counts one goroutine per iteration, but each iteration starts 2`
	for _, job := range jobs {
		go func() {
			defer wg.Done()
			job()
		}()
		go func() {
			defer wg.Done()
		}()
	}
	wg.Wait()
}
