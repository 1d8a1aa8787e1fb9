// Package lifetime turns the end of a context into the close of a
// channel, for callers in other packages.
package lifetime

import "context"

func CloseOnDone(ctx context.Context, ch chan struct{}) { // want CloseOnDone:`closes \[1\] on done`
	<-ctx.Done()
	close(ch)
}

// Closed on two paths: one index in the fact.
func CloseOnEither(ctx context.Context, stop <-chan struct{}, ch chan int) { // want CloseOnEither:`closes \[2\] on done`
	select {
	case <-ctx.Done():
		close(ch)
	case <-stop:
		close(ch)
	}
}
