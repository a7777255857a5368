#!/usr/bin/env bash
# The whole test suite, from a clean checkout:
#   1. install missing Debian packages (apt-get; sudo when not root)
#   2. core + its tests under AddressSanitizer/UBSan (preset asan)
#   3. every fuzz harness built with libFuzzer and run briefly (preset fuzz)
#   4. formatting check
#   5. the full build with warnings as errors (preset ci), and the benchmarks,
#      which print their figures (median, p99, machine),
#   6. the whole ctest suite (preset ci),
#      including the integration tests, each of which starts its own pcscd, vpcd
#      reader and cardlink-cardsim and stops them by PID.
# Environment: CARDLINK_FUZZ_SECONDS (default 10) per harness; CARDLINK_SKIP_FUZZ=1
# skips step 3 for a quicker local run (CI never sets it).
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n=== %s ===\n' "$*"; }

step "dependencies"
scripts/install-deps.sh

jobs=$(nproc)

step "asan: core and its tests under AddressSanitizer + UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --preset asan -j"$jobs"

if [ "${CARDLINK_SKIP_FUZZ:-0}" != "1" ]; then
    step "fuzz: libFuzzer harnesses"
    scripts/run-fuzzers.sh "${CARDLINK_FUZZ_SECONDS:-10}"
fi

step "format check"
scripts/check-format.sh

step "ci: full build (warnings are errors)"
cmake --preset ci >/dev/null
cmake --build --preset ci -j"$jobs"

step "benchmarks"
scripts/bench-apdu.sh build/ci

step "ci: the whole suite"
ctest --preset ci -j"$jobs"
