package wgdone

import (
	"errors"
	"sync"
	"testing"
)

func lookupItem(i int) (int, error) {
	if i < 0 {
		return 0, errors.New("negative")
	}
	return i, nil
}

// The workers skip Done only after failing the test: the Wait then hangs
// a run that already reports the failure.
func TestFetchAll(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			v, err := lookupItem(i)
			if err != nil {
				t.Errorf("lookupItem(%d): %v", i, err)
				return
			}
			if v != i {
				t.Fail()
				return
			}
			wg.Done()
		}()
	}
	wg.Wait()
}

func BenchmarkFetch(b *testing.B) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		for i := range b.N {
			if _, err := lookupItem(i); err != nil {
				b.Error(err)
				return
			}
		}
		wg.Done()
	}()
	wg.Wait()
}

// Logging is not failing: the test passes and hangs.
func TestFetchLogged(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if _, err := lookupItem(-1); err != nil {
			t.Log(err)
			return
		}
		wg.Done()
	}()
	wg.Wait() // want `Wait blocks forever when the goroutine takes the path that returns without calling Done`
}
