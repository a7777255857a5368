#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (preset fuzz) and runs each for
# SECONDS (default 20) on a scratch copy of its seed corpus. Any crash, leak or
# sanitizer report fails the run and leaves the reproducer in build/fuzz/findings.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"

findings=build/fuzz/findings
mkdir -p "$findings"
failed=0
count=0
for harness in build/fuzz/tests/fuzz/fuzz_*; do
    [ -x "$harness" ] || continue
    name=$(basename "$harness")
    seeds="tests/fuzz/corpus/$name"
    work="build/fuzz/corpus/$name"
    rm -rf "$work" && mkdir -p "$work"
    [ -d "$seeds" ] && cp -r "$seeds"/. "$work"/
    if "$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/$name-" -print_final_stats=1 "$work" \
        >"build/fuzz/$name.log" 2>&1; then
        execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "build/fuzz/$name.log" | grep -o '[0-9]*$' || echo "?")
        printf 'fuzz %-22s ok   %s runs in %ss\n' "$name" "$execs" "$seconds"
    else
        printf 'fuzz %-22s FAILED (see build/fuzz/%s.log)\n' "$name" "$name"
        tail -n 30 "build/fuzz/$name.log"
        failed=$((failed + 1))
    fi
    count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "no fuzz harness was built"; exit 1; }
echo "fuzz: $count harnesses, $failed failed"
[ "$failed" -eq 0 ]
