#!/usr/bin/env bash
# Runs every libFuzzer harness of build/fuzz (preset fuzz, clang) for a fixed
# number of iterations on a scratch copy of its seed corpus, two at a time.
#   run-fuzzers.sh [RUNS]        RUNS per harness, default 50000
# A harness that has not finished its runs after CARDLINK_FUZZ_MAX_SECONDS
# (default 60) stops there and says so. Any crash, leak, timeout or sanitizer
# report fails the run and leaves the reproducer in build/fuzz/findings.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50000}"
max_seconds="${CARDLINK_FUZZ_MAX_SECONDS:-60}"
findings=build/fuzz/findings
mkdir -p "$findings"

run_one() {
    local harness=$1 runs=$2 max_seconds=$3 findings=$4
    local name seeds work log execs secs
    name=$(basename "$harness")
    seeds="tests/fuzz/corpus/$name"
    work="build/fuzz/corpus/$name"
    log="build/fuzz/$name.log"
    rm -rf "$work" && mkdir -p "$work"
    [ -d "$seeds" ] && cp -r "$seeds"/. "$work"/
    if "$harness" -runs="$runs" -max_total_time="$max_seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/$name-" -print_final_stats=1 "$work" >"$log" 2>&1; then
        execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
        secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo "?")
        local note=""
        [ "$execs" != "?" ] && [ "$execs" -lt "$runs" ] && note=" (stopped at the ${max_seconds}s cap)"
        printf 'fuzz %-24s ok   %s runs in %ss%s\n' "$name" "$execs" "$secs" "$note"
    else
        printf 'fuzz %-24s FAILED (see %s)\n' "$name" "$log"
        tail -n 30 "$log"
        return 1
    fi
}
export -f run_one

mapfile -t harnesses < <(find build/fuzz/tests/fuzz -maxdepth 1 -name 'fuzz_*' -type f -executable | sort)
[ ${#harnesses[@]} -gt 0 ] || { echo "no fuzz harness was built (cmake --preset fuzz first)"; exit 1; }
if printf '%s\n' "${harnesses[@]}" |
    xargs -P "$(nproc)" -I{} bash -c 'run_one "$@"' _ {} "$runs" "$max_seconds" "$findings"; then
    echo "fuzz: ${#harnesses[@]} harnesses, $runs runs each, no findings"
else
    echo "fuzz: at least one of ${#harnesses[@]} harnesses failed"
    exit 1
fi
