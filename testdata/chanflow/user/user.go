package user

import "example.com/chanflow/helper"

func sumProduced(n int) int {
	ch := make(chan int)
	go helper.Produce(ch, n)
	total := 0
	for v := range ch { // want `range over the channel blocks forever after the last value: nothing closes the channel`
		total += v
	}
	return total
}

func sumClosed(n int) int {
	ch := make(chan int)
	go helper.ProduceAndClose(ch, n)
	total := 0
	for v := range ch {
		total += v
	}
	return total
}

func stashed() int {
	ch := make(chan int)
	helper.Stash(ch)
	total := 0
	for v := range ch {
		total += v
	}
	return total
}

func drained(n int) int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := range n {
			ch <- i
		}
	}()
	return helper.Drain(ch)
}
