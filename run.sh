#!/usr/bin/env bash
# Installs missing Debian packages, builds, and starts the demo:
# its own pcscd with the vpcd virtual reader (in a private mount namespace, so
# a system pcscd is untouched), cardlink-cardsim inserted with the demo card,
# and cardlink-cli showing the reader, the decoded ATR and a SELECT.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"

# Port 35970, not vpcd's default 35963, so a system pcscd with vpcd does not clash.
exec tests/integration/with-pcscd.sh 35970 -- scripts/demo-foundation.sh build/dev
