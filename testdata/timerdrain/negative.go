package timerdrain

import "time"

// The tick case re-arms the timer, so a failed Stop means a tick is
// waiting in the channel.
type heartbeat struct {
	every *time.Timer
	reset chan time.Duration
}

func newHeartbeat() *heartbeat {
	return &heartbeat{every: time.NewTimer(time.Second), reset: make(chan time.Duration)}
}

func (h *heartbeat) run(beat func()) {
	for {
		select {
		case <-h.every.C:
			beat()
			h.every.Reset(time.Second)
		case d := <-h.reset:
			if !h.every.Stop() {
				<-h.every.C
			}
			h.every.Reset(d)
		}
	}
}

// The drain does not block: a select with a default.
type debounce struct {
	t    *time.Timer
	fire chan struct{}
}

func newDebounce() *debounce {
	return &debounce{t: time.NewTimer(time.Hour), fire: make(chan struct{})}
}

func (d *debounce) touch() {
	if !d.t.Stop() {
		select {
		case <-d.t.C:
		default:
		}
	}
	d.t.Reset(50 * time.Millisecond)
}

func (d *debounce) loop() {
	for range d.t.C {
		d.fire <- struct{}{}
	}
}

// The only receive is the drain itself.
type idle struct{ t *time.Timer }

func newIdle() *idle { return &idle{t: time.NewTimer(time.Minute)} }

func (i *idle) bump() {
	if !i.t.Stop() {
		<-i.t.C
	}
	i.t.Reset(time.Minute)
}

// Handed to the caller, who may receive from it.
type exposed struct{ t *time.Timer }

func (e *exposed) Timer() *time.Timer { return e.t }

func (e *exposed) rearm() {
	if !e.t.Stop() {
		<-e.t.C
	}
	e.t.Reset(time.Second)
}

func (e *exposed) wait() { <-e.t.C }

// Given by the caller.
type given struct{ t *time.Timer }

func newGiven(t *time.Timer) *given { return &given{t: t} }

func (g *given) wait() { <-g.t.C }

func (g *given) rearm() {
	if !g.t.Stop() {
		<-g.t.C
	}
}
