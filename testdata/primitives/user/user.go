package user

import (
	"sync"

	"example.com/primitives/helper"
)

type job struct {
	wg  sync.WaitGroup
	out chan int
	in  chan int
}

func (j *job) start() {
	j.wg.Add(1)
	go helper.Finish(&j.wg)
	j.out = make(chan int)
	go helper.Pump(j.out, 3)
	j.in = make(chan int)
	helper.Keep(j.in)
}
