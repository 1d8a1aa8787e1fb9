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

// One goroutine per element, Add(len) before the loop.
func addAllStartAll(jobs []func()) {
	var wg sync.WaitGroup
	wg.Add(len(jobs))
	for _, job := range jobs {
		go func() {
			defer wg.Done()
			job()
		}()
	}
	wg.Wait()
}

func addNStartN(n int, work func(int)) {
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer wg.Done()
			work(i)
		}()
	}
	wg.Wait()
}

// Add(1) per iteration, conditionally: fine.
func addEach(jobs []func(), skip func(int) bool) {
	var wg sync.WaitGroup
	for i, job := range jobs {
		if skip(i) {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			job()
		}()
	}
	wg.Wait()
}

// Wait per iteration with Add per iteration: serial, but correct.
func serial(jobs []func()) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			job()
		}()
		wg.Wait()
	}
}

// A conditional goroutine whose else branch calls Done itself.
func addAllDoneEither(jobs []func(), skip func(int) bool) {
	var wg sync.WaitGroup
	wg.Add(len(jobs))
	for i, job := range jobs {
		if skip(i) {
			wg.Done()
			continue
		}
		go func() {
			defer wg.Done()
			job()
		}()
	}
	wg.Wait()
}
