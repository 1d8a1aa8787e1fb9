package mapprealloc

import "sync"

type registry struct {
	mu    sync.RWMutex
	users []User
}

// The guard protects r.users: the declaration moves to the loop.
func (r *registry) ByName() map[string]User {
	// related: size it right before the loop with make\(map\[string\]User, len\(r.users\)\)$
	out := map[string]User{} // want `out grows by reallocation: given an entry once per iteration of a loop that runs len\(r.users\) times`
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
	out := make(map[string]User) // want `out grows by reallocation: given an entry once per iteration of a loop that runs len\(r.users\) times`
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, u := range r.users {
		out[u.ID] = u
	}
	return out
}

// A second loop adds more entries.
func Merge(a, b []User) map[string]User {
	// related: size it with make\(map\[string\]User, len\(a\)\) or more \(it is filled after the loop too\)$
	out := map[string]User{} // want `out grows by reallocation: given an entry once per iteration`
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
	// related: size it with make\(map\[Slot\]bool, n\)$
	out := map[Slot]bool{} // want `out grows by reallocation: given an entry once per iteration`
	for i := Slot(0); i < n; i++ {
		out[i] = true
	}
	return out
}
