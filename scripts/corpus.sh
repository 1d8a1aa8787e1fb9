#!/usr/bin/env bash
# corpus.sh: run gohazard over a corpus (default: the Go standard library)
# beside plain go vet in the same run, and print per-analyzer finding
# counts, packages that failed, wall time and peak memory of each run.
#
#   scripts/corpus.sh [-o DIR] [gohazard flags] [patterns...]
#
# Runs, each measured with /usr/bin/time:
#   go vet                      plain go vet
#   go vet -vettool=gohazard    gohazard under go vet, the same work split
#   gohazard (standalone)       one process, all packages, findings as JSON
# The go vet runs start from copies of one build cache warmed by
# "go build", so they compile nothing and reuse no vet result: the time is
# analysis. Findings (deduplicated across a package and its test variant)
# are kept in DIR/findings.txt for reading.
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

measure() { # label, then the command; GOCACHE is taken from the caller
	local label=$1; shift
	local t0 t1 rc=0
	t0=$(date +%s.%N)
	/usr/bin/time -f '%M' -o "$out/time.mem" "$@" >"$out/$label.out" 2>"$out/$label.err" || rc=$?
	t1=$(date +%s.%N)
	printf '%-28s wall=%7.1fs  peak=%6d MiB  exit=%d\n' "$label" "$(echo "$t1 - $t0" | bc)" $(( $(tail -1 "$out/time.mem") / 1024 )) "$rc"
	echo "$t1 - $t0" | bc >"$out/$label.wall"
}

cd "$root"
npkgs=$(go list "${patterns[@]}" 2>/dev/null | wc -l)
echo "corpus: ${patterns[*]} ($npkgs packages), go $(go env GOVERSION), $(nproc) cores, gohazard flags: ${flags[*]:-(none)}"

warm="$out/cache-warm"
rm -rf "$warm"
GOCACHE=$warm go build "${patterns[@]}" >/dev/null 2>&1 || true
GOCACHE=$warm go test -count=1 -run '^$' -exec true "${patterns[@]}" >/dev/null 2>&1 || true
for run in vet tool; do rm -rf "$out/cache-$run"; cp -r "$warm" "$out/cache-$run"; done

GOCACHE=$out/cache-vet measure "go-vet" go vet "${patterns[@]}"
GOCACHE=$out/cache-tool measure "go-vet-vettool-gohazard" go vet -vettool="$bin" "${flags[@]}" "${patterns[@]}"
measure "gohazard-standalone" "$bin" -json "${flags[@]}" "${patterns[@]}"
rm -rf "$out"/cache-*

echo "ratio go vet -vettool=gohazard / go vet: $(echo "scale=2; $(cat "$out/go-vet-vettool-gohazard.wall") / $(cat "$out/go-vet.wall")" | bc)"

python3 - "$out" <<'PY'
import json, sys, collections, os
out = sys.argv[1]
raw = open(os.path.join(out, "gohazard-standalone.out")).read()
# gohazard -json prints one object: package ID -> analyzer -> findings | error.
data = json.loads(raw) if raw.strip() else {}
findings, failed = set(), []
for pkg, by in sorted(data.items()):
    for name, v in by.items():
        if isinstance(v, dict) and "error" in v:
            failed.append((pkg, name, v["error"]["err"].splitlines()[0]))
        else:
            for f in v:
                findings.add((name, f["posn"], f["message"]))
counts = collections.Counter(n for n, _, _ in findings)
tests = collections.Counter(n for n, p, _ in findings if "_test.go:" in p)
print("findings per analyzer (unique positions; in _test.go files):")
for name in sorted(counts):
    print(f"  {name:16s} {counts[name]:5d}  ({tests[name]} in tests)")
print(f"  {'total':16s} {len(findings):5d}  ({sum(tests.values())} in tests)")
errs = [l for l in open(os.path.join(out, "gohazard-standalone.err")) if l.strip()]
print(f"analyzer failures: {len(failed)}; standalone stderr lines: {len(errs)}")
for f in failed[:20]:
    print("  ", *f)
for l in errs[:10]:
    print("   stderr:", l.rstrip())
with open(os.path.join(out, "findings.txt"), "w") as w:
    for n, p, m in sorted(findings):
        w.write(f"{p}: {n}: {m}\n")
PY
echo "findings: $out/findings.txt"
