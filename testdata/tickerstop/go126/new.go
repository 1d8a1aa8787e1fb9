package go126

import "time"

// From Go 1.23 an unreferenced ticker is collected: not reported.
func waitReady(ready func() bool) {
	t := time.NewTicker(10 * time.Millisecond)
	for range t.C {
		if ready() {
			return
		}
	}
}
