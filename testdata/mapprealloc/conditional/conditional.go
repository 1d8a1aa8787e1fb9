package conditional

type User struct {
	ID    string
	Adult bool
}

func Adults(users []User) map[string]User {
	// related: size it with make\(map\[string\]User, len\(users\)\) \(an upper bound\)
	m := map[string]User{} // want `m grows by reallocation: given an entry at most once per iteration of a loop that runs len\(users\) times`
	for _, u := range users {
		if u.Adult {
			m[u.ID] = u
		}
	}
	return m
}
