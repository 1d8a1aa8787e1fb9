package sendleak

import "errors"

// The sender also watches for the receiver's end.
type compressor struct {
	in   chan []byte
	gone chan struct{}
}

func squeeze(b []byte) error {
	if len(b) == 0 {
		return errors.New("empty")
	}
	return nil
}

func newCompressor() *compressor {
	c := &compressor{in: make(chan []byte), gone: make(chan struct{})}
	go c.loop()
	return c
}

func (c *compressor) loop() {
	defer close(c.gone)
	for b := range c.in {
		if squeeze(b) != nil {
			return
		}
	}
}

func (c *compressor) Put(b []byte) bool {
	select {
	case c.in <- b:
		return true
	case <-c.gone:
		return false
	}
}

// The loop stops on an in-band marker the senders send last.
type tally struct{ nums chan int }

func newTally() *tally {
	t := &tally{nums: make(chan int)}
	go t.sum()
	return t
}

func (t *tally) sum() {
	total := 0
	for n := range t.nums {
		if n < 0 {
			return
		}
		total += n
	}
	println(total)
}

func (t *tally) add(n int) { t.nums <- n }

// Errors are logged and the loop goes on.
type sink struct{ lines chan string }

func newSink() *sink {
	s := &sink{lines: make(chan string)}
	go func() {
		for l := range s.lines {
			if err := check(); err != nil {
				println(l, err.Error())
				continue
			}
		}
	}()
	return s
}

func (s *sink) emit(l string) { s.lines <- l }

// A buffered channel nobody drains: a sink of a bounded size, not a
// blocked send on every call.
type lastErr struct{ errs chan error }

func newLastErr() *lastErr { return &lastErr{errs: make(chan error, 1)} }

func (e *lastErr) set(err error) {
	select {
	case e.errs <- err:
	default:
	}
}

// Receivers outside the package get the channel.
type notifier struct{ events chan string }

func newNotifier() *notifier              { return &notifier{events: make(chan string)} }
func (n *notifier) Events() <-chan string { return n.events }
func (n *notifier) notify(e string)       { n.events <- e }

// Two goroutines receive: one giving up leaves the other.
type pool struct{ tasks chan func() error }

func newPool() *pool {
	p := &pool{tasks: make(chan func() error)}
	go p.work()
	go p.spare()
	return p
}

func (p *pool) work() {
	for t := range p.tasks {
		if t() != nil {
			return
		}
	}
}

func (p *pool) spare() {
	for t := range p.tasks {
		_ = t()
	}
}

func (p *pool) submit(t func() error) { p.tasks <- t }

// A channel handed in by the caller: who receives is unknown.
type forwarder struct{ out chan int }

func newForwarder(out chan int) *forwarder { return &forwarder{out: out} }
func (f *forwarder) forward(v int)         { f.out <- v }
