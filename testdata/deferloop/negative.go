package deferloop

import (
	"context"
	"io"
	"iter"
	"os"
	"sync"
	"time"
)

func literalPerIteration(names []string) error {
	for _, name := range names {
		err := func() error {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close()
			return nil
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

func namedLiteralPerIteration(names []string) {
	process := func(name string) {
		f, _ := os.Open(name)
		defer f.Close()
	}
	for _, name := range names {
		process(name)
	}
}

func returnsRightAfter(cs []io.Closer) error {
	for _, c := range cs {
		if c != nil {
			defer c.Close()
			return nil
		}
	}
	return nil
}

func breaksRightAfter(cs []io.Closer) {
	for _, c := range cs {
		defer c.Close()
		break
	}
}

func findFirst(names []string) *os.File {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close()
		return f
	}
	return nil
}

func beforeAndAfter(mu *sync.Mutex, items []int) int {
	mu.Lock()
	defer mu.Unlock()
	n := 0
	for _, it := range items {
		n += it
	}
	defer func() { n = 0 }()
	return n
}

func goroutinePerIteration(wg *sync.WaitGroup, jobs []func()) {
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			job()
		}()
	}
}

func selectReturns(ch <-chan io.Closer, done <-chan struct{}) {
	for {
		select {
		case c := <-ch:
			defer c.Close()
			return
		case <-done:
			return
		}
	}
}

func rangeFuncBreaks(seq iter.Seq[io.Closer]) {
	for c := range seq {
		defer c.Close()
		break
	}
}

func rangeFuncReturns(seq iter.Seq[io.Closer]) error {
	for c := range seq {
		defer c.Close()
		return nil
	}
	return nil
}

func panicsRightAfter(cs []io.Closer) {
	for _, c := range cs {
		defer c.Close()
		panic("unreachable state")
	}
}

func exitsAfter(cs []io.Closer) {
	for _, c := range cs {
		defer c.Close()
		os.Exit(1)
	}
}

func gotoOut(cs []io.Closer) {
	for _, c := range cs {
		if c != nil {
			defer c.Close()
			goto done
		}
	}
done:
}

func caseReturns(cs []io.Closer, kind string) {
	for _, c := range cs {
		switch kind {
		case "close":
			defer c.Close()
			return
		}
	}
}

func deferredLiteralLoops(cs []io.Closer) {
	defer func() {
		for _, c := range cs {
			c.Close()
		}
	}()
}

func collectedClosures(cs []io.Closer) []func() {
	var fs []func()
	for _, c := range cs {
		fs = append(fs, func() {
			defer c.Close()
		})
	}
	return fs
}

// The lock is loop-invariant: the second iteration deadlocks, which is
// the mutex analyzer's finding, but nothing of the iteration piles up.
func invariantLock(mu *sync.Mutex, items []int) int {
	total := 0
	for _, it := range items {
		mu.Lock()
		defer mu.Unlock()
		total += it
	}
	return total
}

func invariantCleanup(n int) {
	for i := 0; i < n; i++ {
		defer func() {
			os.Remove(os.TempDir())
		}()
	}
}

// The files are used after the loop: they must stay open until return.
func openForLater(names []string) ([]io.Reader, error) {
	var input []io.Reader
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		input = append(input, f)
	}
	return input, nil
}

type scopes struct{ depth int }

func (s *scopes) open()  { s.depth++ }
func (s *scopes) close() { s.depth-- }

// Scopes opened per element are closed, in reverse, at return.
func scopeStack(s *scopes, names []string) {
	for range names {
		s.open()
		defer s.close()
	}
}

// Every semaphore slot taken is given back at return.
func takeAll(sem chan struct{}, n int) {
	for range n {
		sem <- struct{}{}
		defer func() { <-sem }()
	}
}

// A loop made with goto has no loop statement to scope the iteration's
// values: deferloop stays silent.
func gotoLoop(retry func() bool) {
again:
	f, _ := os.Open("lock")
	defer f.Close()
	if retry() {
		goto again
	}
}

type levels struct{ n int }

func (l *levels) push() { l.n++ }
func (l *levels) pop()  { l.n-- }

// continue goes round again, with nothing of the iteration held.
func nest(l *levels, depth int) {
	for i := 0; i < depth; i++ {
		l.push()
		defer l.pop()
		continue
	}
}

// Loops that run at most once defer nothing twice.
const (
	modeRead = iota
	modeCount
)

func oneMode(dir string) error {
	for m := 0; m < modeCount; m++ {
		f, err := os.CreateTemp(dir, "mode")
		if err != nil {
			return err
		}
		defer f.Close()
	}
	return nil
}

