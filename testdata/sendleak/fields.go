package sendleak

import (
	"errors"
	"time"
)

// metrics is sent on by record, and nothing in the package receives.
type meter struct {
	samples chan float64
	count   int
}

func newMeter() *meter { return &meter{samples: make(chan float64)} }

func (m *meter) record(v float64) {
	m.count++
	m.samples <- v // want `send blocks forever: nothing receives from this channel`
}

func measure(vals []float64) {
	m := newMeter()
	for _, v := range vals {
		go m.record(v)
	}
}

var audit = make(chan string)

func logAccess(user string) {
	audit <- user // want `send blocks forever: nothing receives from this channel`
}

// The indexer's goroutine leaves its loop when indexing fails; Add keeps
// sending to nobody.
type indexer struct {
	docs    chan string
	stopped chan struct{}
}

func index(doc string) error {
	if doc == "" {
		return errors.New("empty")
	}
	return nil
}

func newIndexer() *indexer {
	ix := &indexer{docs: make(chan string), stopped: make(chan struct{})}
	go ix.run()
	return ix
}

func (ix *indexer) run() {
	defer close(ix.stopped)
	for d := range ix.docs {
		if err := index(d); err != nil {
			break
		}
	}
}

func (ix *indexer) Add(doc string) {
	ix.docs <- doc // want `send blocks forever once the only receiver of the channel has given up: its loop can return early`
}

// The same with a select loop that also ticks.
type flusher struct {
	batches chan []byte
}

func write(b []byte) (int, error) { return len(b), nil }

func startFlusher() *flusher {
	f := &flusher{batches: make(chan []byte)}
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case b := <-f.batches:
				if _, err := write(b); err != nil {
					return
				}
			case <-t.C:
			}
		}
	}()
	return f
}

func (f *flusher) flush(b []byte) {
	f.batches <- b // want `send blocks forever once the only receiver of the channel has given up`
}
