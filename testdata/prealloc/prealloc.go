package prealloc

type User struct{ Name string }

func Names(users []User) []string {
	// related: preallocate it with make\(\[\]string, 0, len\(users\)\) \(not offered as a fix: the slice would no longer be nil when the loop does not run\)
	var names []string // want `names grows by reallocation: appended to once per iteration of a loop that runs len\(users\) times`
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func Squares(n int) []int {
	sq := []int{} // want `sq grows by reallocation: appended to once per iteration of a loop that runs n times`
	for i := 0; i < n; i++ {
		sq = append(sq, i*i)
	}
	return sq
}

func Keys(m map[string]int) []string {
	keys := make([]string, 0) // want `keys grows by reallocation: appended to once per iteration of a loop that runs len\(m\) times`
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func Ints(n int) []int {
	var out []int // want `out grows by reallocation: appended to once per iteration of a loop that runs n times`
	for i := range n {
		out = append(out, i)
	}
	return out
}

type table struct{ rows [][]string }

func (t *table) Firsts() []string {
	firsts := []string{} // want `len\(t.rows\) times`
	for _, r := range t.rows {
		firsts = append(firsts, r[0])
	}
	return firsts
}

// The count is declared after the slice: reported, but no fix.
func Late(get func() []User) []string {
	var names []string // want `names grows by reallocation: appended to once per iteration`
	users := get()
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}
