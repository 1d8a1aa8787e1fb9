package timeafterloop

import (
	"errors"
	"time"
)

var errIdle = errors.New("idle")

func idle(msgs <-chan string, handle func(string)) error {
	for {
		select {
		case msg := <-msgs:
			handle(msg)
		case <-time.After(time.Minute): // want `time.After in a loop restarts the timeout whenever another case wins: each iteration arms a new timer`
			return errIdle
		}
	}
}

func param(msgs <-chan string, timeout time.Duration) int {
	n := 0
	for {
		select {
		case <-msgs:
			n++
		case t := <-time.After(2 * timeout): // want `time.After in a loop restarts the timeout whenever another case wins`
			_ = t
			return n
		}
	}
}

func labeledLoop(in <-chan int, out chan<- int) {
loop:
	for v := range in {
		select {
		case out <- v:
		case <-time.After(time.Second): // want `time.After in a loop restarts the timeout whenever another case wins`
			break loop
		}
	}
}

func selectInIf(in <-chan int, slow bool, wait time.Duration) int {
	sum := 0
	for i := 0; i < 10; i++ {
		if slow {
			select {
			case v := <-in:
				sum += v
			case <-time.After(wait): // want `time.After in a loop restarts the timeout`
			}
		}
	}
	return sum
}

func usesTimerName(in <-chan int) {
	timer := 0
	for {
		select {
		case v := <-in:
			timer += v
		case <-time.After(time.Second): // want `time.After in a loop restarts the timeout`
			return
		}
	}
}

func inLiteral(in <-chan int) func() {
	return func() {
		for {
			select {
			case <-in:
			case <-time.After(time.Second): // want `time.After in a loop restarts the timeout`
				return
			}
		}
	}
}
