package conditional

type User struct {
	Name  string
	Adult bool
}

func Adults(users []User) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(users\)\) \(an upper bound\)
	var names []string // want `names grows by reallocation: appended to at most once per iteration of a loop that runs len\(users\) times`
	for _, u := range users {
		if u.Adult {
			names = append(names, u.Name)
		}
	}
	return names
}

// Still silent: two appends.
func Twice(users []User) []string {
	var names []string
	for _, u := range users {
		if u.Adult {
			names = append(names, u.Name)
		} else {
			names = append(names, "minor")
		}
	}
	return names
}

// Some users and every guest: the sum is an upper bound.
func AdultsAndGuests(users []User, guests []string) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(users\) \+ len\(guests\)\) \(an upper bound\)$
	names := []string{} // want `names grows by reallocation: appended to at most once per iteration of 2 loops that run len\(users\) \+ len\(guests\) times in all$`
	for _, u := range users {
		if u.Adult {
			names = append(names, u.Name)
		}
	}
	for _, g := range guests {
		names = append(names, g)
	}
	return names
}
