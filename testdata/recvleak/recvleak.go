package recvleak

func work(n int) int { return n * 2 }

func sumAll(jobs []int) int {
	results := make(chan int)
	for _, j := range jobs {
		go func() { results <- work(j) }()
	}
	total := 0
	for r := range results { // want `range over the channel blocks forever after the last value: nothing closes the channel`
		total += r
	}
	return total
}

func consumer(in chan int, out chan<- int) {
	for v := range in { // want `range over the channel blocks forever after the last value`
		out <- v
	}
}

func pipeline(xs []int) {
	in := make(chan int)
	out := make(chan int, len(xs))
	go consumer(in, out)
	for _, x := range xs {
		in <- x
	}
}

func waitForever() {
	done := make(chan struct{})
	go func() {
		work(1)
	}()
	<-done // want `receive blocks forever: nothing sends on or closes this channel`
}

func nilChannel() int {
	var ch chan int
	return <-ch // want `receive on a nil channel blocks forever`
}

func nilSend(v int) {
	var ch chan int
	ch <- v // want `send on a nil channel blocks forever`
}
