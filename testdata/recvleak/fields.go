package recvleak

// loader waits for a signal nobody gives: loaded is only ever received.
type loader struct {
	loaded chan struct{}
	data   []byte
}

func newLoader() *loader {
	return &loader{loaded: make(chan struct{})}
}

func (l *loader) Loaded() <-chan struct{} { return l.loaded }

func (l *loader) fill(b []byte) { l.data = b }

func useLoader(b []byte) int {
	l := newLoader()
	go l.fill(b)
	<-l.Loaded() // want `receive blocks forever: nothing sends on or closes this channel`
	return len(l.data)
}

var shutdown = make(chan bool)

func awaitShutdown() {
	if <-shutdown { // want `receive blocks forever: nothing sends on or closes this channel`
		println("bye")
	}
}

type registry struct {
	waiters map[string]chan int
}

func (r *registry) await(key string) int {
	ch := make(chan int)
	r.waiters[key] = ch
	for v := range ch { // want `receive blocks forever: nothing sends on or closes this channel`
		return v
	}
	return 0
}
