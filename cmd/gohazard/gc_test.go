package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// TestDelayFirstGC checks that the collector is off until the first
// collection, and back to the default after it.
func TestDelayFirstGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	delayFirstGC()
	if p, limit := gcPercent(), debug.SetMemoryLimit(-1); p != -1 || limit != startingHeap {
		t.Fatalf("after delayFirstGC: GOGC %d, limit %d; want off until %d", p, limit, startingHeap)
	}
	runtime.GC()
	for deadline := time.Now().Add(10 * time.Second); gcPercent() != 100 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if p, limit := gcPercent(), debug.SetMemoryLimit(-1); p != 100 || limit != math.MaxInt64 {
		t.Errorf("after the first collection: GOGC %d, limit %d; want the defaults", p, limit)
	}
}

// TestDelayFirstGCUserSetting checks that GOGC set by the user wins.
func TestDelayFirstGCUserSetting(t *testing.T) {
	t.Setenv("GOGC", "50")
	before := gcPercent()
	delayFirstGC()
	if p := gcPercent(); p != before {
		t.Errorf("GOGC=50: percent changed from %d to %d", before, p)
	}
}
