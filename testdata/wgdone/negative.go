package wgdone

import (
	"sync"
)

func deferred(jobs []job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := j.prepare(); err != nil {
				return
			}
			j.run()
		}()
	}
	wg.Wait()
}

func everyPath(jobs []job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			if err := j.prepare(); err != nil {
				wg.Done()
				return
			}
			j.run()
			wg.Done()
		}()
	}
	wg.Wait()
}

func panics(jobs []job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			if err := j.prepare(); err != nil {
				panic(err)
			}
			j.run()
			wg.Done()
		}()
	}
	wg.Wait()
}

func finish(wg *sync.WaitGroup) { wg.Done() }

func helperDone(jobs []job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			if err := j.prepare(); err != nil {
				finish(&wg)
				return
			}
			j.run()
			wg.Done()
		}()
	}
	wg.Wait()
}

func noWait(jobs []job, wg *sync.WaitGroup) {
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			if j.name == "" {
				return
			}
			wg.Done()
		}()
	}
}

func otherGroup(jobs []job) {
	var wg, other sync.WaitGroup
	other.Add(1)
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if j.name == "" {
				return
			}
			other.Done()
		}()
	}
	wg.Wait()
}

func goStatementWithDone(wg *sync.WaitGroup) {
	wg.Add(1)
	go wg.Done()
	wg.Wait()
}

func doneFirst(jobs []job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			wg.Done()
			if j.name == "" {
				return
			}
			j.run()
		}()
	}
	wg.Wait()
}

// Done counts requests, not workers: a worker returns without one when
// the requests run out.
func workerPool(reqs chan bool, n int, handle func() error) {
	var wg sync.WaitGroup
	wg.Add(n)
	for range 4 {
		go func() {
			for range reqs {
				if err := handle(); err != nil {
					wg.Done()
					continue
				}
				wg.Done()
			}
		}()
	}
	for range n {
		reqs <- true
	}
	wg.Wait()
	close(reqs)
}

var global sync.WaitGroup

func finishGlobal() { global.Done() }

func globalHelper(xs []int) {
	global.Add(1)
	go func() {
		if len(xs) == 0 {
			finishGlobal()
			return
		}
		_ = xs[0]
		global.Done()
	}()
	global.Wait()
}

func rangeFuncDone(seq func(func(int) bool)) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		for v := range seq {
			if v < 0 {
				wg.Done()
				return
			}
		}
		wg.Done()
	}()
	wg.Wait()
}
