// Package broken does not type-check: gohazard must say so and go on.
package broken

func Broken() int {
	return "not an int"
}
