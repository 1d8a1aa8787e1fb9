package deferloop

import (
	"bufio"
	"context"
	"errors"
	"io"
	"iter"
	"os"
	"sync"
	"time"
)

func openAll(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `defer in a loop runs only when the function returns`
	}
	return nil
}

func forever(ch <-chan string) {
	for {
		name, ok := <-ch
		if !ok {
			return
		}
		f, _ := os.Open(name)
		defer f.Close() // want `defer in a loop runs only when the function returns`
	}
}

func labeledContinue(groups [][]string) {
outer:
	for _, g := range groups {
		for _, name := range g {
			f, _ := os.Open(name)
			defer f.Close() // want `defer in a loop runs only when the function returns`
			if name == "" {
				continue outer
			}
		}
	}
}

func namedResult(names []string) (err error) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer func() { // want `defer in a loop runs only when the function returns`
			err = errors.Join(err, f.Close())
		}()
	}
	return nil
}

func continueAfter(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `defer in a loop runs only when the function returns`
		continue
	}
}

// A cancel deferred per iteration keeps every iteration's context.
func timeoutPerItem(ctx context.Context, items []string, do func(context.Context, string) error) error {
	for _, item := range items {
		ictx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // want `cancel deferred in a loop runs only when the function returns: every iteration's context, and its timer, lives until then$`
		if err := do(ictx, item); err != nil {
			return err
		}
	}
	return nil
}

// WithCancel starts no timer. do may keep the context (a goroutine of
// its own): cancelling it at the end of the iteration could stop that.
func cancelPerItem(parent context.Context, items []string, do func(context.Context, string)) {
	for _, item := range items {
		ctx, stop := context.WithCancelCause(parent)
		defer stop(nil) // want `cancel deferred in a loop runs only when the function returns: every iteration's context lives until then$`
		do(ctx, item)
	}
}

// The calls below may keep the file, the connection or the reader: a
// goroutine of theirs may still read it after the iteration.
func passedToCall(names []string, consume func(io.Reader)) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `defer in a loop runs only when the function returns`
		consume(f)
	}
}

func methodOfValue(names []string) {
	for _, name := range names {
		f, _ := os.Create(name)
		defer f.Close() // want `defer in a loop runs only when the function returns`
		f.WriteString("x")
	}
}

func wrapped(names []string, lines *int) {
	for _, name := range names {
		f, _ := os.Open(name)
		sc := bufio.NewScanner(f) // f passed to a call
		defer f.Close()           // want `defer in a loop runs only when the function returns`
		for sc.Scan() {
			*lines++
		}
	}
}

func literalCalledAtOnce(names []string, sink func(*os.File)) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `defer in a loop runs only when the function returns`
		func() {
			sink(f)
		}()
	}
}

// An iterator may still use what it yielded after yield returns.
func rangeFunc(seq iter.Seq2[string, io.Closer]) {
	for name, c := range seq {
		_ = name
		defer c.Close() // want `defer in a loop runs only when the function returns`
	}
}

func yieldedValue(seq iter.Seq[io.Closer]) {
	for c := range seq {
		defer c.Close() // want `defer in a loop runs only when the function returns`
	}
}

type item struct {
	mu sync.Mutex
	rw sync.RWMutex
	n  int
}

type pool struct{ free []*resource }

func (p *pool) put(r *resource) { p.free = append(p.free, r) }

// The deferred call acts on the pool too, which lives after the loop:
// putting back each resource at once changes what the pool holds then.
func outerReceiver(p *pool, n int) {
	for i := range n {
		r := acquire(i)
		defer p.put(r) // want `defer in a loop runs only when the function returns`
	}
}

func outerCounter(n int) int {
	open := 0
	for i := range n {
		r := acquire(i)
		open++
		defer func() { // want `defer in a loop runs only when the function returns`
			open--
			r.Release()
		}()
	}
	return open
}

type frames struct{ depth int }

func (f *frames) push() { f.depth++ }
func (f *frames) pop()  { f.depth-- }

// The frame popped at return would be popped per iteration too.
func withOtherDefer(f *frames, n int) {
	for i := range n {
		f.push()
		defer f.pop()
		r := acquire(i)
		defer r.Release() // want `defer in a loop runs only when the function returns`
	}
}

// A defer after the loop runs before the loop's today.
func deferAfterLoop(names []string, done func()) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `defer in a loop runs only when the function returns`
	}
	defer done()
}

