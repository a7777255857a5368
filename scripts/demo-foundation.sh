#!/bin/sh
# The foundation demo, run inside tests/integration/with-pcscd.sh (which gives
# it a private pcscd with the vpcd reader on CARDLINK_VPCD_PORT):
# inserts cardlink-cardsim with the demo card, then shows with cardlink-cli
# what a terminal sees: the readers, the decoded ATR and the answer to a SELECT.
#   demo-foundation.sh BUILD_DIR [PROFILE]
set -eu
build=$1
profile=${2:-resources/cards/iso-demo-t0.json}
cli="$build/app/cli/cardlink-cli"
cardsim="$build/app/cardsim/cardlink-cardsim"
log=$(mktemp)
cardsim_pid=""

stop() {
    if [ -n "$cardsim_pid" ]; then
        kill -TERM "$cardsim_pid" 2>/dev/null || true
        wait "$cardsim_pid" 2>/dev/null || true
    fi
    rm -f "$log"
}
trap stop EXIT

"$cardsim" --port "$CARDLINK_VPCD_PORT" --profile "$profile" >"$log" 2>&1 &
cardsim_pid=$!
i=0
until grep -q 'cardsim: inserted' "$log"; do
    if ! kill -0 "$cardsim_pid" 2>/dev/null || [ $i -ge 100 ]; then
        echo "demo: the simulated card did not come up:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.1
    i=$((i + 1))
done

section() { printf '\n== %s ==\n' "$1"; }

# pcscd polls vpcd about every 400 ms: wait until it reports the card.
i=0
until "$cli" readers 2>/dev/null | grep -q '^0: .*(card'; do
    if [ $i -ge 50 ]; then
        echo "demo: pcscd did not report the card within 5 s" >&2
        "$cli" readers >&2 || true
        exit 1
    fi
    sleep 0.1
    i=$((i + 1))
done

section "cardlink-cli readers"
"$cli" readers
section "cardlink-cli atr"
"$cli" atr
section "cardlink-cli apdu 00A4040008F0434C44454D4F0100 --trace  (SELECT the demo DF by name)"
"$cli" apdu 00A4040008F0434C44454D4F0100 --trace
