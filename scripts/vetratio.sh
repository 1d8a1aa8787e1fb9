#!/usr/bin/env bash
# vetratio.sh: the cost of go vet -vettool=gohazard against plain go vet,
# compilation cached and vet's result cache defeated (a fresh -printf.funcs
# value per run), the two interleaved for ROUNDS rounds so that they share
# the machine's state: compare the ratios, not the seconds.
#
#   scripts/vetratio.sh [-rounds N] dir [pattern]    default pattern ./...
set -euo pipefail
rounds=2
if [ "${1:-}" = -rounds ]; then
	rounds=$2
	shift 2
fi
dir=$1 pattern=${2:-./...}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$root" && go build -o "$out/gohazard" ./cmd/gohazard)
cd "$dir"
go build "$pattern" >/dev/null 2>&1 || true
echo "== $pattern in $dir, go $(go env GOVERSION), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for r in $(seq "$rounds"); do
	for tool in plain gohazard; do
		key=ratio$(date +%s%N)
		vettool=()
		[ "$tool" = gohazard ] && vettool=(-vettool="$out/gohazard")
		/usr/bin/time -f "%e %U %S" -o "$out/time" go vet "${vettool[@]}" -printf.funcs="$key" "$pattern" >/dev/null 2>&1 || true
		read -r wall user sys < <(tail -1 "$out/time")
		printf '  round %d %-9s %8.2fs wall %8.2fs cpu\n' "$r" "$tool" "$wall" "$(echo "$user + $sys" | bc)"
		echo "$wall $(echo "$user + $sys" | bc)" >>"$out/times-$tool"
	done
done
sum() { awk -v c="$2" '{s += $c} END {print s}' "$out/times-$1"; }
echo "  gohazard/plain: wall $(echo "scale=2; $(sum gohazard 1) / $(sum plain 1)" | bc), cpu $(echo "scale=2; $(sum gohazard 2) / $(sum plain 2)" | bc)"
