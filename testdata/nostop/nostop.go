package nostop

import (
	"context"
	"errors"
	"time"
)

type Event struct{ Name string }

type Watcher struct {
	quit   chan struct{}
	events chan Event
	seen   int
}

func NewWatcher() *Watcher {
	return &Watcher{quit: make(chan struct{}), events: make(chan Event)}
}

func (w *Watcher) Start() {
	go func() {
		for {
			select {
			case <-w.quit:
				return
			case <-w.events:
				w.seen++
			}
		}
	}()
}

func (w *Watcher) Stop() { close(w.quit) }

func (w *Watcher) scan(path string) error {
	if path == "" {
		return errors.New("no path")
	}
	return nil
}

func Check(path string) error {
	w := &Watcher{quit: make(chan struct{}), events: make(chan Event)}
	w.Start() // want `goroutine started by Start leaks: the value is dropped without calling Stop, which alone ends it`
	return w.scan(path)
}

func CheckNew(path string) error {
	w := NewWatcher()
	w.Start() // want `goroutine started by Start leaks: the value is dropped without calling Stop,`
	return w.scan(path)
}

// A context field: the goroutine ends on ctx.Done, the cancel field ends it.
type Poller struct {
	ctx    context.Context
	cancel context.CancelFunc
	n      int
}

func (p *Poller) Run() {
	go p.loop()
}

func (p *Poller) loop() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-t.C:
			p.n++
		}
	}
}

func (p *Poller) Close() { p.cancel() }

func Once() int {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Poller{ctx: ctx, cancel: cancel}
	p.Run() // want `goroutine started by Run leaks: the value is dropped without calling Close,`
	return p.n
}

// The data case comes before the stop case, and the methods take the
// struct by value: its channels are shared by every copy.
type relay struct {
	in   chan string
	done chan struct{}
	out  func(string)
}

func newRelay(out func(string)) relay {
	return relay{in: make(chan string), done: make(chan struct{}), out: out}
}

func (r relay) run() {
	go func() {
		for {
			select {
			case s := <-r.in:
				r.out(s)
			case <-r.done:
				return
			}
		}
	}()
}

func (r relay) halt() { close(r.done) }

func Forward(out func(string), words []string) {
	r := newRelay(out)
	r.run() // want `goroutine started by run leaks: the value is dropped without calling halt`
	for _, w := range words {
		r.in <- w
	}
}

// A pointer receiver whose loop method lists the stop channel last.
type ticker struct {
	beats chan int
	stop  chan bool
	total int
}

func (t *ticker) begin() { go t.loop() }

func (t *ticker) loop() {
	for {
		select {
		case n := <-t.beats:
			t.total += n
		case <-t.stop:
			return
		}
	}
}

func (t *ticker) end() { t.stop <- true }

func Count(n int) int {
	t := &ticker{beats: make(chan int), stop: make(chan bool)}
	t.begin() // want `goroutine started by begin leaks: the value is dropped without calling end,`
	for i := range n {
		t.beats <- i
	}
	return n
}
