package nostop

import "context"

// Stopped with defer.
func Deferred(path string) error {
	w := NewWatcher()
	w.Start()
	defer w.Stop()
	return w.scan(path)
}

// Stopped on one path: the value is not simply dropped.
func Stopped(path string) error {
	w := NewWatcher()
	w.Start()
	err := w.scan(path)
	w.Stop()
	return err
}

// Returned: the caller owns it.
func Started() *Watcher {
	w := NewWatcher()
	w.Start()
	return w
}

// Stored: someone else stops it.
type Service struct{ w *Watcher }

func (s *Service) Init() {
	w := NewWatcher()
	w.Start()
	s.w = w
}

// Handed to another function.
func register(*Watcher) {}

func Register() {
	w := NewWatcher()
	w.Start()
	register(w)
}

// Captured by a closure that may stop it.
func Later() func() {
	w := NewWatcher()
	w.Start()
	return func() { w.Stop() }
}

// main: lives as long as the process.
func main() {
	w := NewWatcher()
	w.Start()
}

// A goroutine with another way out is not only ended by Stop.
type Pump struct {
	quit chan struct{}
	in   chan int
}

func (p *Pump) Start() {
	go func() {
		for {
			select {
			case <-p.quit:
				return
			case v, ok := <-p.in:
				if !ok {
					return
				}
				_ = v
			}
		}
	}()
}

func (p *Pump) Stop() { close(p.quit) }

func UsePump() {
	p := &Pump{quit: make(chan struct{}), in: make(chan int)}
	p.Start()
	close(p.in)
}

// No method sends the signal: not a start/stop pair (noexit's domain).
type Orphan struct{ quit chan struct{} }

func (o *Orphan) Start() {
	go func() {
		<-o.quit
	}()
}

func UseOrphan() {
	o := &Orphan{quit: make(chan struct{})}
	o.Start()
}

// A parameter, not a value made here.
func StartGiven(w *Watcher) {
	w.Start()
}

// A context the caller cancels: Close is not the only way out of it, but
// the analyzer cannot tell, so it is judged by the value's use: stopped.
func Cancelled() {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Poller{ctx: ctx, cancel: cancel}
	p.Run()
	defer p.Close()
}

// Value receiver, stopped before returning.
func ForwardAndHalt(out func(string), words []string) {
	r := newRelay(out)
	r.run()
	defer r.halt()
	for _, w := range words {
		r.in <- w
	}
}

// The relay is handed on: whoever gets it may halt it.
func ForwardTo(out func(string), keep func(relay)) {
	r := newRelay(out)
	r.run()
	keep(r)
}

// Stop channel listed last, and stopped.
func CountAndEnd(n int) int {
	t := &ticker{beats: make(chan int), stop: make(chan bool)}
	t.begin()
	for i := range n {
		t.beats <- i
	}
	t.end()
	return t.total
}

// Two fields received from, either ends the loop: neither is the only
// way out.
type twoWays struct {
	a, b chan struct{}
}

func (w twoWays) start() {
	go func() {
		select {
		case <-w.a:
		case <-w.b:
		}
	}()
}

func (w twoWays) closeA() { close(w.a) }

func UseTwoWays() {
	w := twoWays{a: make(chan struct{}), b: make(chan struct{})}
	w.start()
	close(w.b)
}
