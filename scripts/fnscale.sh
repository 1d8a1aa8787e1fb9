#!/usr/bin/env bash
# fnscale.sh: check that gohazard's cost grows about linearly with the
# size of one function. For each L it generates a package whose single
# function has about L lines (Lock/Unlock blocks, a flag-guarded lock,
# read locks, selects, channel sends and receives, loops, if/else,
# switches), warms the build cache with go build, then times in the same
# run plain go vet and go vet -vettool=gohazard (every analyzer on by
# default), with vet's result cache defeated by a fresh flag value. It
# prints seconds for both and their ratio, and the seconds gohazard
# takes standalone on that package alone with the lock analyzers (load,
# SSA and the lock-state analysis, no dependencies analysed).
#
#   scripts/fnscale.sh [L...]        default: 1000 2000 5000 10000 20000
set -euo pipefail
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 2000 5000 10000 20000)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/gohazard" ./cmd/gohazard)

gen() { # dir lines
	local dir=$1 lines=$2
	mkdir -p "$dir"
	printf 'module example.com/fnscale\n\ngo 1.26\n' >"$dir/go.mod"
	{
		cat <<'GO'
package fnscale

import "sync"

var (
	mu, aux sync.Mutex
	rw      sync.RWMutex
)

func Big(in <-chan int, out chan<- int, done chan struct{}, shared bool, k int) int {
	n := 0
GO
		local chunk=0 written=0
		while [ "$written" -lt "$lines" ]; do
			cat <<GO
	mu.Lock()
	n += $chunk
	if n%3 == 0 {
		n /= 2
		mu.Unlock()
	} else {
		n--
		mu.Unlock()
	}
	if shared {
		aux.Lock()
	}
	for j := 0; j < k; j++ {
		if j%2 == 0 {
			n += j
		} else {
			n -= j
		}
	}
	if shared {
		aux.Unlock()
	}
	select {
	case v := <-in:
		n += v
	case out <- n:
	case <-done:
		return n
	default:
	}
	rw.RLock()
	switch n % 4 {
	case 0:
		n++
	case 1:
		n += 2
	default:
		n--
	}
	rw.RUnlock()
	if n > $chunk {
		out <- n
	}
GO
			chunk=$((chunk + 1))
			written=$((written + 43))
		done
		printf '\treturn n\n}\n'
	} >"$dir/big.go"
}

secs() { # command...: prints CPU seconds (user+sys, children included:
	# on a shared machine wall time mostly measures the other load) and
	# wall seconds; exit status of the command ignored
	local t0 t1
	t0=$(date +%s.%N)
	/usr/bin/time -f '%U %S' -o "$work/cpu" timeout 900 "$@" >/dev/null 2>&1 || true
	t1=$(date +%s.%N)
	echo "$(awk '{ print $1 + $2 }' "$work/cpu") $(echo "$t1 - $t0" | bc)"
}

printf '%8s %16s %16s %9s %16s\n' lines "go vet cpu/wall" "gohazard cpu/wall" "cpu ratio" "locks cpu/wall"
for l in "${sizes[@]}"; do
	dir="$work/l$l"
	gen "$dir" "$l"
	(cd "$dir" && go build ./... )
	read -r vetc vetw < <(cd "$dir" && secs go vet -printf.funcs="x$RANDOM" ./...)
	read -r ghc ghw < <(cd "$dir" && secs go vet -vettool="$work/gohazard" -printf.funcs="x$RANDOM" ./...)
	read -r lc lw < <(cd "$dir" && secs "$work/gohazard" -heldlock -doublelock -lockorder -lockedsend ./...)
	printf '%8d %7.1f/%-8.1f %7.1f/%-8.1f %9.2f %7.1f/%-8.1f\n' "$(wc -l <"$dir/big.go")" "$vetc" "$vetw" "$ghc" "$ghw" "$(echo "$ghc / $vetc" | bc -l)" "$lc" "$lw"
done
