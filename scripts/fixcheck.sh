#!/usr/bin/env bash
# fixcheck.sh: check that gohazard's suggested fixes keep real modules
# working. For each module it works on a fresh copy (a git repository, so
# that the fixes can be diffed and undone):
#
#  1. counts the findings with a suggested fix, per analyzer
#     (go vet -vettool=gohazard -json, all default analyzers);
#  2. applies them: go fix -fixtool=gohazard ./... (the same analyzers and
#     fixes as gohazard -fix ./..., run per package as go vet does, which
#     keeps memory small on large modules; FIXCHECK_STANDALONE=1 runs
#     gohazard -fix ./... instead);
#  3. on the original and on the fixed code: go build ./..., go vet ./...,
#     and go test -count=1 -short on the packages the fixes touched; every
#     package that passed before must pass after;
#  4. applies the fixes a second time: that must change nothing.
#
# It prints a summary per module and, for every regression, the analyzers
# whose fixes touched the failing package. Exit status 1 if any module
# regressed or the second pass changed something.
#
#   scripts/fixcheck.sh MODULE...
#
# A MODULE is a directory holding a go.mod (copied, never modified) or
# module@version (fetched with go mod download). GOHAZARD names the binary
# (default: built from this repository); FIXCHECK_KEEP=1 keeps the copies.
set -uo pipefail
# A module may carry a go.work naming directories its zip lacks.
export GOWORK=off
[ $# -gt 0 ] || {
	sed -n '2,/^set/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
[ "${FIXCHECK_KEEP:-}" = 1 ] || trap 'rm -rf "$work"' EXIT
bin=${GOHAZARD:-}
if [ -z "$bin" ]; then
	bin=$work/gohazard
	(cd "$root" && go build -o "$bin" ./cmd/gohazard) || exit 2
fi
git() { command git -c user.name=fixcheck -c user.email=fixcheck@invalid -c core.autocrlf=false "$@"; }

# failing PKG-LIST-FILE: the packages named in "# pkg" headers of go
# build/vet errors, and in "package pkg:"/"pkg: ..." load errors.
failing() {
	sed -n 's/^# \([^ ]*\).*/\1/p' "$1" | sort -u
}

# tests FILE: "pkg status" for every package line of go test's output.
tests() {
	awk '$1 == "ok" {print $2, "ok"} $1 == "FAIL" && NF >= 2 && $2 != "" {print $2, "FAIL"} $1 == "?" {print $2, "notest"}' "$1" | sort -u
}

fixes() { # apply every fix, quietly
	if [ "${FIXCHECK_STANDALONE:-}" = 1 ]; then
		"$bin" -fix ./... >/dev/null 2>&1
	else
		go fix -fixtool="$bin" ./... >/dev/null 2>&1
	fi
}

status=0
for m in "$@"; do
	if [ -d "$m" ]; then
		src=$(cd "$m" && pwd)
	else
		src=$(go mod download -json "$m" | jq -r .Dir) || { echo "$m: cannot download" >&2; status=1; continue; }
	fi
	name=$(basename "$src")
	dir=$work/$name
	cp -r "$src" "$dir" && chmod -R u+w "$dir"
	cd "$dir" || exit 2
	rm -rf .git
	git init -q && git add -A && git commit -qm original || exit 2
	out=$work/$name.out
	mkdir -p "$out"

	go list -e ./... >"$out/pkgs" 2>/dev/null
	npkgs=$(wc -l <"$out/pkgs")
	go build ./... >/dev/null 2>"$out/build.before"
	go vet ./... >/dev/null 2>"$out/vet.before"

	# The fresh flag value defeats go vet's result cache.
	go vet -vettool="$bin" -json -printf.funcs="fixcheck$RANDOM" ./... >"$out/findings.json" 2>/dev/null
	# Per analyzer: findings with a fix. "file analyzer" lines go to fixed.
	jq -rs --arg dir "$dir/" '[.[] | objects | to_entries[] | .value | to_entries[] | .key as $a | .value | arrays | .[]
		| select((.suggested_fixes // []) | length > 0)
		| {a: $a, f: (.posn | sub(":[0-9]+:[0-9]+$"; "") | ltrimstr($dir))}]
		| unique | .[] | "\(.f) \(.a)"' "$out/findings.json" 2>/dev/null | sort -u >"$out/fixed"
	# A finding of a package's non-test files appears for its test variant too.
	nfixes=$(jq -rs '[.[] | objects | to_entries[] | .value | to_entries[] | .key as $a | .value | arrays | .[]
		| select((.suggested_fixes // []) | length > 0) | {a: $a, p: .posn}] | unique | length' "$out/findings.json" 2>/dev/null)
	byanalyzer=$(jq -rs '[.[] | objects | to_entries[] | .value | to_entries[] | .key as $a | .value | arrays | .[]
		| select((.suggested_fixes // []) | length > 0) | {a: $a, p: .posn}] | unique | group_by(.a)
		| map("\(.[0].a)=\(length)") | join(" ")' "$out/findings.json" 2>/dev/null)

	fixes
	git diff --name-only >"$out/changed"
	nfiles=$(wc -l <"$out/changed")
	# Packages touched: those whose directory holds a changed file.
	touched=$(sed 's|^|./|; s|/[^/]*$||' "$out/changed" | sort -u)
	if [ -n "$touched" ]; then
		# shellcheck disable=SC2086
		go list -e $touched 2>/dev/null | sort -u >"$out/touched"
	else
		: >"$out/touched"
	fi
	ntouched=$(wc -l <"$out/touched")

	# Tests of the touched packages, before (fixes stashed) and after.
	if [ "$ntouched" -gt 0 ]; then
		git stash -q
		go test -count=1 -short $(cat "$out/touched") >"$out/test.before" 2>&1
		git stash pop -q
		go test -count=1 -short $(cat "$out/touched") >"$out/test.after" 2>&1
	else
		: >"$out/test.before"
		: >"$out/test.after"
	fi
	go build ./... >/dev/null 2>"$out/build.after"
	go vet ./... >/dev/null 2>"$out/vet.after"

	# Second pass: must change nothing.
	git add -A && git commit -q --allow-empty -m fixed >/dev/null
	fixes
	git diff --stat >"$out/second"

	bb=$(failing "$out/build.before" | wc -l)
	ba=$(failing "$out/build.after" | wc -l)
	vb=$(failing "$out/vet.before" | wc -l)
	va=$(failing "$out/vet.after" | wc -l)
	tests "$out/test.before" >"$out/tb"
	tests "$out/test.after" >"$out/ta"
	tb=$(grep -c ' ok$' "$out/tb")
	ta=$(grep -c ' ok$' "$out/ta")
	nt=$(grep -c ' notest$' "$out/ta")
	echo "== $m"
	echo "fixes applied: ${nfixes:-0} (${byanalyzer:-none}); files changed: $nfiles; packages touched: $ntouched"
	echo "build: $((npkgs - bb))/$npkgs packages pass before, $((npkgs - ba)) after"
	echo "vet:   $((npkgs - vb))/$npkgs packages pass before, $((npkgs - va)) after"
	echo "tests of touched packages: $tb/$ntouched ok before, $ta after ($nt without test files)"
	regress=$( {
		comm -13 <(failing "$out/build.before") <(failing "$out/build.after") | sed 's/^/build /'
		comm -13 <(failing "$out/vet.before") <(failing "$out/vet.after") | sed 's/^/vet /'
		join <(sed -n 's/ ok$//p' "$out/tb") <(grep -v ' ok$' "$out/ta") | sed 's/^\([^ ]*\) \(.*\)/test \1 (\2)/'
	})
	if [ -n "$regress" ]; then
		status=1
		echo "REGRESSIONS:"
		while read -r kind pkg rest; do
			pkgdir=$(go list -e -f '{{.Dir}}' "$pkg" 2>/dev/null | sed "s|^$dir/||; s|^$dir\$|.|")
			who=$(awk -v d="$pkgdir" '{g=$1; sub(/\/[^\/]*$/, "", g); if (g == $1) g = "."; if (g == d) print $2 " " $1}' "$out/fixed" | sort -u | paste -sd, -)
			echo "  $kind $pkg $rest: fixes there: ${who:-none}"
			if [ "$kind" = test ]; then
				grep -E '^(--- FAIL|panic:|FAIL)|_test.go:[0-9]+:' "$out/test.after" | head -20 | sed 's/^/    /'
			else
				awk -v h="# $pkg" '$0 == h {p = 1; next} /^# / {p = 0} p' "$out/$kind.after" | head -20 | sed 's/^/    /'
			fi
		done <<<"$regress"
	fi
	if [ -s "$out/second" ]; then
		status=1
		echo "SECOND -fix CHANGED:"
		sed 's/^/  /' "$out/second"
	else
		echo "second -fix: no change"
	fi
	cd "$work" || exit 2
done
exit $status
