package lockedsend

import "sync"

// The receiver locks the mutex in a call after each receive.
type feed struct {
	mu     sync.Mutex
	seen   int
	events chan string
	stop   chan struct{}
}

func newFeed() *feed {
	f := &feed{events: make(chan string), stop: make(chan struct{})}
	go f.consume()
	return f
}

func (f *feed) Publish(ev string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen++
	f.events <- ev // want `send on events while holding mu blocks forever: its receiver locks mu before receiving again`
}

func (f *feed) consume() {
	for {
		select {
		case ev := <-f.events:
			f.count(ev)
		case <-f.stop:
			return
		}
	}
}

func (f *feed) count(string) {
	f.mu.Lock()
	f.seen--
	f.mu.Unlock()
}

// A package-level mutex, and a range loop that locks it.
var (
	statsMu sync.Mutex
	total   int
)

type pipe struct {
	out chan int
}

func newPipe() *pipe {
	p := &pipe{out: make(chan int)}
	go p.drain()
	return p
}

func (p *pipe) Put(v int) {
	statsMu.Lock()
	total += v
	p.out <- v // want `send on out while holding statsMu blocks forever`
	statsMu.Unlock()
}

func (p *pipe) drain() {
	for v := range p.out {
		statsMu.Lock()
		total -= v
		statsMu.Unlock()
	}
}
