package stringsbuilder

import (
	"fmt"
	str "strings"
)

// strings is already imported under another name: the fix uses it.
func Alias(parts []string) string {
	s := fmt.Sprint(len(parts))
	for _, p := range parts {
		s += str.ToUpper(p) // want `string built with \+= in a loop: each iteration copies the whole string`
	}
	return s
}
