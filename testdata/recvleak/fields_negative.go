package recvleak

import (
	"os"
	"os/signal"
)

// Closed by a method.
type gate struct{ open chan struct{} }

func newGate() *gate        { return &gate{open: make(chan struct{})} }
func (g *gate) release()    { close(g.open) }
func (g *gate) pass() error { <-g.open; return nil }

// Handed out as a bidirectional channel: callers may send.
type mailbox struct{ inbox chan string }

func newMailbox() *mailbox            { return &mailbox{inbox: make(chan string)} }
func (m *mailbox) Inbox() chan string { return m.inbox }
func (m *mailbox) next() string       { return <-m.inbox }

// Set from a parameter: the caller may send on it.
type follower struct{ updates chan int }

func newFollower(updates chan int) *follower { return &follower{updates: updates} }
func (f *follower) latest() int              { return <-f.updates }

// An exported field of an exported type: set and used outside too.
type Pipe struct{ Out chan int }

func (p *Pipe) Read() int { return <-p.Out }

// Handed to another package, which sends on it.
type trap struct{ sigs chan os.Signal }

func newTrap() *trap {
	t := &trap{sigs: make(chan os.Signal, 1)}
	signal.Notify(t.sigs, os.Interrupt)
	return t
}

func (t *trap) wait() os.Signal { return <-t.sigs }

// Sent on only in a select with a default: still a send.
type nudger struct{ poke chan struct{} }

func newNudger() *nudger { return &nudger{poke: make(chan struct{}, 1)} }

func (n *nudger) nudge() {
	select {
	case n.poke <- struct{}{}:
	default:
	}
}

func (n *nudger) waitPoke() { <-n.poke }

// Closed by a helper that is handed the channel.
type job struct{ finished chan struct{} }

func finish(ch chan struct{}) { close(ch) }

func runJob() {
	j := &job{finished: make(chan struct{})}
	go finish(j.finished)
	<-j.finished
}

// Only received in a select with another way out.
type ticket struct{ granted chan bool }

func (t *ticket) poll() bool {
	select {
	case ok := <-t.granted:
		return ok
	default:
		return false
	}
}

func newTicket() *ticket { return &ticket{granted: make(chan bool)} }

// Kept receive-only, but the function that made it sends on it.
type script struct{ steps <-chan int }

func (s *script) next() int { return <-s.steps }

func runScript() int {
	steps := make(chan int, 2)
	steps <- 1
	steps <- 2
	s := &script{steps: steps}
	return s.next() + s.next()
}
