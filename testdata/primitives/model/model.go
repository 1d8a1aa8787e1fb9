package model

import (
	"context"
	"sync"
	"time"
)

// Every access is in the package: unexported type.
type feed struct {
	Updates chan int
	ready   chan struct{}
	wg      sync.WaitGroup
	cond    *sync.Cond
	mu      sync.Mutex
	cancels map[string]context.CancelFunc
	backoff *time.Timer
}

func newFeed() *feed {
	f := &feed{Updates: make(chan int), ready: make(chan struct{}, 1), cancels: map[string]context.CancelFunc{}}
	f.cond = sync.NewCond(&f.mu)
	f.backoff = time.NewTimer(time.Second)
	go f.loop()
	return f
}

func (f *feed) loop() {
	for v := range f.Updates {
		f.handle(v)
	}
}

func (f *feed) handle(int) { f.wg.Done() }

func (f *feed) publish(v int) {
	f.wg.Add(1)
	send(f.Updates, v)
}

func send(ch chan<- int, v int) { ch <- v }

func (f *feed) Ready() <-chan struct{} { return f.ready }

func (f *feed) watch(parent context.Context, key string) {
	ctx, cancel := context.WithCancel(parent)
	f.cancels[key] = cancel
	<-ctx.Done()
}

func (f *feed) stopAll() {
	for _, c := range f.cancels {
		c()
	}
	f.cond.Broadcast()
	if !f.backoff.Stop() {
		<-f.backoff.C
	}
}

// An exported field of an exported type: callers may set it.
type Public struct {
	Done chan struct{}
}

func (p *Public) Wait() { <-p.Done }

// A channel handed in from outside.
type conn struct{ in chan []byte }

func newConn(in chan []byte) *conn { return &conn{in: in} }

func (c *conn) read() []byte { return <-c.in }

// A package-level variable, handed to another package whole.
var quit = make(chan struct{})

func stop() { close(quit) }

func register(f func(chan struct{})) { f(quit) }

var shared sync.WaitGroup

func spawn(work func()) {
	shared.Add(1)
	go func() {
		defer shared.Done()
		work()
	}()
}

// A recursive container type holds no primitive.
type tree map[string]tree

type index struct{ root tree }

func (i *index) size() int { return len(i.root) }
