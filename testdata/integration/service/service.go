// Package service is a small fixture for gohazard's end-to-end test.
package service

import (
	"os"
	"time"

	"example.com/integration/worker"
)

// Load opens every file and keeps it open until Load returns.
func Load(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
	}
	return nil
}

// Serve handles jobs until none arrives for a minute.
func Serve(jobs <-chan worker.Job) {
	for {
		select {
		case j := <-jobs:
			worker.Run(j)
		case <-time.After(time.Minute):
			return
		}
	}
}

// Audit is known to run over at most three files.
func Audit(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() //nolint:deferloop // at most three files
	}
}

func stale() {
	x := 1 //nolint:timeafterloop
	_ = x
}

func unexplained(names []string) {
	//lint:ignore deferloop
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close()
	}
}

// Fetch gives up after a second, stranding the goroutine.
func Fetch(get func() string) (string, error) {
	ch := make(chan string)
	go func() { ch <- get() }()
	select {
	case s := <-ch:
		return s, nil
	case <-time.After(time.Second):
		return "", os.ErrDeadlineExceeded
	}
}

// RunAll runs what worker.Emit sends; worker.Emit never closes the
// channel, which only its facts can tell.
func RunAll(n int) {
	jobs := make(chan worker.Job)
	go worker.Emit(jobs, n)
	for j := range jobs {
		worker.Run(j)
	}
}
