package service

import (
	"context"
	"database/sql"
	"net/http"
	"sync"
	"time"
)

// Archive stores events in a database and mirrors them to a peer.
type Archive struct {
	db   *sql.DB
	peer string

	mu    sync.RWMutex
	index map[string]int
	stats *Stats
}

// Stats keeps counters that Archive updates.
type Stats struct {
	mu     sync.Mutex
	stored int
}

// Store writes events in one transaction.
func (a *Archive) Store(ctx context.Context, events []Event) error {
	tx, err := a.db.Begin() // ctxrequest: the transaction ignores ctx
	if err != nil {
		return err
	}
	for _, ev := range events {
		ctx = context.WithValue(ctx, sourceKey{}, ev.Source) // ctxloop: the chain of contexts grows per event
		if _, err := tx.ExecContext(ctx, "INSERT INTO events VALUES (?, ?)", ev.Source, ev.Line); err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

type sourceKey struct{}

// Mirror sends the archive to the peer.
func (a *Archive) Mirror(r *http.Request) error {
	req, err := http.NewRequestWithContext(context.Background(), "POST", a.peer, nil) // ctxbackground: r.Context() is in scope
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Wait polls until the archive is not empty.
func (a *Archive) Wait(ctx context.Context, empty func() bool) {
	for empty() {
		time.Sleep(time.Second) // ctxdone: the loop goes on after ctx is cancelled
	}
}

// Sources lists the sources of events, indexing them.
func (a *Archive) Sources(events []Event) []string {
	var sources []string      // prealloc: one append per event
	index := map[string]int{} // mapprealloc: one entry per event
	for i, ev := range events {
		sources = append(sources, ev.Source)
		index[ev.Source] = i
	}
	a.mu.Lock()
	a.index = index
	a.mu.Unlock()
	return sources
}

// Lookup returns the position of source, if indexed.
func (a *Archive) Lookup(source string) (int, bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.Len() == 0 { // doublelock: Len read-locks a.mu again; a writer in between deadlocks both
		return 0, false
	}
	i, ok := a.index[source]
	return i, ok
}

// Len returns the number of indexed sources.
func (a *Archive) Len() int {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return len(a.index)
}

// Count records stored events in the statistics.
func (a *Archive) Count(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.stats.mu.Lock() // lockorder: Report takes these two in the other order
	a.stats.stored += n
	a.stats.mu.Unlock()
}

// Report summarises the statistics and the index.
func (s *Stats) Report(a *Archive) (int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a.mu.Lock()
	defer a.mu.Unlock()
	return s.stored, len(a.index)
}

// Describe joins the sources into one line.
func Describe(sources []string) string {
	line := ""
	for _, s := range sources {
		line += s + " " // stringsbuilder: quadratic copying
	}
	return line
}

// Pinger checks the peer until stopped.
type Pinger struct {
	quit chan struct{}
	ping func()
}

// Start pings every second until Stop.
func (p *Pinger) Start() {
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				return
			case <-t.C:
				p.ping()
			}
		}
	}()
}

// Stop ends the pinging.
func (p *Pinger) Stop() { close(p.quit) }

// Check pings the peer while the archive is verified.
func (a *Archive) Check(ping func(), verify func() error) error {
	p := &Pinger{quit: make(chan struct{}), ping: ping}
	p.Start() // nostop: p is never stopped, its goroutine leaks
	return verify()
}

// Replay stores every event concurrently, skipping empty ones.
func (a *Archive) Replay(ctx context.Context, events []Event) {
	var wg sync.WaitGroup
	wg.Add(len(events)) // wgdone: skipped events are counted but never Done
	for _, ev := range events {
		if ev.Line == "" {
			continue
		}
		go func() {
			defer wg.Done()
			a.Store(ctx, []Event{ev})
		}()
	}
	wg.Wait()
}
