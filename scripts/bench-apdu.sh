#!/bin/sh
# Prints the APDU round-trip figures through the real stack: a private pcscd
# with vpcd, cardlink-cardsim with the demo card (T=0 by default).
#   bench-apdu.sh BUILD_DIR [PROFILE] [COUNT]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build/dev}
profile=${2:-resources/cards/iso-demo-t0.json}
count=${3:-2000}
exec tests/integration/with-pcscd.sh 35950 -- \
    scripts/with-cardsim.sh "$build" "$profile" -- "$build/tests/bench/bench_apdu" "Virtual PCD 00 00" "$count"
