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
	// related: size it with make\(map\[string\]User, len\(a\) \+ len\(b\)\)$
	out := map[string]User{} // want `out grows by reallocation: given an entry once per iteration of 2 loops that run len\(a\) \+ len\(b\) times in all$`
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

// A map ranged by the second loop: its size does not change in between.
func WithDefaults(a []User, defaults map[string]User) map[string]User {
	// related: size it with make\(map\[string\]User, len\(a\) \+ len\(defaults\)\)$
	out := map[string]User{} // want `out grows by reallocation: given an entry once per iteration of 2 loops that run len\(a\) \+ len\(defaults\) times in all$`
	for _, u := range a {
		out[u.ID] = u
	}
	for k, u := range defaults {
		out[k] = u
	}
	return out
}

// The first loop adds to the map the second one ranges over: its length
// at the declaration is not the second count.
func Mirrored(a []User, seen map[string]User) map[string]User {
	// related: size it with make\(map\[string\]User, len\(a\)\) or more \(it is filled after the loop too\)$
	out := map[string]User{} // want `out grows by reallocation: given an entry once per iteration of a loop that runs len\(a\) times$`
	for _, u := range a {
		out[u.ID] = u
		seen[u.ID] = u
	}
	for k, u := range seen {
		out[k] = u
	}
	return out
}

// A call between the loops may add to the map.
func Refreshed(a []User, seen map[string]User, refresh func(map[string]User)) map[string]User {
	// related: size it with make\(map\[string\]User, len\(a\)\) or more \(it is filled after the loop too\)$
	out := map[string]User{} // want `out grows by reallocation: given an entry once per iteration of a loop that runs len\(a\) times$`
	for _, u := range a {
		out[u.ID] = u
	}
	refresh(seen)
	for k, u := range seen {
		out[k] = u
	}
	return out
}

// An entry set between the loops: a lower bound.
func Between(a, b []User) map[string]User {
	// related: size it with make\(map\[string\]User, len\(a\)\) or more \(it is filled after the loop too\)$
	out := map[string]User{} // want `out grows by reallocation: given an entry once per iteration of a loop that runs len\(a\) times$`
	for _, u := range a {
		out[u.ID] = u
	}
	out["root"] = User{}
	for _, u := range b {
		out[u.ID] = u
	}
	return out
}
