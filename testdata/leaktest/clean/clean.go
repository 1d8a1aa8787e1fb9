// Package clean waits for its goroutine.
package clean

func Sum(xs []int) int {
	ch := make(chan int)
	go func() {
		s := 0
		for _, x := range xs {
			s += x
		}
		ch <- s
	}()
	return <-ch
}
