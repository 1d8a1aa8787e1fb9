package go122

import "time"

func idle(msgs <-chan string) {
	for {
		select {
		case <-msgs:
		case <-time.After(time.Minute): // want `time.After in a loop creates a new timer on every iteration, and before Go 1.23 none is collected until it fires`
			return
		}
	}
}

func poll(n int, check func() bool) {
	for range n {
		<-time.Tick(time.Second) // want `time.Tick in a loop starts a new ticker on every iteration, and before Go 1.23 no ticker is ever collected`
		if check() {
			return
		}
	}
}

func sleepLike(n int) {
	for range n {
		<-time.After(time.Millisecond)
	}
}

func deadline(msgs <-chan string) {
	timeout := time.After(time.Minute)
	for {
		select {
		case <-msgs:
		case <-timeout:
			return
		}
	}
}
