package timeafterloop

import "time"

func backoff(in <-chan int) {
	for attempt := 1; ; attempt++ {
		d := time.Duration(attempt) * time.Second
		select {
		case <-in:
		case <-time.After(d): // want `time.After in a loop allocates`
			return
		}
	}
}

func tick(in <-chan int, done <-chan struct{}) {
	for {
		select {
		case <-in:
		case <-time.Tick(time.Second): // want `time.Tick in a loop starts a new ticker on every iteration, so the ticking restarts`
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
	case <-time.After(time.Second): // want `time.After in a loop allocates`
	}
}

func twoTimeouts(in <-chan int, soft, hard time.Duration) {
	for {
		select {
		case <-in:
		case <-time.After(soft): // want `time.After in a loop allocates`
		case <-time.After(hard): // want `time.After in a loop allocates`
			return
		}
	}
}

func loopVarDuration(in <-chan int) {
	for i := 0; i < 10; i++ {
		select {
		case <-in:
		case <-time.After(time.Duration(i) * time.Millisecond): // want `time.After in a loop allocates`
		}
	}
}
