#!/usr/bin/env bash
# The whole test suite, from a clean checkout:
#   1. install missing Debian packages (apt-get; sudo when not root)
#   2. formatting check (fails fast, rewrites nothing)
#   3. preset fuzz (clang): the core and its unit tests under AddressSanitizer +
#      UBSan, then every libFuzzer harness for a fixed number of runs
#   4. preset ci: the full build with warnings as errors, the benchmarks (which
#      print their figures: median, p99, machine; bench_host from the optimised
#      preset bench), and the whole ctest suite,
#      including the integration tests, each of which starts its own pcscd, vpcd
#      reader and cardlink-cardsim (and the host, where it needs one) and stops
#      them by PID.
# Environment: CARDLINK_FUZZ_RUNS (default 50000) per harness; CARDLINK_SKIP_FUZZ=1
# skips step 3 for a quicker local run (CI never sets it).
set -euo pipefail
cd "$(dirname "$0")"

started=$SECONDS
# Each step prints the wall time so far and the CPU time (user + system, in
# seconds) of all the processes test.sh has run and waited for so far
# (cutime + cstime of /proc/<pid>/stat, in clock ticks).
cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d", ($14 + $15) / hz }' "/proc/$$/stat"
}
step() { printf '\n=== %s (at %ds, CPU %ss) ===\n' "$*" $((SECONDS - started)) "$(cpu_seconds)"; }

step "dependencies"
scripts/install-deps.sh

jobs=$(nproc)

step "format check"
scripts/check-format.sh

if [ "${CARDLINK_SKIP_FUZZ:-0}" != "1" ]; then
    step "fuzz preset: core unit tests under AddressSanitizer + UBSan (clang)"
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz -j"$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --preset fuzz -j"$jobs"

    step "fuzz: libFuzzer harnesses"
    scripts/run-fuzzers.sh "${CARDLINK_FUZZ_RUNS:-50000}"
fi

step "ci: full build (warnings are errors)"
cmake --preset ci >/dev/null
cmake --build --preset ci -j"$jobs"

step "packages"
scripts/check-packages.sh build/ci

step "benchmarks"
scripts/bench-apdu.sh build/ci
scripts/bench-emv.sh build/ci
# The host's throughput is measured on an optimised build (preset bench,
# RelWithDebInfo: only cardlink-host, bench_host and what they link).
bench_started=$SECONDS
cmake --preset bench >/dev/null
cmake --build --preset bench -j"$jobs"
echo "bench preset built in $((SECONDS - bench_started)) s"
# The host answers only after fdatasync: let the kernel write the builds'
# dirty pages back first, or that writeback is what the benchmark measures.
sync
build/bench/tests/bench/bench_host
build/ci/tests/bench/bench_terminal

step "ci: the whole suite"
# Logs, traces, journals, receipts and bundles of the tests go here (tests/README.md).
export CARDLINK_TEST_OUTPUT_DIR="$PWD/build/ci/test-output"
rm -rf "$CARDLINK_TEST_OUTPUT_DIR"
mkdir -p "$CARDLINK_TEST_OUTPUT_DIR"
ctest --preset ci -j"$jobs"

step "secret scan"
scripts/scan-secrets.sh --pin 1234 build/ci/test-output

step "done"
