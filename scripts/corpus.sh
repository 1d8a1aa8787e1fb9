#!/usr/bin/env bash
# corpus.sh: run gohazard over a corpus (default: the Go standard library)
# beside plain go vet, and print per-analyzer finding counts, packages that
# failed, wall time and peak memory of each run.
#
#   scripts/corpus.sh [-o DIR] [-- gohazard flags] [patterns...]
#
# Findings go to DIR/findings.json (gohazard -json) so they can be read
# and judged afterwards. Both runs use the same packages; go vet's build
# cache is cleared of vet results first so that neither run is cached.
set -euo pipefail
out=$(mktemp -d)
if [ "${1:-}" = "-o" ]; then out=$2; shift 2; fi
flags=()
patterns=()
for a in "$@"; do
	case "$a" in -*) flags+=("$a") ;; *) patterns+=("$a") ;; esac
done
[ ${#patterns[@]} -gt 0 ] || patterns=(std)
mkdir -p "$out"
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$out/gohazard"
(cd "$root" && go build -o "$bin" ./cmd/gohazard)

measure() { # name, then command: prints "name wall=..s peak=..MiB exit=N"
	local name=$1; shift
	local t0 t1 rc=0
	t0=$(date +%s.%N)
	/usr/bin/time -f '%M' -o "$out/$name.mem" "$@" >"$out/$name.out" 2>"$out/$name.err" || rc=$?
	t1=$(date +%s.%N)
	printf '%-22s wall=%6.1fs  peak=%6d MiB  exit=%d\n' "$name" "$(echo "$t1 - $t0" | bc)" $(( $(tail -1 "$out/$name.mem") / 1024 )) "$rc"
}

cd "$root"
echo "corpus: ${patterns[*]}   (go $(go env GOVERSION), $(nproc) cores)"
go clean -cache >/dev/null 2>&1 || true
measure "go vet" go vet "${patterns[@]}"
measure "gohazard" "$bin" -json "${flags[@]}" "${patterns[@]}"
cp "$out/gohazard.out" "$out/findings.json"

python3 - "$out/findings.json" "$out/gohazard.err" <<'PY'
import json, sys, collections
raw = open(sys.argv[1]).read()
counts = collections.Counter()
failed = []
# gohazard -json prints one JSON object: package -> analyzer -> findings or error.
data = json.loads(raw) if raw.strip() else {}
for pkg, by in sorted(data.items()):
    for name, v in by.items():
        if isinstance(v, dict) and "error" in v:
            failed.append((pkg, name, v["error"]["err"].splitlines()[0]))
        else:
            counts[name] += len(v)
print("findings per analyzer:")
for name, n in sorted(counts.items()):
    print(f"  {name:16s} {n}")
print(f"  {'total':16s} {sum(counts.values())}")
print(f"packages analysed: {len(data)}")
errs = [l for l in open(sys.argv[2]) if l.strip()]
print(f"packages/analyzers that failed: {len(failed)}; stderr lines: {len(errs)}")
for f in failed[:20]:
    print("  ", *f)
for l in errs[:10]:
    print("   stderr:", l.rstrip())
PY
echo "output in $out"
