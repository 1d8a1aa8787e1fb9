package recvleak

import "sync"

func closedAfterWait(jobs []int) int {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- work(j)
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	total := 0
	for r := range results {
		total += r
	}
	return total
}

func producerCloses() []int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := range 3 {
			ch <- i
		}
	}()
	var out []int
	for v := range ch {
		out = append(out, v)
	}
	return out
}

func closer(ch chan int) { close(ch) }

func closedByHelper() {
	ch := make(chan int)
	go closer(ch)
	for range ch {
	}
}

func doneClosed() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		work(1)
	}()
	<-done
}

func signalled() {
	done := make(chan struct{})
	go func() {
		work(1)
		done <- struct{}{}
	}()
	<-done
}

type server struct{ quit chan struct{} }

func (s *server) stop() { close(s.quit) }

func escapesToField(s *server) {
	quit := make(chan struct{})
	s.quit = quit
	<-quit
}

func returned() chan int {
	ch := make(chan int)
	go func() {
		for range ch {
		}
	}()
	return ch
}

func nilCaseDisabled(in chan int, stop bool) int {
	var quit chan struct{}
	if stop {
		quit = make(chan struct{})
		close(quit)
	}
	select {
	case v := <-in:
		return v
	case <-quit:
		return 0
	}
}

func disabledCase(a, b chan int) int {
	sum := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
		}
	}
	return sum
}

func selectOnSilentChannel(in chan int) int {
	never := make(chan int)
	select {
	case v := <-in:
		return v
	case v := <-never:
		return v
	}
}

type message struct{ end bool }

// The consumer stops on an in-band end message: no close needed.
func untilEnd(n int) int {
	ch := make(chan message)
	go func() {
		for range n {
			ch <- message{}
		}
		ch <- message{end: true}
	}()
	got := 0
	for m := range ch {
		if m.end {
			return got
		}
		got++
	}
	return got
}

// The loop stops after the last expected value: every sender has sent,
// so nothing needs to close the channel.
func stopsAfterCount(parts []string) int {
	sizes := make(chan int, len(parts))
	for _, p := range parts {
		go func() { sizes <- len(p) }()
	}
	sum, seen := 0, 0
	for sz := range sizes {
		sum += sz
		if seen++; seen == len(parts) {
			break
		}
	}
	return sum
}
