package ctxloop

import (
	"context"
	"time"
)

// A fresh variable per iteration.
func Fresh(ctx context.Context, items []string) {
	for _, item := range items {
		ctx := context.WithValue(ctx, key{}, item)
		process(ctx, item)
	}
}

// A builder loop: values added on purpose, the context used after it.
func Build(ctx context.Context, pairs map[any]any) error {
	for k, v := range pairs {
		ctx = context.WithValue(ctx, k, v)
	}
	return process(ctx, "all")
}

// Derived from another context, not from itself.
func FromParent(parent context.Context, items []string) {
	var ctx context.Context
	for _, item := range items {
		ctx = context.WithValue(parent, key{}, item)
		process(ctx, item)
	}
}

// The loop always leaves after the assignment.
func Once(ctx context.Context, items []string) error {
	for _, item := range items {
		ctx = context.WithValue(ctx, key{}, item)
		return process(ctx, item)
	}
	return nil
}

func Retry(ctx context.Context, try func(context.Context) error) error {
	for {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		err := try(ctx)
		cancel()
		if err == nil {
			return nil
		}
	}
}

// Outside a loop.
func Single(ctx context.Context) {
	ctx = context.WithValue(ctx, key{}, 1)
	process(ctx, "x")
}

// The context variable belongs to the loop's own scope.
func Inner(items []string) {
	for _, item := range items {
		ctx := context.Background()
		ctx = context.WithValue(ctx, key{}, item)
		process(ctx, item)
	}
}

// A chain built on purpose with several kinds of derivation, for use
// after the loop.
func Layers(ctx context.Context, n int) (context.Context, []context.CancelFunc) { // want Layers:`derives from parameter 0`
	var cancels []context.CancelFunc
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			ctx = context.WithValue(ctx, key{}, i)
		} else {
			var cancel context.CancelFunc
			ctx, cancel = context.WithCancel(ctx)
			cancels = append(cancels, cancel)
		}
	}
	return ctx, cancels
}

// Helpers that do not derive from their argument.
func fresh(ctx context.Context, tag string) context.Context {
	return context.WithValue(context.Background(), key{}, tag)
}

func same(ctx context.Context) context.Context { return ctx }

func pick(ctx, other context.Context, first bool) context.Context {
	if first {
		return ctx
	}
	return other
}

func NotDerived(ctx context.Context, tags []string) {
	for _, t := range tags {
		ctx = fresh(ctx, t)
		process(ctx, t)
		ctx = same(ctx)
		process(ctx, t)
		ctx = pick(ctx, context.TODO(), t == "")
		process(ctx, t)
	}
}

// A helper's result assigned to a fresh variable per iteration.
func FreshTags(ctx context.Context, tags []string) {
	for _, t := range tags {
		ctx := withTag(ctx, t)
		process(ctx, t)
	}
}
