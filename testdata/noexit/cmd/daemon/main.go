package main

import (
	"net/http"
	"time"
)

func heartbeat() {}

func main() {
	go func() {
		for range time.Tick(time.Second) {
			heartbeat()
		}
	}()
	http.HandleFunc("/", func(http.ResponseWriter, *http.Request) { serve() })
	setupOnce()
}

// setupOnce is only called from main: its goroutine is started once.
func setupOnce() {
	go func() {
		for {
			heartbeat()
			time.Sleep(time.Minute)
		}
	}()
}

func serve() {
	go func() { // want `goroutine never exits, so every call of serve adds one for the life of the process: no path of it returns`
		for {
			heartbeat()
			time.Sleep(time.Second)
		}
	}()
}
