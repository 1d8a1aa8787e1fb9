package wgdone

import "sync"

func addTwoStartTwo() {
	var wg sync.WaitGroup
	wg.Add(2)
	for _, f := range []func(){work, work} {
		_ = f
	}
	go func() {
		defer wg.Done()
		work()
	}()
	go func() {
		defer wg.Done()
		work()
	}()
	wg.Wait()
}

func addPerGoroutine(n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
}

func addCount(fs []func()) {
	var wg sync.WaitGroup
	wg.Add(len(fs))
	for _, f := range fs {
		go func() {
			defer wg.Done()
			f()
		}()
	}
	wg.Wait()
}

func startedInLoop() {
	var wg sync.WaitGroup
	wg.Add(2)
	for range 2 {
		go func() {
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
}

func selfDone() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		work()
	}()
	wg.Done()
	wg.Wait()
}

func handedOn(run func(*sync.WaitGroup)) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		work()
	}()
	run(&wg)
	wg.Wait()
}

func goroutineHandsOn(run func(*sync.WaitGroup)) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		work()
	}()
	go run(&wg)
	wg.Wait()
}
