#!/usr/bin/env bash
# bench.sh: standalone gohazard beside staticcheck and plain go vet, cold
# and warm, with peak memory, in one invocation so that the runs share the
# machine's state (compare ratios, not seconds, on a shared machine).
#
#   cold: compiled packages cached (as after go build), analysis caches
#         empty: a fresh -printf.funcs value for go vet (its cache is keyed
#         on the flags), a new STATICCHECK_CACHE for staticcheck and
#         GOHAZARD_CACHE for gohazard.
#   warm: the same command again, nothing changed.
#   peak: the largest resident set of any one process of the run (GNU
#         time's %M), the figure that decides whether a run fits.
#
#   scripts/bench.sh [dir pattern]...    default: examples/service and std
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$root" && go build -o "$out/gohazard" ./cmd/gohazard && go build -o "$out/staticcheck" honnef.co/go/tools/cmd/staticcheck)

measure() { # label, dir, then the command
	local label=$1 dir=$2 rc=0 t0 t1
	shift 2
	t0=$(date +%s.%N)
	(cd "$dir" && /usr/bin/time -f '%M' -o "$out/mem" "$@" >"$out/run.out" 2>&1) || rc=$?
	t1=$(date +%s.%N)
	wall=$(echo "$t1 - $t0" | bc)
	printf '  %-22s %8.2fs  peak %6d MiB  exit %d  %5d lines\n' "$label" "$wall" $(( $(tail -1 "$out/mem") / 1024 )) "$rc" "$(wc -l <"$out/run.out")"
	echo "$wall" >"$out/$label.wall"
}
ratio() { echo "scale=2; $(cat "$out/$1.wall") / $(cat "$out/$2.wall")" | bc; }

bench() { # dir, pattern
	local dir=$1 pattern=$2 key
	key=bench$(date +%s%N)
	echo "== $pattern in $dir, go $(go env GOVERSION), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
	(cd "$dir" && go build "$pattern" >/dev/null 2>&1 || true)
	export STATICCHECK_CACHE=$out/sc-$key GOHAZARD_CACHE=$out/gh-$key
	measure "staticcheck cold" "$dir" "$out/staticcheck" "$pattern"
	measure "staticcheck warm" "$dir" "$out/staticcheck" "$pattern"
	measure "go vet cold" "$dir" go vet -printf.funcs="$key" "$pattern"
	measure "go vet warm" "$dir" go vet -printf.funcs="$key" "$pattern"
	measure "gohazard cold" "$dir" "$out/gohazard" -printf.funcs="$key" "$pattern"
	measure "gohazard warm" "$dir" "$out/gohazard" -printf.funcs="$key" "$pattern"
	echo "  gohazard/staticcheck: cold $(ratio "gohazard cold" "staticcheck cold"), warm $(ratio "gohazard warm" "staticcheck warm")"
	echo "  gohazard/go vet:      cold $(ratio "gohazard cold" "go vet cold"), warm $(ratio "gohazard warm" "go vet warm")"
}

if [ $# -eq 0 ]; then
	set -- "$root" ./examples/service "$(go env GOROOT)/src" std
fi
while [ $# -ge 2 ]; do
	bench "$1" "$2"
	shift 2
done
