package wgdone

import (
	"errors"
	"log"
	"sync"
)

type job struct{ name string }

func (j job) prepare() error { return nil }
func (j job) run()           {}

func earlyReturn(jobs []job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			if err := j.prepare(); err != nil {
				log.Print(err)
				return
			}
			j.run()
			wg.Done()
		}()
	}
	wg.Wait() // want `Wait blocks forever when the goroutine takes the path that returns without calling Done$`
}

func worker(wg *sync.WaitGroup, j job, errs chan<- error) {
	if err := j.prepare(); err != nil {
		errs <- err
		return
	}
	j.run()
	wg.Done()
}

func staticWorker(jobs []job) {
	wg := new(sync.WaitGroup)
	errs := make(chan error, len(jobs))
	for _, j := range jobs {
		wg.Add(1)
		go worker(wg, j, errs)
	}
	wg.Wait() // want `Wait blocks forever`
}

type pool struct {
	wg sync.WaitGroup
}

func (p *pool) run(jobs []job) error {
	for _, j := range jobs {
		p.wg.Add(1)
		go func() {
			if j.name == "" {
				return
			}
			j.run()
			p.wg.Done()
		}()
	}
	p.wg.Wait() // want `Wait blocks forever`
	return errors.New("done")
}
