package circularwait

import "time"

// The loop announces itself before it waits for requests.
type service struct {
	reqs    chan int
	started chan struct{}
}

func newService() *service {
	s := &service{reqs: make(chan int), started: make(chan struct{})}
	go s.loop()
	return s
}

func (s *service) loop() {
	close(s.started)
	for r := range s.reqs {
		_ = r
	}
}

func (s *service) Do(r int) {
	<-s.started
	s.reqs <- r
}

// The loop can also be told to quit: its wait is a select.
type quitter struct {
	reqs    chan int
	started chan struct{}
	quit    chan struct{}
}

func newQuitter() *quitter {
	q := &quitter{reqs: make(chan int), started: make(chan struct{}), quit: make(chan struct{})}
	go q.loop()
	return q
}

func (q *quitter) loop() {
	select {
	case r := <-q.reqs:
		_ = r
	case <-q.quit:
	}
	close(q.started)
}

func (q *quitter) Do(r int) {
	<-q.started
	q.reqs <- r
}

func (q *quitter) Close() { close(q.quit) }

// A second goroutine the constructor starts also closes started.
type twoStarters struct {
	reqs    chan int
	started chan struct{}
}

func newTwoStarters(eager bool) *twoStarters {
	t := &twoStarters{reqs: make(chan int), started: make(chan struct{})}
	go t.loop(eager)
	if eager {
		go func() { close(t.started) }()
	}
	return t
}

func (t *twoStarters) loop(eager bool) {
	r := <-t.reqs
	if !eager {
		close(t.started)
	}
	_ = r
}

func (t *twoStarters) Do(r int) {
	<-t.started
	t.reqs <- r
}

// Callers may store a channel of their own: what else uses it is unknown.
type external struct {
	reqs  chan int
	ready chan struct{}
}

func (e *external) SetReady(c chan struct{}) { e.ready = c }

func (e *external) loop() {
	_ = <-e.reqs
	close(e.ready)
}

func (e *external) Start() { go e.loop() }

func (e *external) Do(r int) {
	<-e.ready
	e.reqs <- r
}

// The channel is handed to code the analysis does not see.
type notified struct {
	reqs chan int
	done chan struct{}
}

func newNotified() *notified {
	n := &notified{reqs: make(chan int), done: make(chan struct{})}
	go n.loop()
	return n
}

func (n *notified) loop() {
	_ = <-n.reqs
	close(n.done)
}

func (n *notified) Watch(f func(chan struct{})) { f(n.done) }

func (n *notified) Do(r int) {
	<-n.done
	n.reqs <- r
}

// The buffer has room for everything the loop sends before the reader
// waits.
var (
	notes   = make(chan string, 2)
	written = make(chan struct{})
)

func writer() {
	notes <- "a"
	notes <- "b"
	close(written)
}

func Collect() []string {
	go writer()
	<-written
	return []string{<-notes, <-notes}
}

// Exported fields of an exported type: callers may use them.
type Public struct {
	Reqs  chan int
	Ready chan struct{}
}

func (p *Public) Loop() {
	_ = <-p.Reqs
	close(p.Ready)
}

func (p *Public) Do(r int) {
	go p.Loop()
	<-p.Ready
	p.Reqs <- r
}

// The method that signals idle also runs from a timer, at any time.
type timedPool struct {
	jobs chan string
	idle chan struct{}
}

func startTimedPool() *timedPool {
	p := &timedPool{jobs: make(chan string), idle: make(chan struct{})}
	go p.run()
	time.AfterFunc(time.Second, p.markIdle)
	return p
}

func (p *timedPool) run() {
	for j := range p.jobs {
		_ = j
		p.markIdle()
	}
}

func (p *timedPool) markIdle() { p.idle <- struct{}{} }

func (p *timedPool) Submit(j string) {
	<-p.idle
	p.jobs <- j
}
