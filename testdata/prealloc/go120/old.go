package go120

// max is not a builtin before Go 1.21: the count's guard is in words,
// and there is no fix.
func Squares(n int) []int {
	// related: preallocate it with make\(\[\]int, 0, n\) if n is not negative$
	sq := []int{} // want `sq grows by reallocation: appended to once per iteration of a loop that runs n times`
	for i := 0; i < n; i++ {
		sq = append(sq, i*i)
	}
	return sq
}

// A length needs no guard, and the fix works in any version.
func Copy(xs []string) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(xs\)\)$
	out := []string{} // want `out grows by reallocation: appended to once per iteration`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}
