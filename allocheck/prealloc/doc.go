// Package prealloc defines an Analyzer that reports slices grown by
// append once per iteration of a loop whose trip count is known before
// the loop.
//
// # Analyzer prealloc
//
// prealloc: report slices appended to once per iteration of a loop with a known trip count
//
// A slice declared empty and then appended to once per iteration grows
// by reallocation and copying, about log2(n) times, and ends with up to
// twice the memory it needs:
//
//	var names []string
//	for _, u := range users {
//		names = append(names, u.Name)
//	}
//
// When the number of iterations is known before the loop (a range over a
// slice, array, map or integer, or for i := 0; i < n; i++ with n not
// changed in the loop), give the slice that capacity:
//
//	names := make([]string, 0, len(users))
//	for _, u := range users {
//		names = append(names, u.Name)
//	}
//
// The fix is offered when the count can be computed where the slice is
// declared. It keeps the length at zero: make([]T, n) followed by append
// would leave n zero values in front (the bug go vet's and golangci-lint's
// makezero look for).
//
// Only appends that run on every iteration are reported: an append under
// a condition, or in a loop that can break, return or continue, fills the
// slice with fewer elements, and preallocating the maximum may waste
// memory. -prealloc.conditional reports those too, as an upper bound.
// Appends in nested loops, of several elements or of a spread (xs...),
// slices used between their declaration and the loop, and slices
// reassigned in the loop are not reported.
package prealloc