func rangeOne() {
	for range 1 {
		f, _ := os.Open("x")
		defer f.Close()
	}
	var single [1]string
	for _, name := range single {
		f, _ := os.Open(name)
		defer f.Close()
	}
}

type listener struct{ addr string }

func listen() (*listener, func(), error) { return &listener{}, func() {}, nil }

// Each listener is used after the loop: its shutdown must wait for
// return, though the deferred call only holds the shutdown function.
func listenAll(n int) ([]string, error) {
	var ls []*listener
	for range n {
		l, shutdown, err := listen()
		if err != nil {
			return nil, err
		}
		defer shutdown()
		ls = append(ls, l)
	}
	var addrs []string
	for _, l := range ls {
		addrs = append(addrs, l.addr)
	}
	return addrs, nil
}

type registry struct {
	byName  map[string]*os.File
	current *os.File
}

var lastOpened *os.File

// Stored in a map, a field, a global or an outer variable: used after
// the iteration.
func storedOutside(r *registry, names []string) *os.File {
	var last *os.File
	for i, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close()
		switch i % 4 {
		case 0:
			r.byName[name] = f
		case 1:
			r.current = f
		case 2:
			lastOpened = f
		default:
			last = f
		}
	}
	return last
}

type entry struct{ c io.Closer }

// Sent on a channel, as such or inside a value: the receiver uses it.
func sentOn(out chan<- io.Closer, wrapped chan<- entry, names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close()
		out <- f
		g, _ := os.Open(name + ".bak")
		defer g.Close()
		wrapped <- entry{c: g}
	}
}

// Handed to a goroutine: it reads after the iteration.
func handedToGoroutine(conns <-chan io.ReadCloser, handle func(io.Reader)) {
	for c := range conns {
		defer c.Close()
		go handle(c)
	}
}

func capturedByGoroutine(names []string, wg *sync.WaitGroup) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			io.Copy(io.Discard, f)
		}()
	}
	wg.Wait()
}

type worker struct{ in io.Reader }

func (w *worker) run() {}

func goMethod(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		w := &worker{in: f}
		defer f.Close()
		go w.run()
	}
}

// Kept in closures or method values that run later.
func keptInClosures(names []string) []func() error {
	var later []func() error
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close()
		later = append(later, func() error { return f.Sync() })
		g, _ := os.Open(name)
		defer g.Close()
		later = append(later, g.Sync)
	}
	return later
}

// Loops that defer the release of values made before them release a
// batch at return.
func releaseBatch(handles []io.Closer, byName map[string]io.Closer) {
	for _, h := range handles {
		defer h.Close()
	}
	for i := range handles {
		defer handles[i].Close()
	}
	for name, c := range byName {
		if c != nil && name != "" {
			defer c.Close()
		}
	}
}

type service struct{ plugins map[string]io.Closer }

// The old plugins are closed once the new set is installed.
func (s *service) swap(next map[string]io.Closer) {
	prev := s.plugins
	for _, p := range prev {
		p := p
		defer p.Close()
	}
	s.plugins = next
}

// Each watcher learns that the loop has returned when its channel closes.
func serveUntilStop(reqs <-chan func(<-chan struct{}), stop <-chan struct{}) {
	for {
		select {
		case req := <-reqs:
			finished := make(chan struct{})
			defer close(finished)
			go req(finished)
		case <-stop:
			return
		}
	}
}

type shard struct {
	mu sync.RWMutex
	m  map[string]int
}

// Lock every shard, then work with all of them held.
func snapshot(shards []*shard) map[string]int {
	for _, s := range shards {
		s.mu.RLock()
		defer s.mu.RUnlock()
	}
	out := map[string]int{}
	for _, s := range shards {
		for k, v := range s.m {
			out[k] = v
		}
	}
	return out
}

func lockAllThenCount(shards []shard) int {
	for i := range shards {
		shards[i].mu.Lock()
		defer func() { shards[i].mu.Unlock() }()
	}
	return count(shards)
}

func count(shards []shard) int { return len(shards) }

// Locks taken before the loop are released at return.
func unlockBatch(shards []*shard) {
	for _, s := range shards {
		s.mu.Lock()
	}
	for _, s := range shards {
		defer s.mu.Unlock()
	}
}

// The literal scopes the loop: everything stays open until the loop ends,
// on purpose, and is released then.
func holdAllDuringLoop(names []string, check func() error) error {
	func() {
		for _, name := range names {
			f, err := os.Open(name)
			if err != nil {
				return
			}
			defer f.Close()
		}
	}()
	return check()
}

