package prealloc

// Tests build small slices, often on purpose: not reported.
func names(users []User) []string {
	var out []string
	for _, u := range users {
		out = append(out, u.Name)
	}
	return out
}
