// Package service is a small event-ingestion service written to show what
// gohazard finds. Each hazard is marked with the analyzer that reports it;
// the README shows gohazard's output on this package.
package service

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// Event is one line of input, tagged with its source.
type Event struct {
	Source string
	Line   string
}

// Ingester reads event files and forwards their lines to a sink.
type Ingester struct {
	mu    sync.Mutex
	seen  map[string]int
	sink  func(context.Context, Event) error
	idle  time.Duration
	files []string
}

// New returns an Ingester that forwards to sink and stops after idle
// without events. It logs its statistics every minute.
func New(sink func(context.Context, Event) error, idle time.Duration, files ...string) *Ingester {
	in := &Ingester{seen: make(map[string]int), sink: sink, idle: idle, files: files}
	go func() { // noexit: nothing stops this goroutine; every New leaks one
		for range time.Tick(time.Minute) {
			fmt.Fprintln(os.Stderr, in.Stats())
		}
	}()
	return in
}

// LoadAll reads every configured file and returns their events.
func (in *Ingester) LoadAll() ([]Event, error) {
	var events []Event
	for _, name := range in.files {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", name, err)
		}
		defer f.Close() // deferloop: every file stays open until LoadAll returns
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			events = append(events, Event{Source: name, Line: sc.Text()})
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
	}
	return events, nil
}

// count records one event per source under the lock.
func (in *Ingester) count(events []Event) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for _, ev := range events {
		in.seen[ev.Source]++
	}
}

// ErrIdle is returned by Run when no event arrived for the idle period.
var ErrIdle = errors.New("service: idle")

// Run forwards events until the channel closes, the context ends, or no
// event arrives for the idle period.
func (in *Ingester) Run(ctx context.Context, events <-chan Event) error {
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				return nil
			}
			in.count([]Event{ev})
			if err := in.sink(ctx, ev); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(in.idle): // timeafterloop: a new timer per event, and the idle timeout restarts with each one
			return ErrIdle
		}
	}
}

// Resolve asks resolve for the canonical name of source, giving up after
// the timeout.
func (in *Ingester) Resolve(source string, resolve func(string) string, timeout time.Duration) (string, error) {
	names := make(chan string)
	go func() {
		names <- resolve(source) // sendleak: stranded when the timeout wins
	}()
	select {
	case name := <-names:
		return name, nil
	case <-time.After(timeout):
		return "", fmt.Errorf("resolve %s: timed out after %v", source, timeout)
	}
}

// Forget drops the count of source, which must have been seen.
func (in *Ingester) Forget(source string) error {
	in.mu.Lock()
	if _, ok := in.seen[source]; !ok {
		return fmt.Errorf("forget %s: never seen", source) // heldlock: in.mu stays locked
	}
	delete(in.seen, source)
	in.mu.Unlock()
	return nil
}

// Flush sends every event to the sink concurrently and waits for all.
func (in *Ingester) Flush(ctx context.Context, events []Event) {
	var wg sync.WaitGroup
	for _, ev := range events {
		wg.Add(1)
		go func() {
			if err := in.sink(ctx, ev); err != nil {
				return // wgdone: Done is skipped, Flush never returns
			}
			wg.Done()
		}()
	}
	wg.Wait()
}

// CountLines counts the lines of every file concurrently.
func (in *Ingester) CountLines() int {
	counts := make(chan int)
	for _, name := range in.files {
		go func() {
			data, _ := os.ReadFile(name)
			counts <- strings.Count(string(data), "\n")
		}()
	}
	total := 0
	for n := range counts { // recvleak: nothing closes counts, CountLines never returns
		total += n
	}
	return total
}

// Reset forgets every source and reports what was seen.
func (in *Ingester) Reset() string {
	in.mu.Lock()
	defer in.mu.Unlock()
	summary := in.Stats() // doublelock: Stats locks in.mu again, Reset never returns
	clear(in.seen)
	return summary
}

// Stats returns a summary of the events seen per source.
func (in *Ingester) Stats() string {
	in.mu.Lock()
	defer in.mu.Unlock()
	var b strings.Builder
	for src, n := range in.seen {
		fmt.Fprintf(&b, "%s=%d ", src, n)
	}
	return strings.TrimSpace(b.String())
}
