package sendleak

import "errors"

func query(server string) string { return server }

func twoSendsOneSlot(fail bool) (int, error) {
	ch := make(chan int, 1)
	go func() {
		ch <- 1 // want `goroutine blocks forever on send: the function that started it can return without receiving`
		ch <- 2
	}()
	if fail {
		return 0, errors.New("failed")
	}
	return <-ch + <-ch, nil
}

func missingReturn(load func() (int, error)) error {
	errc := make(chan error)
	go func() {
		v, err := load()
		if err != nil {
			errc <- err
		}
		_ = v
		errc <- nil // want `goroutine blocks forever on its second send: the function receives only one value`
	}()
	return <-errc
}

func servers() []string { return []string{"a", "b"} }

func firstOfComputed() string {
	ch := make(chan string)
	for _, s := range servers() {
		go func() {
			ch <- query(s) // want `goroutines started in a loop block forever on send: the function receives only one value`
		}()
	}
	return <-ch
}

// The count needs clamping at zero, but max is a local here: no fix.
func firstOfShadowed(n, max int) int {
	answers := make(chan int)
	for i := range n {
		go func() {
			answers <- compute() * i // want `goroutines started in a loop block forever on send: the function receives only one value`
		}()
	}
	return <-answers + max
}
