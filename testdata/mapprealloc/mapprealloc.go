package mapprealloc

type User struct{ ID, Name string }

func ByID(users []User) map[string]User {
	// related: size it with make\(map\[string\]User, len\(users\)\)
	byID := map[string]User{} // want `byID grows by reallocation: given an entry once per iteration of a loop that runs len\(users\) times`
	for _, u := range users {
		byID[u.ID] = u
	}
	return byID
}

func Index(names []string) map[string]int {
	idx := make(map[string]int) // want `idx grows by reallocation: given an entry once per iteration of a loop that runs len\(names\) times`
	for i, n := range names {
		idx[n] = i
	}
	return idx
}

func Invert(m map[string]int) map[int]string {
	var inv = map[int]string{} // want `inv grows by reallocation: given an entry once per iteration of a loop that runs len\(m\) times`
	for k, v := range m {
		inv[v] = k
	}
	return inv
}

func Squares(n int) map[int]int {
	sq := make(map[int]int, 0) // want `sq grows by reallocation: given an entry once per iteration of a loop that runs n times`
	for i := 0; i < n; i++ {
		sq[i] = i * i
	}
	return sq
}
