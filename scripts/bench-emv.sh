#!/bin/sh
# Prints the figures of a whole EMV transaction through the real stack: fresh
# test cards from cardlink-personalize, a private pcscd with vpcd,
# cardlink-cardsim with the pin-plaintext card (DDA, offline plaintext PIN),
# the stub issuer online; COUNT transactions (default 200).
#   bench-emv.sh BUILD_DIR [COUNT]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build/dev}
count=${2:-200}
cards=$(mktemp -d)
trap 'rm -rf "$cards"' EXIT
"$build/app/personalize/cardlink-personalize" --out "$cards" --kind pin-plaintext >/dev/null
tests/integration/with-pcscd.sh 35954 -- \
    scripts/with-cardsim.sh "$build" "$cards/pin-plaintext-1.json" -- \
    "$build/tests/bench/bench_emv" "Virtual PCD 00 00" "$cards" "$count"
