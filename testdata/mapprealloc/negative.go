package mapprealloc

// Conditional: silent by default.
func Named(users []User) map[string]User {
	m := map[string]User{}
	for _, u := range users {
		if u.Name != "" {
			m[u.ID] = u
		}
	}
	return m
}

// Sized already.
func Sized(users []User) map[string]User {
	m := make(map[string]User, len(users))
	for _, u := range users {
		m[u.ID] = u
	}
	return m
}

// A nil map: the loop would panic, not grow it.
func Nil(users []User) map[string]User {
	var m map[string]User
	for _, u := range users {
		if false {
			m[u.ID] = u
		}
	}
	return m
}

// Two entries per iteration.
func Both(users []User) map[string]string {
	m := map[string]string{}
	for _, u := range users {
		m[u.ID] = u.Name
		m[u.Name] = u.ID
	}
	return m
}

// Not empty.
func Seeded(users []User) map[string]User {
	m := map[string]User{"root": {}}
	for _, u := range users {
		m[u.ID] = u
	}
	return m
}

// Unknown count.
func FromChan(ch <-chan User) map[string]User {
	m := map[string]User{}
	for u := range ch {
		m[u.ID] = u
	}
	return m
}

// Used before the loop.
func Used(users []User, first User) map[string]User {
	m := map[string]User{}
	m[first.ID] = first
	for _, u := range users {
		m[u.ID] = u
	}
	return m
}

// Nested loop.
func Groups(groups [][]User) map[string]User {
	m := map[string]User{}
	for _, g := range groups {
		for _, u := range g {
			m[u.ID] = u
		}
	}
	return m
}

// Replaced in the loop.
func Batches(users []User, flush func(map[string]User)) {
	m := map[string]User{}
	for _, u := range users {
		m[u.ID] = u
		flush(m)
		m = map[string]User{}
	}
}

// Grouping: keys repeat, m[k] = append(m[k], v).
func Group(users []User) map[string][]User {
	byName := map[string][]User{}
	for _, u := range users {
		byName[u.Name] = append(byName[u.Name], u)
	}
	return byName
}

// A float counter has no integer count.
func Halves() map[float64]bool {
	out := map[float64]bool{}
	for x := float64(0); x < 1e6; x++ {
		out[x/2] = true
	}
	return out
}
