// Package mapprealloc defines an Analyzer that reports maps given one
// entry per iteration of a loop whose trip count is known before the
// loop.
//
// # Analyzer mapprealloc
//
// mapprealloc: report maps filled once per iteration of a loop with a known trip count
//
// A map made without a size hint and filled with one entry per iteration
// grows by rehashing all its entries several times:
//
//	byID := map[string]*User{}
//	for _, u := range users {
//		byID[u.ID] = u
//	}
//
// When the number of iterations is known before the loop (a range over a
// slice, array, map or integer, or for i := 0; i < n; i++ with n not
// changed in the loop), make the map with that size:
//
//	byID := make(map[string]*User, len(users))
//	for _, u := range users {
//		byID[u.ID] = u
//	}
//
// The size is a hint: repeated keys only make it generous. Where later
// loops of the same block give the map one entry per iteration too, the
// size is the sum of their counts, under prealloc's conditions; a map
// given entries after the loop in any other way makes the count a lower
// bound ("or more").
// The make takes the count where the map is declared only when computing
// it there cannot panic or race where the loop would not (see prealloc);
// otherwise the declaration moves to right before the loop, and with a
// goto or label in between there is no fix. A count that may be negative
// is written max(n, 0) (make panics on a negative size), and before Go
// 1.21 such a count gets no fix.
//
// Only assignments that run on every iteration are reported;
// -mapprealloc.conditional reports conditional ones too, as an upper
// bound. Maps assigned in nested loops or more than once per iteration,
// used between their declaration and the loop, or reassigned in the loop
// are not reported, nor nil maps (var m map[K]V), which the loop could
// not fill.
package mapprealloc
