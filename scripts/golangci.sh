#!/usr/bin/env bash
# golangci.sh: build a golangci-lint with gohazard's module plugin the way
# users do (golangci-lint custom, with examples/golangci/.custom-gcl.yml),
# run it on testdata/golangci and compare its findings with
# testdata/golangci/want.txt (-update rewrites it).
#
# golangci-lint custom clones golangci-lint with git, which cannot reach
# GitHub here: the script builds golangci-lint from the module proxy, makes
# a local git repository of the same source, tagged as the release, and
# points git at it with GIT_CONFIG_* insteadOf. Everything else comes from
# the module proxy. The work is kept in $GOHAZARD_CACHE (default
# ~/.cache/gohazard) so that later runs only rebuild what changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^version: *//p' "$root/examples/golangci/.custom-gcl.yml")
cache=${GOHAZARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gohazard}/golangci-lint-$version
mkdir -p "$cache"
# go commands below run outside this module, with its flags.
export GOFLAGS=-mod=mod GOWORK=off

# 1. golangci-lint itself, from the module proxy.
if [ ! -x "$cache/bin/golangci-lint" ]; then
	echo "golangci.sh: building golangci-lint $version from the module proxy"
	GOBIN="$cache/bin" go install "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$version"
fi

# 2. A local git repository of the release's source, tagged $version.
if [ ! -d "$cache/repo/.git" ]; then
	src=$(cd "$cache" && go mod download -json "github.com/golangci/golangci-lint/v2@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	[ -d "$src" ] || { echo "golangci.sh: golangci-lint $version source not found" >&2; exit 1; }
	rm -rf "$cache/repo.tmp"
	cp -r "$src" "$cache/repo.tmp"
	chmod -R u+w "$cache/repo.tmp"
	git -C "$cache/repo.tmp" init -q
	git -C "$cache/repo.tmp" add -A
	git -C "$cache/repo.tmp" -c user.name=gohazard -c user.email=gohazard@localhost commit -qm "golangci-lint $version from the module proxy"
	git -C "$cache/repo.tmp" tag "$version"
	mv "$cache/repo.tmp" "$cache/repo"
fi
export GIT_CONFIG_COUNT=1
export GIT_CONFIG_KEY_0="url.file://$cache/repo.insteadOf"
export GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git

# 3. golangci-lint custom, with the users' .custom-gcl.yml but gohazard
# taken from this checkout instead of a published version.
build="$cache/build"
rm -rf "$build"
mkdir -p "$build"
sed "s|^\( *\)version: latest$|\1path: $root|" "$root/examples/golangci/.custom-gcl.yml" >"$build/.custom-gcl.yml"
grep -q "path: $root" "$build/.custom-gcl.yml" || { echo "golangci.sh: examples/golangci/.custom-gcl.yml has no plugin version line to replace" >&2; exit 1; }
(cd "$build" && "$cache/bin/golangci-lint" custom)

# 4. Run it on the testdata module and compare. golangci-lint's result
# cache does not know the plugin changed: give each build its own.
export GOLANGCI_LINT_CACHE="$build/lint-cache"
mod="$root/testdata/golangci"
status=0
got=$(cd "$mod" && "$build/custom-gcl" run --output.text.path=stdout --output.text.print-issued-lines=false --show-stats=false ./...) || status=$?
if [ "$status" -ne 1 ]; then
	echo "golangci.sh: custom-gcl run exited $status, want 1 (issues found)" >&2
	echo "$got" >&2
	exit 1
fi
if [ "${1:-}" = "-update" ]; then
	printf '%s\n' "$got" >"$mod/want.txt"
	exit 0
fi
if ! diff -u "$mod/want.txt" <(printf '%s\n' "$got"); then
	echo "golangci.sh: findings differ from testdata/golangci/want.txt" >&2
	exit 1
fi

# 5. A misspelt setting is rejected with a clear message.
sed 's/enable: \[/enabled: [/' "$mod/.golangci.yml" >"$build/bad.yml"
if out=$(cd "$mod" && "$build/custom-gcl" run -c "$build/bad.yml" ./... 2>&1) || ! grep -q 'gohazard settings: decoding settings: json: unknown field "enabled"' <<<"$out"; then
	echo "golangci.sh: a misspelt setting was not rejected clearly:" >&2
	echo "$out" >&2
	exit 1
fi
echo "golangci.sh: custom golangci-lint $version with the gohazard plugin: $(grep -c . "$mod/want.txt") findings as expected, bad settings rejected"
