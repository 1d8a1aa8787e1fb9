// Package vetparity has one finding for several of go vet's analyzers:
// go vet -vettool=gohazard must report all of them.
package vetparity

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type T struct {
	mu sync.Mutex
	A  int `json:"a" json:"b"`
}

func printfWrong(name string) {
	fmt.Printf("%d\n", name)
}

func copies(t T) T {
	return t
}

func lost(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second)
	_ = ctx
}

func unreachableCode() int {
	return 1
	fmt.Println("never")
	return 2
}

func selfAssign(x int) int {
	x = x
	return x
}

func waitgroupInside() {
	var wg sync.WaitGroup
	go func() {
		wg.Add(1)
		defer wg.Done()
	}()
	wg.Wait()
}

func nilfuncCompare() bool {
	return printfWrong == nil
}

func boolsRedundant(x int) bool {
	return x == 1 || x == 1
}

func stringint(i int) string {
	return string(rune(i)) + string(i)
}

// emptyCritical is staticcheck's SA2001, bundled but off by default.
func emptyCritical(mu *sync.Mutex) {
	mu.Lock()
	mu.Unlock()
}
