#!/usr/bin/env bash
# Two commands: `./run.sh` installs missing Debian packages, builds, and
# starts the terminal demo (scripts/demo.sh) in its own pcscd with the vpcd
# virtual reader (a private mount namespace, so a system pcscd is untouched):
# a local cardlink-host over TLS, cardlink-cardsim with the demo card (PIN
# 1234) and the cardlink GUI on the demo terminal's bundle.
#   ./run.sh            the GUI demo
#   ./run.sh --check    headless: start screen to build/demo/start.png, exit 0
#                       (also CARDLINK_DEMO_CHECK=1)
#   ./run.sh --cli      the foundation demo: cardlink-cli readers, ATR, SELECT
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"

# Port 35970, not vpcd's default 35963, so a system pcscd with vpcd does not clash.
if [ "${1:-}" = "--cli" ]; then
    exec tests/integration/with-pcscd.sh 35970 -- scripts/demo-foundation.sh build/dev
fi
exec tests/integration/with-pcscd.sh 35970 -- scripts/demo.sh build/dev "$@"
