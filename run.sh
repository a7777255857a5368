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

exec tests/integration/with-pcscd.sh 35963 -- scripts/demo-foundation.sh build/dev
