package ctxloop

import (
	"context"
	"time"
)

type key struct{}

func process(ctx context.Context, item string) error { return ctx.Err() }

func Values(ctx context.Context, items []string) error {
	for _, item := range items {
		ctx = context.WithValue(ctx, key{}, item) // want `ctx is derived from itself on every iteration: the chain of contexts, and the memory it holds, grows with the loop; derive a new variable per iteration \(ctx := context.WithValue\(...\)\)`
		if err := process(ctx, item); err != nil {
			return err
		}
	}
	return nil
}

func Timeouts(ctx context.Context, items []string) {
	var cancel context.CancelFunc
	for i := 0; i < len(items); i++ {
		ctx, cancel = context.WithTimeout(ctx, time.Second) // want `ctx is derived from itself on every iteration`
		process(ctx, items[i])
		cancel()
	}
}

func Forever(ctx context.Context, next func() string) {
	for {
		ctx = context.WithValue(ctx, key{}, next()) // want `ctx is derived from itself`
		go process(ctx, "x")
	}
}
