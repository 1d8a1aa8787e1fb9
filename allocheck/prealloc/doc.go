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
// The fix is offered when the slice starts empty but non-nil ([]T{},
// make([]T, 0)): for var s []T, make would turn the result of a loop that
// runs zero times from nil into empty (JSON null into []), so that is
// reported without a fix. The make takes the count where the declaration
// is only when computing it there cannot panic or race where the loop
// would not: nothing lies in between, or the count reads only local
// variables that nothing in between can change, never through a pointer.
// Otherwise (a guard such as if s == nil { return } or a Lock between the
// declaration and the loop) the message says to make it right before the
// loop, and the fix moves the declaration there, where the count has the
// value the loop sees; when a goto or a label lies in between, there is
// no fix. A count that may be negative is
// written max(n, 0), since make panics where the loop would just not run;
// len, cap, unsigned values and constants need no guard, and before
// Go 1.21, which has no max, such a count gets no fix. When later loops
// of the same block append to the slice too, once per iteration each, the
// size is the sum of the loops' counts (make([]T, 0, len(a)+len(b))),
// provided each count has the value its loop sees where the size is
// computed (nothing in between assigns it or, for a map or channel, may
// change its length), none may be negative, and all have one type.
// Filled after the loop in any other way, the count is a lower bound
// ("or more"). The fix keeps the length at zero: make([]T, n) followed by
// append would leave n zero values in front (the bug golangci-lint's
// makezero looks for). Test files are not reported. Loops counting with a
// float, and constant counts beyond 2^31-1, have no count.
//
// Only appends that run on every iteration are reported: an append under
// a condition, or in a loop that can break, return or continue, fills the
// slice with fewer elements, and preallocating the maximum may waste
// memory. -prealloc.conditional reports those too, as an upper bound.
// Appends in nested loops, of several elements or of a spread (xs...),
// slices used between their declaration and the loop, and slices
// reassigned in the loop are not reported.
package prealloc
