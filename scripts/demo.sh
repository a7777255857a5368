#!/bin/sh
# The terminal demo, run by ./run.sh inside tests/integration/with-pcscd.sh
# (its own pcscd with vpcd): on first run creates build/demo/ — a host
# (cardlink-host init), the merchant "CardLink Demo Shop", terminal DEMO0001
# with its bundle in build/demo/terminal/, a pin-online card with the demo
# PIN 1234 and a 1000.00 credit line, the terminal config with the cards' CA
# key next to it — then starts cardlink-host serve, cardlink-cardsim with the
# demo card, and the cardlink GUI on that bundle.
#   demo.sh BUILD_DIR [--check]
# --check (or CARDLINK_DEMO_CHECK=1): the GUI runs offscreen, saves its start
# screen to build/demo/start.png and exits.
set -eu
build=$1
check=${CARDLINK_DEMO_CHECK:-0}
[ "${2:-}" = "--check" ] && check=1

demo=build/demo
host="$build/app/host/cardlink-host"
tls_port=${CARDLINK_DEMO_TLS_PORT:-35980}

if [ ! -f "$demo/terminal/DEMO0001.json" ]; then
    echo "demo: creating $demo (host, merchant, terminal DEMO0001, card with PIN 1234)"
    rm -rf "$demo"
    mkdir -p "$demo/terminal" "$demo/config"
    "$host" init --dir "$demo/host" --tls-port "$tls_port" --dial-in-port 0 >/dev/null
    "$host" add-merchant --dir "$demo/host" --id MERCHANT0000001 --name "CardLink Demo Shop" \
        --currency 826 >/dev/null
    "$host" add-terminal --dir "$demo/host" --id DEMO0001 --merchant MERCHANT0000001 \
        --out "$demo/terminal/DEMO0001.json" >/dev/null
    # No --pin-stdin: the host's demo PIN 1234. GBP like the terminal config.
    "$host" issue-card --dir "$demo/host" --kind pin-online --currency 826 --limit 1000.00 \
        --out "$demo/cards" >/dev/null
    cp resources/terminal/terminal-demo.json "$demo/config/terminal.json"
    cp "$demo/cards/ca-keys.json" "$demo/config/ca-keys.json"
fi

pids=""
cleanup() {
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
    for pid in $pids; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

rm -f "$demo/host.port"
"$host" serve --dir "$demo/host" --port-file "$demo/host.port" 2>"$demo/host.log" &
pids="$pids $!"
i=0
while [ ! -s "$demo/host.port" ]; do
    i=$((i + 1))
    if [ "$i" -gt 100 ]; then
        echo "demo: cardlink-host did not start:" >&2
        cat "$demo/host.log" >&2
        exit 1
    fi
    sleep 0.1
done
echo "demo: cardlink-host serving TLS on 127.0.0.1:$(cut -d' ' -f1 "$demo/host.port")"

"$build/app/cardsim/cardlink-cardsim" --profile "$demo/cards/pin-online-1.json" \
    --port "$CARDLINK_VPCD_PORT" >"$demo/cardsim.log" 2>&1 &
pids="$pids $!"
echo "demo: card inserted (pin-online-1, PIN 1234, 1000.00 credit)"

export CARDLINK_TERMINAL_CONFIG="$PWD/$demo/config/terminal.json"
set -- "$build/app/terminal/cardlink" --bundle "$demo/terminal" \
    --settings "$demo/cardlink.ini" --journal "$demo/journal.db"
if [ "$check" = 1 ]; then
    QT_QPA_PLATFORM=offscreen "$@" --screenshot "$demo/start.png"
else
    echo "demo: starting cardlink; take a sale with Checkout, PIN 1234"
    "$@"
fi
