#!/bin/sh
# The foundation demo, run inside tests/integration/with-pcscd.sh: with the
# demo card inserted (scripts/with-cardsim.sh), cardlink-cli shows what a
# terminal sees: the readers, the decoded ATR and the answer to a SELECT.
#   demo-foundation.sh BUILD_DIR [PROFILE]
set -eu
build=$1
profile=${2:-resources/cards/iso-demo-t0.json}

if [ "${CARDLINK_DEMO_INNER:-}" != 1 ]; then
    export CARDLINK_DEMO_INNER=1
    exec "$(dirname "$0")/with-cardsim.sh" "$build" "$profile" -- "$0" "$build" "$profile"
fi

cli="$build/app/cli/cardlink-cli"
section() { printf '\n== %s ==\n' "$1"; }
section "cardlink-cli readers"
"$cli" readers
section "cardlink-cli atr"
"$cli" atr
section "cardlink-cli apdu 00A4040008F0434C44454D4F0100 --trace  (SELECT the demo DF by name)"
"$cli" apdu 00A4040008F0434C44454D4F0100 --trace
