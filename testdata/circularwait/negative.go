package circularwait

import (
	"context"
	"fmt"
)

// The work first, then the wait: the goroutine receives, then closes.
func sendThenWait(task string) {
	ready := make(chan struct{})
	tasks := make(chan string)
	go func() {
		t := <-tasks
		close(ready)
		_ = t
	}()
	tasks <- task
	<-ready
}

// The goroutine says it is ready before it waits for the work.
func announceThenWait(task string) {
	ready := make(chan struct{})
	tasks := make(chan string)
	go func() {
		close(ready)
		_ = <-tasks
	}()
	<-ready
	tasks <- task
}

// A buffer takes the first send: neither side waits for the other.
func bufferedFirst(x int) int {
	in := make(chan int, 1)
	out := make(chan int)
	go func() {
		out <- 1
		_ = <-in
	}()
	in <- x
	return <-out
}

// The buffer has room for every value sent before the function receives.
func bufferRoomy() (int, int) {
	vals := make(chan int, 2)
	done := make(chan struct{})
	go func() {
		vals <- 1
		vals <- 2
		close(done)
	}()
	<-done
	return <-vals, <-vals
}

// A select with a default does not wait.
func pollReady(task string) {
	ready := make(chan struct{})
	tasks := make(chan string)
	go func() {
		_ = <-tasks
		close(ready)
	}()
	select {
	case <-ready:
	default:
	}
	tasks <- task
}

// Another case of the select can be ready: the function gives up.
func readyOrCancel(ctx context.Context, task string) {
	ready := make(chan struct{})
	tasks := make(chan string, 1)
	go func() {
		_ = <-tasks
		close(ready)
	}()
	select {
	case <-ready:
	case <-ctx.Done():
		tasks <- task
		return
	}
	tasks <- task
}

// The goroutine closes on every path before it waits.
func closeOnEveryPath(fast bool, task string) {
	ready := make(chan struct{})
	tasks := make(chan string)
	go func() {
		if fast {
			close(ready)
		} else {
			fmt.Println("slow start")
			close(ready)
		}
		_ = <-tasks
	}()
	<-ready
	tasks <- task
}

// The close comes before the wait on one path: not provably a cycle.
func closeOnSomePath(early bool, task string) {
	ready := make(chan struct{})
	tasks := make(chan string)
	go func() {
		if early {
			close(ready)
			_ = <-tasks
			return
		}
		_ = <-tasks
		close(ready)
	}()
	<-ready
	tasks <- task
}

// A request and reply per iteration, in the same order on both sides.
func pingPong(n int) {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
	}()
	for i := range n {
		ping <- i
		<-pong
	}
	close(ping)
}

// A pipeline: the function sends everything, then waits for the end.
func pipeline(xs []int) int {
	in := make(chan int)
	sum := make(chan int)
	go func() {
		total := 0
		for x := range in {
			total += x
		}
		sum <- total
	}()
	for _, x := range xs {
		in <- x
	}
	close(in)
	return <-sum
}

// Workers started in a loop, each handed its own channels in order.
func perItem(xs []string) {
	for _, x := range xs {
		ready := make(chan struct{})
		work := make(chan string)
		go func() {
			close(ready)
			_ = <-work
		}()
		<-ready
		work <- x
	}
}

// A third goroutine can also close ready.
func thirdParty(task string, fallback bool) {
	ready := make(chan struct{})
	tasks := make(chan string)
	go func() {
		_ = <-tasks
		if !fallback {
			close(ready)
		}
	}()
	go func() {
		if fallback {
			close(ready)
		}
	}()
	<-ready
	tasks <- task
}

// The goroutine may return before its receive: it does not always wait.
func mayQuit(quit bool, task string) {
	ready := make(chan struct{})
	tasks := make(chan string, 1)
	go func() {
		if quit {
			return
		}
		_ = <-tasks
		close(ready)
	}()
	tasks <- task
	if !quit {
		<-ready
	}
}

// The channel is handed to code the analysis does not see, which may
// close it.
func handedOn(register func(chan struct{}), task string) {
	ready := make(chan struct{})
	tasks := make(chan string)
	register(ready)
	go func() {
		_ = <-tasks
		close(ready)
	}()
	<-ready
	tasks <- task
}

// The helper closes before the goroutine's receive.
func helperFirst(job int) {
	started := make(chan struct{})
	jobs := make(chan int)
	go func() {
		announce(started)
		_ = <-jobs
	}()
	<-started
	jobs <- job
}

// A recover in the goroutine lets its deferred close run without the
// receive.
func recovered(v int) {
	done := make(chan struct{})
	in := make(chan int)
	go func() {
		defer close(done)
		defer func() { _ = recover() }()
		_ = <-in
	}()
	<-done
	in <- v
}

// The deferred close is registered after the receive it waits for.
func deferAfter(v int) {
	done := make(chan struct{})
	in := make(chan int)
	go func() {
		_ = <-in
		defer close(done)
	}()
	in <- v
	<-done
}

// The goroutine's loop may end without the receive.
func loopMayEnd(in chan int, tick func() bool) {
	ready := make(chan struct{})
	work := make(chan int, 1)
	go func() {
		for i := 0; i < 10; i++ {
			if tick() {
				_ = <-work
				close(ready)
				return
			}
			in <- i
		}
	}()
	work <- 1
	<-ready
}

// A close run as its own goroutine releases the function's receive.
func closedByGo(task string) {
	ready := make(chan struct{})
	tasks := make(chan string)
	go func() {
		_ = <-tasks
		ready <- struct{}{}
	}()
	go close(ready)
	<-ready
	tasks <- task
}
