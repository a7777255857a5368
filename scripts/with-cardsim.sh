#!/bin/sh
# Inside tests/integration/with-pcscd.sh: inserts cardlink-cardsim with PROFILE
# into the vpcd reader on CARDLINK_VPCD_PORT, waits until pcscd reports the
# card, runs COMMAND, then stops the card simulator by its PID.
#   with-cardsim.sh BUILD_DIR PROFILE -- COMMAND [ARGS...]
set -eu
build=$1
profile=$2
[ "$3" = "--" ] || { echo "usage: with-cardsim.sh BUILD_DIR PROFILE -- COMMAND..." >&2; exit 2; }
shift 3
cli="$build/app/cli/cardlink-cli"
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

"$build/app/cardsim/cardlink-cardsim" --port "$CARDLINK_VPCD_PORT" --profile "$profile" >"$log" 2>&1 &
cardsim_pid=$!
# pcscd polls vpcd about every 400 ms: wait until it reports the card.
i=0
until "$cli" readers 2>/dev/null | grep -q '^0: .*(card'; do
    if ! kill -0 "$cardsim_pid" 2>/dev/null || [ $i -ge 100 ]; then
        echo "with-cardsim.sh: the simulated card did not come up within 10 s" >&2
        cat "$log" >&2
        "$cli" readers >&2 || true
        exit 1
    fi
    sleep 0.1
    i=$((i + 1))
done

set +e
"$@"
status=$?
set -e
exit $status
