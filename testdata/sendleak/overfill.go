package sendleak

// The queue holds three values; four are queued before the consumer
// starts.
type queue struct{ slots chan string }

func newQueue() *queue { return &queue{slots: make(chan string, 3)} }

func (q *queue) enqueue(s string) { q.slots <- s }

func preload() {
	q := newQueue()
	for i := 0; i < 3; i++ {
		q.enqueue("warm")
	}
	q.enqueue("extra") // want `send blocks forever: the channel's buffer of 3 is full and nothing can receive from it yet`
	go func() {
		for s := range q.slots {
			println(s)
		}
	}()
}

// Direct sends on a literal's field.
type mailbag struct{ letters chan int }

func stuff() *mailbag {
	m := &mailbag{letters: make(chan int, 2)}
	m.letters <- 1
	m.letters <- 2
	m.letters <- 3 // want `send blocks forever: the channel's buffer of 2 is full`
	return m
}
