package helper

var stash chan int

func Produce(out chan<- int, n int) { // want Produce:`chanparams\(send, -\)`
	for i := range n {
		out <- i
	}
}

func ProduceAndClose(out chan<- int, n int) { // want ProduceAndClose:`chanparams\(send\+close, -\)`
	defer close(out)
	Produce(out, n)
}

func Drain(in <-chan int) (n int) { // want Drain:`chanparams\(range\)`
	for range in {
		n++
	}
	return n
}

// Stash lets the channel escape: no fact, which callers read as escape.
func Stash(ch chan int) {
	stash = ch
}

// drain is unexported: no other package can call it, so no fact.
func drain(in <-chan int) {
	for range in {
	}
}

var _ = drain

func First(in <-chan int, done chan struct{}) int { // want First:`chanparams\(recv, close\)`
	defer close(done)
	return <-in
}

func NoChannels(n int) int { return n }
