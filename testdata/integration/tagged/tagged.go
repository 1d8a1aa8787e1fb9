// Package tagged has findings only in a file built with -tags
// integration, to check that the tags reach the build in every mode and
// spelling.
package tagged

// Logf logs nothing; -printf.funcs=Logf makes printf check its calls.
func Logf(format string, args ...any) {}
