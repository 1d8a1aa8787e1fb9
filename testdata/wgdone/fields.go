package wgdone

import "sync"

// The batcher counts pending items but its flusher never marks them done.
type batcher struct {
	inflight sync.WaitGroup
	items    chan []byte
}

func store([]byte) {}

func (b *batcher) put(item []byte) {
	b.inflight.Add(1)
	b.items <- item
}

func (b *batcher) flusher() {
	for it := range b.items {
		store(it)
	}
}

func (b *batcher) drain() {
	b.inflight.Wait() // want `Wait blocks forever: the counter is added to but nothing ever calls Done on this WaitGroup`
}

// A package-level WaitGroup behind a pointer.
var pending = new(sync.WaitGroup)

func launch(f func()) {
	pending.Add(2)
	go f()
	go f()
}

func settle() {
	pending.Wait() // want `Wait blocks forever: the counter is added to but nothing ever calls Done`
}
