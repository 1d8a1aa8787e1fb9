package timeafterloop

import "time"

func wholeLoopDeadline(in <-chan int, d time.Duration) int {
	sum := 0
	timeout := time.After(d)
	for {
		select {
		case v := <-in:
			sum += v
		case <-timeout:
			return sum
		}
	}
}

func lazyDeadline(in <-chan int, d time.Duration) int {
	sum := 0
	var timeout <-chan time.Time
	for {
		if timeout == nil {
			timeout = time.After(d)
		}
		select {
		case v := <-in:
			sum += v
		case <-timeout:
			return sum
		}
	}
}

func leavesAfterSelect(in <-chan int, d time.Duration) int {
	for {
		select {
		case v := <-in:
			return v
		case <-time.After(d):
			return 0
		}
	}
}

func goroutinePerIteration(jobs []func(), d time.Duration) {
	for _, job := range jobs {
		go func() {
			select {
			case <-time.After(d):
			}
			job()
		}()
	}
}

func reusedTimer(in <-chan int, d time.Duration) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		timer.Reset(d)
		select {
		case <-in:
		case <-timer.C:
			return
		}
	}
}

func sleepLike(n int, d time.Duration) {
	for range n {
		<-time.After(d)
	}
}

func onlyCase(n int, d time.Duration) {
	for range n {
		select {
		case <-time.After(d):
		}
	}
}

func outsideLoop(in <-chan int, d time.Duration) int {
	select {
	case v := <-in:
		return v
	case <-time.After(d):
		return 0
	}
}

func afterFunc(fs []func(), d time.Duration) {
	for _, f := range fs {
		time.AfterFunc(d, f)
	}
}

type clock struct{}

func (clock) After(time.Duration) <-chan time.Time { return nil }

func After(time.Duration) <-chan time.Time { return nil }

func lookalikes(c clock, in <-chan int) {
	for {
		select {
		case <-in:
		case <-c.After(time.Second):
		case <-After(time.Second):
			return
		}
	}
}

func wait(ch <-chan time.Time) { <-ch }

func passedOn(n int, d time.Duration) {
	for range n {
		wait(time.After(d))
	}
}

func firstOnly(ins []<-chan int, d time.Duration) {
	for _, in := range ins {
		select {
		case <-in:
		case <-time.After(d):
		}
		break
	}
}

func tickerOutside(in <-chan int, done <-chan struct{}) {
	tick := time.Tick(time.Second)
	for {
		select {
		case <-in:
		case <-tick:
		case <-done:
			return
		}
	}
}

// The other case leaves the loop: one timer per poll, each fires.
func pollUntilDone(done <-chan struct{}, poll func(), d time.Duration) {
	for {
		select {
		case <-done:
			return
		case <-time.After(d):
			poll()
		}
	}
}