// The last context is used after the loop: its cancel must wait for
// return.
func lastAttempt(parent context.Context, tries int, try func(context.Context) error) context.Context {
	var ctx context.Context
	for range tries {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(parent, time.Second)
		defer cancel()
		if try(ctx) == nil {
			break
		}
	}
	return ctx
}

// The continue belongs to the inner loop: the outer body always returns
// after the defer.
func firstNonEmpty(names []string) (int, error) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		n := 0
		for _, c := range name {
			if c == ' ' {
				continue
			}
			n++
		}
		return n, nil
	}
	return 0, nil
}

type feed struct{ subs []chan int }

func (f *feed) subscribe(ch chan int) (cancel func()) {
	f.subs = append(f.subs, ch)
	return func() {}
}

// The subscription is made lazily, once: the guard's variable is set by
// the literal the guarded block calls.
func (f *feed) waitFor(n int, count func() int) {
	var wake chan int
	start := func() func() {
		wake = make(chan int, 1)
		return f.subscribe(wake)
	}
	for count() < n {
		if wake == nil {
			stop := start()
			defer stop()
		}
		<-wake
	}
}

// The same, set directly in the guarded block.
func watchFirst(events <-chan string, alarm func()) []string {
	var got []string
	var log *os.File
	for ev := range events {
		if log == nil {
			log, _ = os.Create(ev)
			t := time.AfterFunc(time.Minute, alarm)
			defer t.Stop()
		}
		got = append(got, ev)
	}
	return got
}

type slot struct {
	mu sync.Mutex
	rw sync.RWMutex
	n  int
}

// Each slot is locked in turn and released at return: what stays held is
// a lock per slot, not memory.
func sumSlots(slots []*slot) int {
	total := 0
	for _, sl := range slots {
		sl.mu.Lock()
		defer sl.mu.Unlock()
		total += sl.n
	}
	return total
}

func readSlots(slots map[string]*slot) (n int) {
	for _, sl := range slots {
		sl.rw.RLock()
		defer func() {
			sl.rw.RUnlock()
		}()
		n += sl.n
	}
	return
}

func lockEach(ls []sync.Locker) {
	for i := range ls {
		ls[i].Lock()
		defer ls[i].Unlock()
	}
}

type guarded struct {
	sync.Mutex
	next *guarded
}

// A lock made per iteration is still a lock, not memory that piles up.
func lockFresh(n int, newLock func(int) *sync.Mutex) {
	for i := range n {
		mu := newLock(i)
		mu.Lock()
		defer mu.Unlock()
	}
}

// Walk up a chain holding every link's lock until return.
func (g *guarded) root() *guarded {
	for p := g; p != nil; p = p.next {
		p.Lock()
		defer p.Unlock()
		if p.next == nil {
			return p
		}
	}
	return nil
}

// Two capability probes: at most two sockets stay open until return.
func probeModes(restricted bool) (ok [2]bool) {
	var modes = []struct {
		name string
		perm os.FileMode
	}{
		{"rw", 0o600},
		{"ro", 0o400},
	}
	if restricted {
		modes = modes[:1]
	}
	for i := range modes {
		f, err := os.OpenFile(modes[i].name, os.O_CREATE, modes[i].perm)
		if err != nil {
			continue
		}
		defer f.Close()
		ok[i] = true
	}
	return ok
}

// Small constant counts, in every spelling.
func fewTrips(name string) {
	for _, ext := range [...]string{".a", ".b", ".c"} {
		f, _ := os.Open(name + ext)
		defer f.Close()
	}
	for i := 0; i < 4; i++ {
		r := acquire(i)
		defer r.Release()
	}
	for i := range 2 {
		r := acquire(i)
		defer r.Release()
	}
	for k := range map[string]int{"x": 1, "y": 2} {
		f, _ := os.Open(k)
		defer f.Close()
	}
	for _, ext := range []string{3: ".d"} {
		f, _ := os.Open(name + ext)
		defer f.Close()
	}
	// Two by two: four in all.
	for x := range 2 {
		for _, ext := range [2]string{".e", ".f"} {
			f, _ := os.Open(name + ext + string(rune('0'+x)))
			defer f.Close()
		}
	}
}

// A loop that never runs defers nothing, whatever loop is around it.
func disabledProbes(names []string) {
	const probes = 0
	for _, name := range names {
		for range probes {
			f, _ := os.Open(name)
			defer f.Close()
		}
	}
}

var handshakes = []string{"v4", "v5"}

func tryHandshakes() {
	for _, h := range handshakes {
		f, _ := os.Open(h)
		defer f.Close()
	}
}
