package timerdrain

import "time"

// The poll case takes the tick and does not re-arm; a later kick drains
// a channel that is already empty.
type poller struct {
	interval *time.Timer
	kick     chan struct{}
}

func newPoller() *poller {
	return &poller{interval: time.NewTimer(time.Second), kick: make(chan struct{})}
}

func (p *poller) restart(d time.Duration) {
	if !p.interval.Stop() {
		<-p.interval.C // want `drain blocks forever when the tick was already received: Stop reports false for a timer that fired`
	}
	p.interval.Reset(d)
}

func (p *poller) loop(poll func()) {
	for {
		select {
		case <-p.interval.C:
			poll()
		case <-p.kick:
			p.restart(time.Millisecond)
		}
	}
}

// A waiter takes the tick and returns; stop drains afterwards.
type deadline struct {
	t       *time.Timer
	expired bool
}

func (d *deadline) wait() {
	<-d.t.C
	d.expired = true
}

func (d *deadline) stop() {
	if d.t.Stop() == false {
		<-d.t.C // want `drain blocks forever`
	}
}

func newDeadline(after time.Duration) *deadline {
	return &deadline{t: time.NewTimer(after)}
}
