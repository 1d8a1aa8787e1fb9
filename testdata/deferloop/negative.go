package deferloop

import (
	"io"
	"iter"
	"os"
	"sync"
)

func literalPerIteration(names []string) error {
	for _, name := range names {
		err := func() error {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close()
			return nil
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

func namedLiteralPerIteration(names []string) {
	process := func(name string) {
		f, _ := os.Open(name)
		defer f.Close()
	}
	for _, name := range names {
		process(name)
	}
}

func returnsRightAfter(cs []io.Closer) error {
	for _, c := range cs {
		if c != nil {
			defer c.Close()
			return nil
		}
	}
	return nil
}

func breaksRightAfter(cs []io.Closer) {
	for _, c := range cs {
		defer c.Close()
		break
	}
}

func findFirst(names []string) *os.File {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close()
		return f
	}
	return nil
}

func beforeAndAfter(mu *sync.Mutex, items []int) int {
	mu.Lock()
	defer mu.Unlock()
	n := 0
	for _, it := range items {
		n += it
	}
	defer func() { n = 0 }()
	return n
}

func goroutinePerIteration(wg *sync.WaitGroup, jobs []func()) {
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			job()
		}()
	}
}

func selectReturns(ch <-chan io.Closer, done <-chan struct{}) {
	for {
		select {
		case c := <-ch:
			defer c.Close()
			return
		case <-done:
			return
		}
	}
}

func rangeFuncBreaks(seq iter.Seq[io.Closer]) {
	for c := range seq {
		defer c.Close()
		break
	}
}

func rangeFuncReturns(seq iter.Seq[io.Closer]) error {
	for c := range seq {
		defer c.Close()
		return nil
	}
	return nil
}

func panicsRightAfter(cs []io.Closer) {
	for _, c := range cs {
		defer c.Close()
		panic("unreachable state")
	}
}

func exitsAfter(cs []io.Closer) {
	for _, c := range cs {
		defer c.Close()
		os.Exit(1)
	}
}

func gotoOut(cs []io.Closer) {
	for _, c := range cs {
		if c != nil {
			defer c.Close()
			goto done
		}
	}
done:
}

func caseReturns(cs []io.Closer, kind string) {
	for _, c := range cs {
		switch kind {
		case "close":
			defer c.Close()
			return
		}
	}
}

func deferredLiteralLoops(cs []io.Closer) {
	defer func() {
		for _, c := range cs {
			c.Close()
		}
	}()
}

func collectedClosures(cs []io.Closer) []func() {
	var fs []func()
	for _, c := range cs {
		fs = append(fs, func() {
			defer c.Close()
		})
	}
	return fs
}

// The lock is loop-invariant: the second iteration deadlocks, which is
// the mutex analyzer's finding, but nothing of the iteration piles up.
func invariantLock(mu *sync.Mutex, items []int) int {
	total := 0
	for _, it := range items {
		mu.Lock()
		defer mu.Unlock()
		total += it
	}
	return total
}

func invariantCleanup(n int) {
	for i := 0; i < n; i++ {
		defer func() {
			os.Remove(os.TempDir())
		}()
	}
}

// The files are used after the loop: they must stay open until return.
func openForLater(names []string) ([]io.Reader, error) {
	var input []io.Reader
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		input = append(input, f)
	}
	return input, nil
}

type scopes struct{ depth int }

func (s *scopes) open()  { s.depth++ }
func (s *scopes) close() { s.depth-- }

// Scopes opened per element are closed, in reverse, at return.
func scopeStack(s *scopes, names []string) {
	for range names {
		s.open()
		defer s.close()
	}
}

// Every semaphore slot taken is given back at return.
func takeAll(sem chan struct{}, n int) {
	for range n {
		sem <- struct{}{}
		defer func() { <-sem }()
	}
}

// A loop made with goto has no loop statement to scope the iteration's
// values: deferloop stays silent.
func gotoLoop(retry func() bool) {
again:
	f, _ := os.Open("lock")
	defer f.Close()
	if retry() {
		goto again
	}
}

type levels struct{ n int }

func (l *levels) push() { l.n++ }
func (l *levels) pop()  { l.n-- }

// continue goes round again, with nothing of the iteration held.
func nest(l *levels, depth int) {
	for i := 0; i < depth; i++ {
		l.push()
		defer l.pop()
		continue
	}
}
