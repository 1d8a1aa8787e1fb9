package sendleak

// The consumer starts first.
func consumeFirst() {
	q := newQueue()
	go func() {
		for s := range q.slots {
			println(s)
		}
	}()
	for i := 0; i < 10; i++ {
		q.enqueue("x")
	}
}

// Exactly as many values as the buffer holds.
func fillExactly() *queue {
	q := newQueue()
	for range 3 {
		q.enqueue("x")
	}
	return q
}

// The count is not known.
func fillSome(n int) *queue {
	q := newQueue()
	for i := 0; i < n; i++ {
		q.enqueue("x")
	}
	return q
}

// Conditional sends may not all run.
func fillMaybe(a, b bool) *mailbag {
	m := &mailbag{letters: make(chan int, 2)}
	m.letters <- 1
	if a {
		m.letters <- 2
	}
	if b {
		m.letters <- 3
	}
	return m
}

// Handed on before the last send: the callee may start a reader.
func startReader(m *mailbag) {
	go func() {
		for range m.letters {
		}
	}()
}

func handedFirst() {
	m := &mailbag{letters: make(chan int, 2)}
	m.letters <- 1
	m.letters <- 2
	startReader(m)
	m.letters <- 3
}

// A loop that can stop early.
func fillUntil(stop func() bool) *queue {
	q := newQueue()
	for i := 0; i < 5; i++ {
		if stop() {
			break
		}
		q.enqueue("x")
	}
	return q
}
