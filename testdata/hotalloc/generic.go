package hotalloc

import "strconv"

// A generic page kept in an []any: storing a pageOf[T] boxes a value
// whose size depends on T, which only an instantiation knows. Converting
// it is not reported; the closure and the make still are.
type pageOf[T any] struct {
	status int
	entry  T
}

type pager[T any] struct{ pages []any }

func (p *pager[T]) relink(link func(*T, func() string)) {
	n := 1
	for i := range p.pages {
		pg, ok := p.pages[i].(pageOf[T]) // want `escaping pg may heap-allocate`
		if !ok {
			continue
		}
		link(&pg.entry, func() string { return strconv.Itoa(n) }) // want `closure capturing variables may heap-allocate`
		n++
		p.pages[i] = pg
	}
}

type pair[K comparable, V any] struct {
	key  K
	vals [2]V
}

func boxAll[K comparable, V any](ks []K, v V) []any {
	out := make([]any, 0, len(ks))
	for _, k := range ks {
		out = append(out, pair[K, V]{key: k})
		out = append(out, k)
		out = append(out, [3]V{v})
		out = append(out, &pair[K, V]{key: k}) // want `escaping complit may heap-allocate`
	}
	return out
}

// Instantiated with concrete types, the size is known again.
func boxInts(ks []int) []any {
	out := make([]any, 0, len(ks))
	for _, k := range ks {
		out = append(out, pair[int, string]{key: k}) // want `conversion of pair\[int, string\] to an interface may heap-allocate`
	}
	return out
}
