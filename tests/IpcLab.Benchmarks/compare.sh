#!/usr/bin/env bash
# The kernel step benchmarks of an older commit and of this tree, one after the other in one run
# on the same machine, and their two summary tables together at the end: how a change moved the
# steps per second. BASE is the older commit, FILTER the benchmarks (BenchmarkDotNet's --filter).
set -euo pipefail
dotnet=${DOTNET:-dotnet}
base=${BASE:?name the older commit: BASE=<commit>}
filter=${FILTER:-*KernelStep*}
work=$(mktemp -d)
cleanup() {
    if [ -d "$work/base" ]; then git worktree remove --force "$work/base"; fi
    rm -rf "$work"
}
trap cleanup EXIT

git worktree add --detach "$work/base" "$base" >/dev/null
echo "== $base ($(git log -1 --format=%cs "$base"))"
(cd "$work/base" && "$dotnet" run --project tests/IpcLab.Benchmarks -c Release -- --filter "$filter") | tee "$work/base.txt"
echo "== this tree ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ', with changes'))"
"$dotnet" run --project tests/IpcLab.Benchmarks -c Release -- --filter "$filter" | tee "$work/head.txt"

echo
echo "== summary: $base"
grep '^|' "$work/base.txt"
echo
echo "== summary: this tree"
grep '^|' "$work/head.txt"
