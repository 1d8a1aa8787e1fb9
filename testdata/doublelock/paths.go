package doublelock

import "sync"

// The flag parameter is true where the caller holds the lock.
func (t *table) Sum(keys []string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, k := range keys {
		n += t.lookup(k, true)
	}
	return n
}

// One condition guards the Lock and the Unlock, in a loop.
type journal struct {
	mu      sync.Mutex
	sync    bool
	entries []string
	last    string
}

func (j *journal) append(lines []string) {
	for _, l := range lines {
		if j.sync {
			j.mu.Lock()
		}
		j.entries = append(j.entries, l)
		if j.sync {
			j.mu.Unlock()
		}
		j.mu.Lock()
		j.last = l
		j.mu.Unlock()
	}
}

// A flag set next to the Lock says whether to lock again.
func (j *journal) find(l string) bool {
	found := false
	for _, e := range j.entries {
		found = found || e == l
	}
	taken := false
	if !found {
		j.mu.Lock()
		taken = true
	}
	if !taken {
		j.mu.Lock()
	}
	j.last = l
	j.mu.Unlock()
	return found
}

// waitLocked is entered with the lock held, releases it while it waits
// and takes it again before returning.
func (j *journal) waitLocked(wait func()) {
	j.mu.Unlock()
	wait()
	j.mu.Lock()
}

func (j *journal) Flush(wait func()) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for len(j.entries) > 0 {
		j.waitLocked(wait)
		j.entries = j.entries[1:]
	}
}

// A closure that unlocks, called through another closure.
func (j *journal) rotate(archive func([]string)) {
	release := func() { j.mu.Unlock() }
	handOver := func(old []string) {
		release()
		archive(old)
	}
	j.mu.Lock()
	old := j.entries
	j.entries = nil
	handOver(old)
	j.mu.Lock()
	j.last = ""
	j.mu.Unlock()
}

// A method value of the mutex itself.
func (j *journal) reset() {
	unlock := j.mu.Unlock
	j.mu.Lock()
	j.entries = nil
	unlock()
	j.mu.Lock()
	j.last = ""
	j.mu.Unlock()
}

// Every shard is locked, then every shard unlocked.
type shard struct {
	mu sync.Mutex
	n  int
}

func lockAll(shards []*shard) int {
	for _, s := range shards {
		s.mu.Lock()
	}
	total := 0
	for _, s := range shards {
		total += s.n
		s.mu.Unlock()
	}
	return total
}

// The same callee, from a path that released the lock first.
func (s *Server) restart() {
	s.mu.Lock()
	s.closed = false
	s.mu.Unlock()
	s.drain()
}

// An interface with two implementations is not followed.
type sizer interface{ size() int }

type small struct{ n int }

func (small) size() int { return 1 }

func (t *tally) size() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n
}

func (t *tally) Sizes(all []sizer) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, s := range all {
		n += s.size()
	}
	return n
}

// Generic type: the lock is released before the call.
func (s *Set[T]) AddLater(v T) bool {
	s.mu.Lock()
	empty := len(s.items) == 0
	s.mu.Unlock()
	if empty || s.Has(v) {
		return false
	}
	return true
}

// The flag argument is the condition under which the caller locked.
type link struct {
	mu    sync.Mutex
	queue []string
}

func (l *link) alert(msg string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.alertLocked(msg)
}

func (l *link) alertLocked(msg string) { l.queue = append(l.queue, msg) }

func (l *link) rekey(fail bool, locked bool) {
	if fail {
		if locked {
			l.alertLocked("rekey")
		} else {
			l.alert("rekey")
		}
	}
}

func (l *link) update(reply bool) {
	if reply {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.queue = append(l.queue, "update")
	}
	l.rekey(len(l.queue) > 8, reply)
}
