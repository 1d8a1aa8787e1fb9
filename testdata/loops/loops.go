package loops

func mark() {}

func forms(xs []int, ch <-chan int, m map[int]int, n int, cond func() bool) {
	mark()
	for i := 0; i < n; i++ {
		mark() // want "in loop"
	}
	for range xs {
		mark() // want "in loop"
	}
	for range ch {
		mark() // want "in loop"
	}
	for range m {
		mark() // want "in loop"
	}
	for range n {
		mark() // want "in loop"
	}
	for cond() {
		mark() // want "in loop"
	}
again:
	mark() // want "in loop"
	if cond() {
		goto again
	}
	mark()
}

func forever(ch <-chan int) {
	for {
		if _, ok := <-ch; !ok {
			mark()
			return
		}
		mark() // want "in loop"
	}
}

func leavesAtOnce(xs []int) {
	for range xs {
		mark()
		break
	}
	for range xs {
		if len(xs) > 2 {
			mark()
			return
		}
	}
}

func literal(xs []int) func() {
	mark()
	return func() {
		for range xs {
			mark() // want "in loop"
		}
		mark()
	}
}

// The body of a range over a function is a yield function, called once
// per iteration.
func rangeFunc(seq func(func(int) bool)) {
	for x := range seq {
		mark() // want "in loop"
		if x > 3 {
			mark() // want "in loop"
			continue
		}
		mark() // want "in loop"
	}
	for range seq {
		mark()
		break
	}
	for x := range seq {
		if x > 0 {
			mark()
			return
		}
		mark() // want "in loop"
	}
}
