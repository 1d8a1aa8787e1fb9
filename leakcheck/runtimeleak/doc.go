// Package runtimeleak defines an Analyzer that reports the goroutines a
// run of the program leaked, at the line of the analysed code where they
// are blocked.
//
// # Analyzer runtimeleak
//
// runtimeleak: report goroutines a run leaked, from a goroutineleak profile or a goroutine dump
//
// The static analyzers of leakcheck report what they can prove on the code
// as written; a goroutine that blocks on a channel reached through a
// function value, an interface or another package escapes them. A run of
// the program sees those too. runtimeleak reads what the run recorded,
// named by -runtimeleak.profile (a file, or a directory of them):
//
//   - the goroutineleak profile at debug=2, which Go 1.26 has with
//     GOEXPERIMENT=goroutineleakprofile (and Go 1.27 by default): a garbage
//     collection finds the goroutines blocked on a channel, a select, a
//     lock, a WaitGroup or a Cond that nothing live can ever wake, and marks
//     them "(leaked)". leaktest.Main writes it after a package's tests; a
//     service serves it at /debug/pprof/goroutineleak?debug=2.
//   - a plain goroutine dump (/debug/pprof/goroutine?debug=2, a crash, a
//     SIGQUIT): nothing in it proves a leak, but goroutines blocked for
//     -runtimeleak.minwait (10 minutes) or longer on a channel or a lock
//     are how leaks are found in production, and they are reported as
//     suspected leaks (not the main goroutine, often parked for good on
//     purpose).
//
// Each such goroutine is reported at the first frame of its stack, from
// the innermost, that lies in the module analysed (the blocked send, or
// the call that leads to the blocked lock), with the go statement that
// started it as a related position. Goroutines blocked at the same line
// and started at the same place are reported once, with their number.
//
// Frames are matched by package and by file path relative to the module
// root, whatever directory the dump was taken in, -trimpath included. A
// dump of other source than the one analysed reports wrong lines: take it
// from the same revision.
//
// The goroutineleak profile does not see goroutines blocked on channels
// or locks held in package-level variables, which are always reachable.
//
// Run through gohazard -leakprofile=PATH, the gohazard command also marks
// the static findings the run confirms ("confirmed at run time") and
// leaves out runtimeleak's report of a goroutine a static finding already
// explains; under go vet -vettool both are printed.
package runtimeleak
