package inner

// Close is at the line of a leaked goroutine blocked in a file of the same
// path in another module (github.com/dep/inner/negative.go:7): nothing is
// reported.
func Close(ch chan int) {
	ch <- 1
}
