// Package hotalloc defines an Analyzer that reports heap allocations
// inside loops, confirmed by the compiler's escape analysis when its log
// is given.
//
// # Analyzer hotalloc
//
// hotalloc: report heap allocations inside loops (off by default; use it on a hot path)
//
// An allocation that escapes to the heap inside a loop costs an
// allocation and garbage-collector work on every iteration:
//
//	for _, r := range records {
//		buf := &bytes.Buffer{} // escapes: handed to an interface
//		encode(buf, r)
//		out = append(out, buf.String())
//	}
//
// Hoist what can be reused out of the loop, or keep it on the stack:
//
//	var buf bytes.Buffer
//	for _, r := range records {
//		buf.Reset()
//		encode(&buf, r)
//		out = append(out, buf.String())
//	}
//
// The compiler decides what escapes. Give hotalloc its decisions, from
// the JSON optimisation log, and it reports only allocations the compiler
// moved to the heap, with the compiler's reason:
//
//	go build -gcflags='-json=0,/tmp/esc' ./pkg
//	gohazard -hotalloc -hotalloc.log=/tmp/esc ./pkg
//
// (-gcflags=all=... covers dependencies too; the directory must be an
// absolute path). Without a log, hotalloc reports what go/ssa places on
// the heap or allocates inside a loop: escaping composite literals and
// variables, make of slices, maps and channels, closures with captured
// variables, non-pointer values converted to interfaces, and
// conversions between strings and byte slices. The compiler keeps many of
// those on the stack, so use this mode as a list of candidates. A value
// whose size depends on a type parameter is not reported when converted
// to an interface: whether it boxes depends on the instantiation.
//
// hotalloc is off by default: every program allocates in loops, and the
// report is useful on the hot path of a program, which a profile shows.
// Run it on the packages of that path, and give it the profile
// (-hotalloc.profile=FILE, a CPU or allocation profile from go test
// -cpuprofile/-memprofile or net/http/pprof, of a build of the same
// files): it then reports only allocations on lines the profile passes
// through, each with its share of the profile.
package hotalloc
