package ctxloop

import (
	"context"
	"time"
)

type key struct{}

func process(ctx context.Context, item string) error { return ctx.Err() }

func Values(ctx context.Context, items []string) error {
	for _, item := range items {
		ctx = context.WithValue(ctx, key{}, item) // want `^ctx is derived from itself on every iteration, so its chain of contexts grows with the loop$`
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

// Helpers that wrap a derivation.
func withTag(ctx context.Context, tag string) context.Context { // want withTag:`derives from parameter 0`
	return context.WithValue(ctx, key{}, tag)
}

func withTrace(id int, parent context.Context) (context.Context, context.CancelFunc) { // want withTrace:`derives from parameter 1`
	if id == 0 {
		return context.WithCancel(parent)
	}
	parent = withTag(parent, "trace")
	return context.WithTimeout(parent, time.Second)
}

func maybeTag(ctx context.Context, tag string) context.Context { // want maybeTag:`derives from parameter 0`
	if tag == "" {
		return ctx
	}
	return withTag(ctx, tag)
}

func Tags(ctx context.Context, tags []string) {
	for _, t := range tags {
		ctx = withTag(ctx, t) // want `ctx is derived from itself on every iteration`
		process(ctx, t)
	}
}

func Traces(ctx context.Context, ids []int) {
	for _, id := range ids {
		var cancel context.CancelFunc
		ctx, cancel = withTrace(id, ctx) // want `ctx is derived from itself`
		process(ctx, "x")
		cancel()
	}
}

func Maybe(ctx context.Context, tags []string) {
	for i := 0; i < len(tags); i++ {
		ctx = maybeTag(ctx, tags[i]) // want `ctx is derived from itself`
		go process(ctx, tags[i])
	}
}
