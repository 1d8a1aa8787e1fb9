package timeafterloop

import "time"

func backoff(in <-chan int) {
	for attempt := 1; ; attempt++ {
		d := time.Duration(attempt) * time.Second
		select {
		case <-in:
		case <-time.After(d): // want `time.After in a loop restarts the timeout`
			return
		}
	}
}

func tick(in <-chan int, done <-chan struct{}) {
	for {
		select {
		case <-in:
		case <-time.Tick(time.Second): // want `time.Tick in a loop restarts the ticking whenever another case wins: each iteration starts a new ticker`
		case <-done:
			return
		}
	}
}

func gotoLoop(in <-chan int) {
again:
	select {
	case <-in:
		goto again
	case <-time.After(time.Second): // want `time.After in a loop restarts the timeout`
	}
}

func twoTimeouts(in <-chan int, soft, hard time.Duration) {
	for {
		select {
		case <-in:
		case <-time.After(soft): // want `time.After in a loop restarts the timeout`
		case <-time.After(hard): // want `time.After in a loop restarts the timeout`
			return
		}
	}
}

func loopVarDuration(in <-chan int) {
	for i := 0; i < 10; i++ {
		select {
		case <-in:
		case <-time.After(time.Duration(i) * time.Millisecond): // want `time.After in a loop restarts the timeout`
		}
	}
}
