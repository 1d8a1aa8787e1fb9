// Package lifetime turns the end of a context into the close of a
// channel, for callers in other packages.
package lifetime

import "context"

func CloseOnDone(ctx context.Context, ch chan struct{}) { // want CloseOnDone:`closes \[1\] on done`
	<-ctx.Done()
	close(ch)
}
