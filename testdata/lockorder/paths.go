package lockorder

import "sync"

// A value is one kind or the other: the two mutexes are never held
// together, even in a loop.
type Disk struct{ mu sync.Mutex }
type Mem struct{ mu sync.Mutex }

func pause(st any, rounds int, work func()) {
	for range rounds {
		if d, ok := st.(*Disk); ok {
			d.mu.Lock()
		} else if m, ok := st.(*Mem); ok {
			m.mu.Lock()
		}
		work()
		if d, ok := st.(*Disk); ok {
			d.mu.Unlock()
		} else if m, ok := st.(*Mem); ok {
			m.mu.Unlock()
		}
	}
}

// A function entered with the first lock held releases it before taking
// the second, and takes it again.
type Ledger struct {
	mu   sync.Mutex
	book *Book
	n    int
}

type Book struct {
	mu    sync.Mutex
	pages int
}

func (l *Ledger) syncLocked() {
	l.mu.Unlock()
	l.book.mu.Lock()
	l.book.pages++
	l.book.mu.Unlock()
	l.mu.Lock()
}

func (l *Ledger) Commit() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n++
	l.syncLocked()
}

func (b *Book) Attach(l *Ledger) {
	b.mu.Lock()
	defer b.mu.Unlock()
	l.mu.Lock()
	l.n = b.pages
	l.mu.Unlock()
}

// The flag says the first lock is not held.
type Bus struct {
	mu   sync.Mutex
	subs *Subs
	n    int
}

type Subs struct {
	mu   sync.Mutex
	list []string
}

func (b *Bus) publish(held bool) {
	if held {
		b.mu.Unlock()
	}
	b.subs.mu.Lock()
	b.subs.list = b.subs.list[:0]
	b.subs.mu.Unlock()
	if held {
		b.mu.Lock()
	}
}

func (b *Bus) Send() {
	b.publish(false)
}

func (b *Bus) SendHeld() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.n++
	b.publish(true)
}

func (s *Subs) Add(b *Bus, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.list = append(s.list, name)
	b.mu.Lock()
	b.n++
	b.mu.Unlock()
}
