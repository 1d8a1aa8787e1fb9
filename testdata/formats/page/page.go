// Package page is what a template expands into: //line directives give
// the template's lines, and no columns.
package page

import "os"

// Render opens every part before closing any.
func Render(parts []string) error {
	for _, part := range parts {
//line page.tmpl:4
		f, err := os.Open(part)
		if err != nil {
			return err
		}
		defer f.Close()
	}
	return nil
}

// Join concatenates the parts.
func Join(parts []string) string {
	s := ""
	for _, part := range parts {
//line page.tmpl:15
		s += part
	}
	return s
}
