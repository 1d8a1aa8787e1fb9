package recvleak

// Receiving from a channel made in the same expression, which no name
// ever holds, is a way to block forever on purpose, like select {}: a
// goroutine parked for a leak detector or a profile to find.

func parkForever() {
	<-make(chan struct{})
}

func parkWorkers(n int) {
	for range n {
		go func() {
			<-make(chan bool)
			panic("unreachable")
		}()
	}
}

// A named channel that nothing sends on looks like a forgotten sender.
func awaitSignal() {
	signal := make(chan struct{})
	<-signal // want `receive blocks forever: nothing sends on or closes this channel`
}
