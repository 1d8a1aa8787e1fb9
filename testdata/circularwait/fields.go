package circularwait

// A constructor starts the loop; a method waits for the loop to start,
// which it does only once a request arrives.
type server struct {
	reqs    chan int
	started chan struct{}
	replies chan int
}

func newServer() *server {
	s := &server{reqs: make(chan int), started: make(chan struct{}), replies: make(chan int, 1)}
	go s.loop()
	return s
}

func (s *server) loop() {
	r := <-s.reqs
	close(s.started)
	s.replies <- r * 2
}

func (s *server) Do(r int) int {
	<-s.started // want `circular wait: this receive from started and the goroutine running loop's receive from reqs block each other forever`
	s.reqs <- r
	return <-s.replies
}

// The loop signals through a helper method, the caller waits inside one:
// both run within calls the package makes.
type pool struct {
	jobs chan string
	idle chan struct{}
}

func startPool() *pool {
	p := &pool{jobs: make(chan string), idle: make(chan struct{})}
	go p.run()
	return p
}

func (p *pool) run() {
	for j := range p.jobs {
		_ = j
		p.markIdle()
	}
}

func (p *pool) markIdle() { p.idle <- struct{}{} }

func (p *pool) waitIdle() {
	<-p.idle // want `circular wait: this receive from idle and the goroutine running run's range over jobs block each other forever`
}

func (p *pool) Submit(j string) {
	p.waitIdle()
	p.jobs <- j
}

// Package-level channels, a buffer the loop fills before the reader can
// get to it.
var (
	events  = make(chan string, 1)
	flushed = make(chan struct{})
)

func flusher() {
	events <- "start"
	events <- "flush"
	close(flushed)
}

func Drain() []string {
	go flusher()
	<-flushed // want `circular wait: this receive from flushed and the goroutine running flusher's send on events block each other forever`
	return []string{<-events, <-events}
}
