// Package stringsbuilder defines an Analyzer that reports strings built
// with += in a loop and offers to build them with a strings.Builder.
//
// # Analyzer stringsbuilder
//
// stringsbuilder: report strings built with += in a loop
//
// Strings are immutable: s += x allocates a new string and copies all of
// s into it, so a string built with += over n iterations costs O(n²)
// bytes copied:
//
//	s := "["
//	for _, p := range parts {
//		s += p
//	}
//	return s
//
// A strings.Builder appends in place, growing its buffer geometrically,
// and its String method returns the bytes without copying:
//
//	var s strings.Builder
//	s.WriteString("[")
//	for _, p := range parts {
//		s.WriteString(p)
//	}
//	return s.String()
//
// The analyzer is a port of x/tools' modernize stringsbuilder and reports
// exactly where it does, with the same fix. A local string variable is
// reported when at least one of its += lies in a loop (for or range)
// inside its scope and the fix provably keeps behaviour: it is declared
// alone (s := expr, var s [string] [= expr], or last in a var group) in a
// statement list; every use is s += expr until the first read, and after
// that it is only read (each read becomes s.String(), which is cheap even
// in a loop); its address is never taken; it is read at least once.
// A plain assignment (s = expr) anywhere rejects it.
//
// Test files are not reported, nor are the packages that strings and
// runtime depend on, into which importing strings would create a cycle.
// The fix imports strings under a fresh name when the name strings is
// taken where the variable is declared. When two candidates' fixes would
// overlap, only the first is reported.
package stringsbuilder
