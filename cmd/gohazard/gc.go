package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// startingHeap is how much a go vet run allocates before its first
// collection.
const startingHeap = 256 << 20

// delayFirstGC lets the process allocate up to startingHeap before the
// garbage collector first runs, as cmd/compile does for its short-lived
// processes (base.AdjustStartingHeap): go vet starts one per package, most
// finish below that, and with the default GOGC they spend a fifth of their
// time collecting a heap that is about to be freed whole. The first
// collection restores the default, so a large package costs no more memory
// than before. A GOGC or GOMEMLIMIT the user sets wins.
func delayFirstGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(startingHeap)
	// Garbage at once, so the first collection runs the cleanup.
	runtime.AddCleanup(new([64]byte), func(struct{}) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}, struct{}{})
}
