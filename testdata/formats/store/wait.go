package store

import "time"

// Drain reads events until none arrives for a minute.
func Drain(events <-chan string) []string {
	var got []string
	for {
		select {
		case e := <-events:
			got = append(got, e)
		case <-time.After(time.Minute):
			return got
		}
	}
}
