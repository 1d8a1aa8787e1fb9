#!/usr/bin/env bash
# bundlecost.sh: what bundling go vet's and staticcheck's checks costs.
# Runs over a corpus (default: std), each from an empty build cache (and
# an empty staticcheck cache), in one invocation so the runs share the
# machine's state:
#   go vet                                   plain go vet
#   staticcheck                              staticcheck, its default checks
#   go vet -vettool=gohazard                 gohazard's default suite (incl. vet's)
#   go vet -vettool=gohazard +staticcheck    the default suite and the bundled SA checks
#
#   scripts/bundlecost.sh [patterns...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
patterns=("$@")
[ ${#patterns[@]} -gt 0 ] || patterns=(std)
bin="$out/gohazard"
(cd "$root" && go build -o "$bin" ./cmd/gohazard && go build -o "$out/staticcheck" honnef.co/go/tools/cmd/staticcheck)

# The analyzers on by default, and the bundled staticcheck checks.
defaults=$("$bin" help | awk '$2 == "on" { printf "-%s ", $1 }')
sa=$("$bin" help | awk '$1 ~ /^SA[0-9]+$/ { printf "-%s ", $1 }')

measure() { # label, then the command
	local label=$1; shift
	local t0 t1 rc=0
	rm -rf "$out/cache" "$out/xdg"
	t0=$(date +%s.%N)
	GOCACHE=$out/cache XDG_CACHE_HOME=$out/xdg /usr/bin/time -f '%M' -o "$out/mem" "$@" >"$out/$label.out" 2>&1 || rc=$?
	t1=$(date +%s.%N)
	echo "$t1 - $t0" | bc >"$out/$label.wall"
	printf '%-34s wall=%7.1fs  peak=%6d MiB  exit=%d  output lines=%d\n' "$label" "$(cat "$out/$label.wall")" $(( $(tail -1 "$out/mem") / 1024 )) "$rc" "$(wc -l <"$out/$label.out")"
}
ratio() { echo "scale=2; $(cat "$out/$1.wall") / $(cat "$out/$2.wall")" | bc; }

cd "$root"
echo "corpus: ${patterns[*]} ($(go list "${patterns[@]}" 2>/dev/null | wc -l) packages), go $(go env GOVERSION), $(nproc) cores, empty caches"
measure go-vet go vet "${patterns[@]}"
measure staticcheck "$out/staticcheck" "${patterns[@]}"
# shellcheck disable=SC2086 # word splitting of the flag lists is wanted
measure gohazard-vettool go vet -vettool="$bin" "${patterns[@]}"
# shellcheck disable=SC2086
measure gohazard-vettool+staticcheck go vet -vettool="$bin" $defaults $sa "${patterns[@]}"
echo "ratios to go vet: staticcheck $(ratio staticcheck go-vet), gohazard $(ratio gohazard-vettool go-vet), gohazard+staticcheck $(ratio gohazard-vettool+staticcheck go-vet)"
echo "cost of the bundled staticcheck checks: $(ratio gohazard-vettool+staticcheck gohazard-vettool)x gohazard's default suite"
