package mapprealloc

import "sync"

type registry struct {
	mu    sync.RWMutex
	users []User
}

// The guard protects r.users: the declaration moves to the loop.
func (r *registry) ByName() map[string]User {
	out := map[string]User{} // want `out is given an entry once per iteration of a loop that runs len\(r.users\) times, growing by reallocation: size it right before the loop with make\(map\[string\]User, len\(r.users\)\)$`
	if r == nil {
		return nil
	}
	for _, u := range r.users {
		out[u.Name] = u
	}
	return out
}

// Reading len(r.users) before the lock would race.
func (r *registry) Snapshot() map[string]User {
	out := make(map[string]User) // want `out is given an entry once per iteration of a loop that runs len\(r.users\) times`
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, u := range r.users {
		out[u.ID] = u
	}
	return out
}

// A second loop adds more entries.
func Merge(a, b []User) map[string]User {
	out := map[string]User{} // want `size it with make\(map\[string\]User, len\(a\)\) or more \(it is filled after the loop too\)$`
	for _, u := range a {
		out[u.ID] = u
	}
	for _, u := range b {
		out[u.ID] = u
	}
	return out
}

// Unsigned and named counters.
type Slot uint16

func Slots(n Slot) map[Slot]bool {
	out := map[Slot]bool{} // want `size it with make\(map\[Slot\]bool, n\)$`
	for i := Slot(0); i < n; i++ {
		out[i] = true
	}
	return out
}
