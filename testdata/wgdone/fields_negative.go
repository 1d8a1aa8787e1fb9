package wgdone

import "sync"

// Done is called by the worker.
type crawler struct {
	active sync.WaitGroup
	urls   chan string
}

func (c *crawler) visit(u string) {
	c.active.Add(1)
	c.urls <- u
}

func (c *crawler) worker() {
	for u := range c.urls {
		fetch(u)
		c.active.Done()
	}
}

func fetch(string) {}

func (c *crawler) wait() { c.active.Wait() }

// Add(-1) is how this one counts down.
type gauge struct{ open sync.WaitGroup }

func (g *gauge) inc()  { g.open.Add(1) }
func (g *gauge) dec()  { g.open.Add(-1) }
func (g *gauge) idle() { g.open.Wait() }

// The WaitGroup is handed to a helper, which calls Done.
type fleet struct{ ships sync.WaitGroup }

func sail(wg *sync.WaitGroup) { defer wg.Done() }

func (f *fleet) launch() {
	f.ships.Add(1)
	go sail(&f.ships)
}

func (f *fleet) dock() { f.ships.Wait() }

// Given from outside: whoever made it may call Done.
type waiter struct{ wg *sync.WaitGroup }

func newWaiter(wg *sync.WaitGroup) *waiter { return &waiter{wg: wg} }

func (w *waiter) start() { w.wg.Add(1) }
func (w *waiter) block() { w.wg.Wait() }

// WaitGroup.Go calls Done itself.
type group struct{ wg sync.WaitGroup }

func (g *group) spawn(f func()) { g.wg.Go(f) }
func (g *group) join()          { g.wg.Wait() }

// Exported field of an exported type.
type Tracker struct{ Busy sync.WaitGroup }

func (t *Tracker) Begin() { t.Busy.Add(1) }
func (t *Tracker) Idle()  { t.Busy.Wait() }

// Done handed on as a method value.
type hooks struct{ calls sync.WaitGroup }

func onExit(f func()) { defer f() }

func (h *hooks) call() {
	h.calls.Add(1)
	go onExit(h.calls.Done)
}

func (h *hooks) settle() { h.calls.Wait() }
