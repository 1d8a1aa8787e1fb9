package ctxdone

import "context"

// Closed by Stop, which watches no context: the loop still ignores ctx.
type ticker struct {
	stop chan struct{}
	ch   chan int
}

func (t *ticker) Stop() { close(t.stop) }

func (t *ticker) Each(ctx context.Context, f func(int)) {
	for running := true; running; {
		select { // want `^select in a loop ignores ctx \(parameter of Each\): the loop goes on after it is cancelled$`
		case v := <-t.ch:
			f(v)
		case <-t.stop:
			running = false
		}
	}
}

// The helper closes its channel without watching any context.
func closeLater(ch chan struct{}, wait func()) {
	wait()
	close(ch)
}

func UntilWaited(ctx context.Context, src <-chan int, wait func(), sink func(int)) {
	end := make(chan struct{})
	go closeLater(end, wait)
	for running := true; running; {
		select { // want `^select in a loop ignores ctx \(parameter of UntilWaited\): the loop goes on after it is cancelled$`
		case v := <-src:
			sink(v)
		case <-end:
			running = false
		}
	}
}
