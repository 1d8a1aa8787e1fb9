package tickerstop

import "time"

func deferredStop(ready func() bool) {
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for range t.C {
		if ready() {
			return
		}
	}
}

func stoppedOnEveryPath(in <-chan int, d time.Duration) int {
	timer := time.NewTimer(d)
	select {
	case v := <-in:
		timer.Stop()
		return v
	case <-timer.C:
		return 0
	}
}

func returned(d time.Duration) *time.Ticker {
	return time.NewTicker(d)
}

type poller struct{ t *time.Ticker }

func (p *poller) start(d time.Duration) {
	p.t = time.NewTicker(d)
}

func handedOn(d time.Duration, use func(*time.Ticker)) {
	use(time.NewTicker(d))
}

func captured(d time.Duration, work func()) {
	t := time.NewTicker(d)
	go func() {
		defer t.Stop()
		for range t.C {
			work()
		}
	}()
}

func forever(work func()) {
	t := time.NewTicker(time.Second)
	for range t.C {
		work()
	}
}

func after(d time.Duration) <-chan time.Time {
	return time.After(d)
}
