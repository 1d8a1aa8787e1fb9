package stringsbuilder

func Join(parts []string) string {
	s := "["
	for _, p := range parts {
		s += p // want `using string \+= string in a loop is inefficient`
		s += ","
	}
	s += "]"
	return s
}

// The string is used inside the loop: String() does not copy.
func Prefixes(parts []string, use func(string)) {
	s := ""
	for _, p := range parts {
		s += p // want `using string \+= string in a loop is inefficient`
		use(s)
	}
}
