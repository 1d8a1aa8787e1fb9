package cgo

// Concat concatenates the parts.
func Concat(parts []string) string {
	s := ""
	for _, part := range parts {
		s += part
	}
	return s
}
