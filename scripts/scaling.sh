#!/usr/bin/env bash
# scaling.sh: check that gohazard's cost grows linearly with the number of
# packages. For each N it generates a module of N packages (each importing
# the previous one and full of channel, goroutine, mutex and WaitGroup
# code), then times, in the same run, plain go vet and
# go vet -vettool=gohazard (leakcheck analyzers only, where the channel-flow
# pass does its work) on a build cache warmed by go build. It prints wall
# time per package for both: flat columns mean linear growth.
#
#   scripts/scaling.sh [N...]        default: 50 100 200 400
set -euo pipefail
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50 100 200 400)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/gohazard" ./cmd/gohazard)

gen() { # dir n
	local dir=$1 n=$2
	mkdir -p "$dir"
	printf 'module example.com/scale\n\ngo 1.26\n' >"$dir/go.mod"
	for i in $(seq 1 "$n"); do
		mkdir -p "$dir/p$i"
		{
			echo "package p$i"
			echo 'import ("context"; "errors"; "sync"; "time")'
			[ "$i" -gt 1 ] && echo "import prev \"example.com/scale/p$((i - 1))\"" && echo "var _ = prev.Fetch"
			cat <<'GO'
type Cache struct {
	mu    sync.Mutex
	items map[string]int
}

func compute(n int) int { return n * 2 }

func Fetch(ctx context.Context, n int) (int, error) {
	ch := make(chan int)
	go func() { ch <- compute(n) }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	case <-time.After(time.Second):
		return 0, errors.New("timeout")
	}
}

func FanOut(xs []int) int {
	ch := make(chan int, len(xs))
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch <- compute(x)
		}()
	}
	wg.Wait()
	close(ch)
	total := 0
	for v := range ch {
		total += v
	}
	return total
}

func (c *Cache) Get(k string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[k]
	return v, ok
}

func Pipeline(xs []int) []int {
	in, out := make(chan int), make(chan int)
	go func() {
		defer close(in)
		for _, x := range xs {
			in <- x
		}
	}()
	go func() {
		defer close(out)
		for v := range in {
			out <- compute(v)
		}
	}()
	var res []int
	for v := range out {
		res = append(res, v)
	}
	return res
}
GO
		} >"$dir/p$i/p.go"
	done
}

printf '%6s  %12s  %14s  %18s  %6s\n' packages "go vet (s)" "gohazard (s)" "gohazard/pkg (ms)" ratio
for n in "${sizes[@]}"; do
	dir="$work/m$n"
	gen "$dir" "$n"
	(cd "$dir" && gofmt -w . && GOCACHE="$work/cache$n" GOFLAGS=-mod=mod go build ./... )
	t0=$(date +%s.%N)
	(cd "$dir" && GOCACHE="$work/cache$n" GOFLAGS=-mod=mod go vet ./... >/dev/null 2>&1) || true
	t1=$(date +%s.%N)
	(cd "$dir" && GOCACHE="$work/cache$n" GOFLAGS=-mod=mod go vet -vettool="$work/gohazard" -sendleak -recvleak -heldlock -wgdone -noexit ./... >/dev/null 2>&1) || true
	t2=$(date +%s.%N)
	vet=$(echo "$t1 - $t0" | bc); gh=$(echo "$t2 - $t1" | bc)
	printf '%6d  %12.2f  %14.2f  %18.1f  %6.2f\n' "$n" "$vet" "$gh" "$(echo "$gh * 1000 / $n" | bc -l)" "$(echo "$gh / $vet" | bc -l)"
	rm -rf "$work/cache$n" "$dir"
done
