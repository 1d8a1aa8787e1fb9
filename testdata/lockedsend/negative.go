package lockedsend

import "sync"

// Sent after unlocking.
func (f *feed) PublishLater(ev string) {
	f.mu.Lock()
	f.seen++
	f.mu.Unlock()
	f.events <- ev
}

// A buffered channel: the send does not wait for the receiver.
type queue struct {
	mu    sync.Mutex
	n     int
	items chan int
}

func newQueue() *queue {
	q := &queue{items: make(chan int, 16)}
	go q.work()
	return q
}

func (q *queue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.n++
	q.items <- v
}

func (q *queue) work() {
	for v := range q.items {
		q.mu.Lock()
		q.n -= v
		q.mu.Unlock()
	}
}

// The receiver never takes the mutex.
type relay struct {
	mu  sync.Mutex
	n   int
	msg chan string
}

func newRelay(print func(string)) *relay {
	r := &relay{msg: make(chan string)}
	go func() {
		for m := range r.msg {
			print(m)
		}
	}()
	return r
}

func (r *relay) Say(m string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n++
	r.msg <- m
}

// Read locks on both sides do not wait for each other.
type view struct {
	mu    sync.RWMutex
	state int
	reqs  chan int
}

func newView() *view {
	v := &view{reqs: make(chan int)}
	go v.serve()
	return v
}

func (v *view) Ask(q int) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	v.reqs <- q + v.state
}

func (v *view) serve() {
	for q := range v.reqs {
		v.mu.RLock()
		_ = q + v.state
		v.mu.RUnlock()
	}
}

// The receiver locks before the loop only, once.
type once struct {
	mu   sync.Mutex
	n    int
	vals chan int
}

func newOnce() *once {
	o := &once{vals: make(chan int)}
	go o.collect()
	return o
}

func (o *once) collect() {
	o.mu.Lock()
	o.n = 0
	o.mu.Unlock()
	for v := range o.vals {
		_ = v
	}
}

func (o *once) Give(v int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.n++
	o.vals <- v
}

// An exported channel field may be filled by callers with any buffer.
type Bus struct {
	mu  sync.Mutex
	n   int
	Out chan int
}

func (b *Bus) Emit(v int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.n++
	b.Out <- v
}

func (b *Bus) Listen() {
	for v := range b.Out {
		b.mu.Lock()
		b.n -= v
		b.mu.Unlock()
	}
}
