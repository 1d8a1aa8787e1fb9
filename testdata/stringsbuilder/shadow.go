package stringsbuilder

// The name strings is taken here: the fix imports it under another name.
func Shadowed(strings []string) string {
	s := ""
	for _, p := range strings {
		s += p // want `string built with \+= in a loop: each iteration copies the whole string`
	}
	return s
}