// The literal does more after the loop, with every file still open.
func literalWorksAfter(names []string, check func() error) error {
	return func() error {
		for _, name := range names {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close() // want `defer in a loop runs only when the function returns`
		}
		return check()
	}()
}

// A return ends the loop: the value returned is kept by the last
// iteration only, each earlier attempt's context and timer pile up.
func firstReachable(ctx context.Context, hosts []string, probe func(context.Context, string) (io.ReadCloser, error)) (io.ReadCloser, error) {
	var lastErr error
	for i, h := range hosts {
		attemptCtx := ctx
		if deadline, ok := ctx.Deadline(); ok {
			var stop context.CancelFunc
			attemptCtx, stop = context.WithDeadline(ctx, deadline.Add(-time.Duration(len(hosts)-i)*time.Millisecond))
			defer stop() // want `cancel deferred in a loop runs only when the function returns: every iteration's context, and its timer, lives until then`
		}
		rc, err := probe(attemptCtx, h)
		if err == nil {
			return rc, nil
		}
		lastErr = err
	}
	return nil, lastErr
}

type lease struct{ conn io.Closer }

// Wrapped in the returned value: still only the last iteration's.
func leaseOne(ctx context.Context, pools []func(context.Context) (io.Closer, error)) (*lease, error) {
	for _, get := range pools {
		tctx, cancel := context.WithCancel(ctx)
		defer cancel() // want `cancel deferred in a loop runs only when the function returns: every iteration's context lives until then`
		c, err := get(tctx)
		if err != nil {
			continue
		}
		return &lease{conn: c}, nil
	}
	return nil, errors.New("no pool")
}

// Every file opened before the wanted one stays open until return.
func openWanted(names []string, want string) *os.File {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `defer in a loop runs only when the function returns`
		if name == want {
			return f
		}
	}
	return nil
}

// The guard's variable is reset in the loop: the set-up runs again.
func reopenEach(names []string, use func(*os.File) bool, alarm func()) {
	var f *os.File
	for _, name := range names {
		if f == nil {
			f, _ = os.Open(name)
			t := time.AfterFunc(time.Minute, alarm)
			defer t.Stop() // want `defer in a loop runs only when the function returns`
		}
		if !use(f) {
			f = nil
			continue
		}
	}
}

// A guard on a variable of the iteration holds on every iteration.
func perItemGuard(names []string, use func(*os.File)) {
	for _, name := range names {
		var f *os.File
		if f == nil {
			f, _ = os.Open(name)
			defer f.Close() // want `defer in a loop runs only when the function returns`
		}
		use(f)
	}
}

func use(*resource) error { return nil }

// A loop counted past a few trips piles up.
func fiveProbes() {
	for i := 0; i < 5; i++ {
		r := acquire(i)
		defer r.Release() // want `defer in a loop runs only when the function returns`
		use(r)
	}
}

// A few trips per iteration of an outer loop pile up with it.
func pairsPerName(names []string) {
	for _, name := range names {
		for _, suffix := range [2]string{".a", ".b"} {
			f, _ := os.Open(name + suffix)
			defer f.Close() // want `defer in a loop runs only when the function returns`
			f.Stat()
		}
	}
}

// Three by three is not a few.
func grid() {
	for x := range 3 {
		for y := range 3 {
			r := acquire(x * y)
			defer r.Release() // want `defer in a loop runs only when the function returns`
			use(r)
		}
	}
}

// Other packages may append to an exported table.
var Mirrors = []string{"m1", "m2"}

func dialMirrors() {
	for _, m := range Mirrors {
		f, _ := os.Open(m)
		defer f.Close() // want `defer in a loop runs only when the function returns`
		f.Stat()
	}
}

// A table that grows is not a fixed set of cases.
func growingTable(extra []string) {
	names := []string{"a", "b"}
	names = append(names, extra...)
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `defer in a loop runs only when the function returns`
		f.Stat()
	}
}

// A keyed literal is as long as its highest index.
func sparseTable() {
	for _, name := range []string{7: "h"} {
		f, _ := os.Open(name)
		defer f.Close() // want `defer in a loop runs only when the function returns`
		f.Stat()
	}
}

// The deferred literal closes a file too: the files pile up.
func lockAndClose(names []string, mu *sync.Mutex) {
	for _, name := range names {
		f, _ := os.Open(name)
		mu.Lock()
		defer func() { // want `defer in a loop runs only when the function returns`
			mu.Unlock()
			f.Close()
		}()
	}
}
