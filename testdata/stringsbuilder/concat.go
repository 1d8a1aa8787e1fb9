package stringsbuilder

func Join(parts []string) string {
	s := "["
	for _, p := range parts {
		s += p // want `string built with \+= in a loop: each iteration copies the whole string`
		s += ","
	}
	s += "]"
	return s
}

// The string is used inside the loop: String() does not copy.
func Prefixes(parts []string, use func(string)) {
	s := ""
	for _, p := range parts {
		s += p // want `string built with \+= in a loop: each iteration copies the whole string`
		use(s)
	}
}
