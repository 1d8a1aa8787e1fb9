#!/usr/bin/env bash
# testtime.sh: what go test ./... costs, as after a change to gohazard:
# compiled packages cached, but a binary no cache has seen (a fresh link
# flag gives it a new build ID, so go vet's results and gohazard's cache
# are cold) and -count=1. With REV, the tree at that revision is timed the
# same way, interleaved, so that both share the machine's state: compare
# the ratio, not the seconds.
#
#   scripts/testtime.sh [-rounds N] [REV]
set -euo pipefail
rounds=1
if [ "${1:-}" = -rounds ]; then
	rounds=$2
	shift 2
fi
rev=${1:-}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trees=("$root")
if [ -n "$rev" ]; then
	git -C "$root" worktree add -q --detach "$out/rev" "$rev"
	trees+=("$out/rev")
fi
trap 'if [ -n "$rev" ]; then git -C "$root" worktree remove --force "$out/rev"; fi; rm -rf "$out"' EXIT
for tree in "${trees[@]}"; do
	(cd "$tree" && go test -count=1 -run '^$' ./... >/dev/null)
done
echo "== go test ./..., go $(go env GOVERSION), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for r in $(seq "$rounds"); do
	for tree in "${trees[@]}"; do
		name=HEAD
		[ "$tree" = "$root" ] || name=$rev
		fresh=testtime$(date +%s%N)
		status=ok
		(cd "$tree" && GOFLAGS="${GOFLAGS:-} -ldflags=-X=main.$fresh=1" GOHAZARD_CACHE="$out/cache-$fresh" \
			/usr/bin/time -f "%e %U %S" -o "$out/time" go test -count=1 ./... >"$out/log" 2>&1) || status=FAIL
		read -r wall user sys < <(tail -1 "$out/time")
		printf '  round %d %-10s %8.2fs wall %8.2fs cpu  %s, load %s\n' "$r" "$name" "$wall" "$(echo "$user + $sys" | bc)" "$status" "$(cut -d' ' -f1 /proc/loadavg)"
		echo "$wall $(echo "$user + $sys" | bc)" >>"$out/times-$name"
		[ "$status" = ok ] || grep -v '^ok\|no test files' "$out/log" | head -20
	done
done
if [ -n "$rev" ]; then
	sum() { awk -v c="$2" '{s += $c} END {print s}' "$out/times-$1"; }
	echo "  HEAD/$rev: wall $(echo "scale=2; $(sum HEAD 1) / $(sum "$rev" 1)" | bc), cpu $(echo "scale=2; $(sum HEAD 2) / $(sum "$rev" 2)" | bc)"
fi
