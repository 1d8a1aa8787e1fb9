package tickerstop

import "time"

func waitReady(ready func() bool) {
	t := time.NewTicker(10 * time.Millisecond) // want `ticker is never stopped, so it fires for the life of the process: before Go 1.23 it is never collected`
	for range t.C {
		if ready() {
			return
		}
	}
}

func firstOf(in <-chan int, d time.Duration) (int, bool) {
	timer := time.NewTimer(d) // want `timer is never stopped, so it stays in memory until it fires: before Go 1.23 it is not collected until then`
	select {
	case v := <-in:
		return v, true
	case <-timer.C:
		return 0, false
	}
}

func resetOnly(in <-chan int, d time.Duration) int {
	t := time.NewTicker(d) // want `ticker is never stopped, so it fires for the life of the process`
	n := 0
	for v := range in {
		n += v
		t.Reset(d)
		if n > 10 {
			break
		}
	}
	return n
}
