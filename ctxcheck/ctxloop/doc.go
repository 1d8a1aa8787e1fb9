// Package ctxloop defines an Analyzer that reports contexts derived in a
// loop from themselves, so that the chain of contexts grows with every
// iteration.
//
// # Analyzer ctxloop
//
// ctxloop: report contexts re-derived from themselves on every loop iteration
//
// A loop that derives a context from the loop's own context variable and
// assigns it back makes each iteration's context a child of the previous
// one:
//
//	for _, item := range items {
//		ctx = context.WithValue(ctx, itemKey, item)
//		process(ctx, item)
//	}
//
// The chain grows by one context per iteration and is never released
// while the loop runs: memory grows with the number of items, every Value
// lookup walks the whole chain (quadratic time), and with WithTimeout or
// WithCancel each iteration also registers a child with its parent that
// lives until the parent is cancelled. Derive a fresh context per
// iteration instead:
//
//	for _, item := range items {
//		ctx := context.WithValue(ctx, itemKey, item)
//		process(ctx, item)
//	}
//
// Derivations are context.WithValue, WithCancel, WithTimeout and the
// like, and functions that return a context derived from their context
// argument (or that argument itself on some paths), such as a helper
// wrapping context.WithValue: a DerivesContext fact, exported for every
// such function, covers the package's helpers and its dependencies' alike,
// so ctx = withTag(ctx, t) in a loop is reported too.
//
// The message names the context variable; the related positions point at
// the loop, with the fix, and at the variable. A loop that always leaves
// after the assignment is not reported. A
// cancel function deferred inside a loop (its context and timer live
// until the function returns) is reported by allocheck's deferloop, in
// words about contexts. go vet's lostcancel reports cancel functions that
// are never called.
package ctxloop
