package circularwait

import "strings"

// The function waits for the goroutine to be ready before handing over
// the work the goroutine waits for before saying it is ready.
func readyFirst(task string) string {
	ready := make(chan struct{})
	tasks := make(chan string)
	result := make(chan string, 1)
	go func() {
		t := <-tasks
		close(ready)
		result <- strings.TrimSpace(t)
	}()
	<-ready // want `circular wait: this receive from ready and the goroutine's receive from tasks block each other forever`
	tasks <- task
	return <-result
}

// Acknowledgement by send rather than close, unbuffered both ways.
func ackFirst(n int) {
	req := make(chan int)
	ack := make(chan bool)
	go func() {
		v := <-req
		ack <- v > 0
	}()
	if <-ack { // want `circular wait: this receive from ack and the goroutine's receive from req block each other forever`
		req <- n
	}
}

// Two sends that each wait for a receive the other side makes later.
func sendSend(x int) int {
	in := make(chan int)
	out := make(chan int)
	go func() {
		out <- 1
		v := <-in
		_ = v
	}()
	in <- x // want `circular wait: this send on in and the goroutine's send on out block each other forever`
	return <-out
}

// A buffer of one is full after the first send: the second waits for the
// function, which receives only once the goroutine is done.
func bufferFull() (int, int) {
	vals := make(chan int, 1)
	done := make(chan struct{})
	go func() {
		vals <- 1
		vals <- 2
		close(done)
	}()
	<-done // want `circular wait: this receive from done and the goroutine's send on vals block each other forever`
	return <-vals, <-vals
}

// Two goroutines the function starts wait for each other.
func twoWorkers(res chan<- int) {
	left := make(chan int)
	right := make(chan int)
	go func() {
		v := <-left // want `circular wait: this receive from left and the other goroutine's receive from right block each other forever`
		right <- v
	}()
	go func() {
		v := <-right
		left <- v
		res <- v
	}()
}

// The goroutine closes through a helper, after its receive.
func viaHelper(job int) {
	started := make(chan struct{})
	jobs := make(chan int)
	go func() {
		j := <-jobs
		announce(started)
		_ = j
	}()
	<-started // want `circular wait: this receive from started and the goroutine's receive from jobs block each other forever`
	jobs <- job
}

func announce(c chan struct{}) { close(c) }

// A deferred close takes effect when the goroutine returns, which it
// does only after its receive.
func deferredClose(v int) {
	done := make(chan struct{})
	in := make(chan int)
	go func() {
		defer close(done)
		_ = <-in
	}()
	<-done // want `circular wait: this receive from done and the goroutine's receive from in block each other forever`
	in <- v
}

// The goroutine ranges over a channel the function sends on only after
// the goroutine has finished.
func rangeThenDone(xs []int) {
	items := make(chan int)
	finished := make(chan struct{})
	go func() {
		for x := range items {
			_ = x
		}
		close(finished)
	}()
	<-finished // want `circular wait: this receive from finished and the goroutine's range over items block each other forever`
	for _, x := range xs {
		items <- x
	}
	close(items)
}

// A named function started as a goroutine.
func namedWorker() {
	hello := make(chan string)
	bye := make(chan string)
	go greeter(hello, bye)
	<-bye // want `circular wait: this receive from bye and the goroutine running greeter's receive from hello block each other forever`
	hello <- "hi"
}

func greeter(hello <-chan string, bye chan<- string) {
	name := <-hello
	bye <- name
}

// The goroutine polls until it takes the work: the loop has no other way
// out.
func pollForWork(in chan int, tick func() bool) {
	ready := make(chan struct{})
	work := make(chan int)
	go func() {
		for {
			if tick() {
				_ = <-work
				close(ready)
				return
			}
			in <- 1
		}
	}()
	<-ready // want `circular wait: this receive from ready and the goroutine's receive from work block each other forever`
	work <- 1
}

// The goroutine answers in a select, but only after its receive.
func selectAnswer(q int) int {
	answers := make(chan int)
	questions := make(chan int)
	quit := make(chan struct{})
	defer close(quit)
	go func() {
		v := <-questions
		select {
		case answers <- v * v:
		case <-quit:
		}
	}()
	a := <-answers // want `circular wait: this receive from answers and the goroutine's receive from questions block each other forever`
	questions <- q
	return a
}
