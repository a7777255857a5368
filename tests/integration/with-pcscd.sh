#!/bin/sh
# Runs COMMAND against a private pcscd with a vpcd virtual reader pair.
#
#   with-pcscd.sh [--no-pcscd] PORT -- COMMAND [ARGS...]
#
# pcscd's socket path (/run/pcscd/pcscd.comm) is compiled in, so one pcscd per
# mount namespace. This script re-runs itself in new mount and PID namespaces
# (unshare -m as root, unshare -rm otherwise) with a tmpfs on /run/pcscd, so
# neither a system pcscd nor the other tests (ctest -j) are disturbed:
# - a reader.conf for vpcd with DEVICENAME /dev/null:PORT, giving the readers
#   "Virtual PCD 00 00" (card side on TCP PORT) and "Virtual PCD 00 01"
#   (PORT + 1); PORT must be unique per test (TCP is not namespaced),
# - pcscd -f -c <that dir>, logging to a file shown when COMMAND fails,
# - waits for pcscd's socket, runs COMMAND, stops pcscd by its PID.
# If this script is killed, the PID namespace dies with it and the kernel
# kills everything inside (pcscd, the card simulator, the test).
#
# --no-pcscd: the same namespace and reader.conf, but pcscd is not started
# (for tests of "pcscd is not running" that may start it themselves).
#
# COMMAND sees: CARDLINK_VPCD_PORT (PORT), CARDLINK_PCSC_CONF_DIR (the
# reader.conf dir), CARDLINK_PCSCD_LOG (pcscd's log file).
set -eu

usage() {
    echo "usage: with-pcscd.sh [--no-pcscd] PORT -- COMMAND [ARGS...]" >&2
    exit 2
}

# Re-run inside the namespaces, where this shell is PID 1.
if [ "$$" -ne 1 ] || [ -z "${CARDLINK_PCSC_NAMESPACE:-}" ]; then
    export CARDLINK_PCSC_NAMESPACE=1
    if [ "$(id -u)" -eq 0 ]; then
        ns="-m"
    else
        ns="-r -m"
    fi
    # --fork --pid: this script becomes PID 1 of a new PID namespace;
    # --kill-child: if unshare dies, so does PID 1, and with it the namespace.
    # shellcheck disable=SC2086
    exec unshare $ns --propagation private --fork --pid --mount-proc --kill-child \
        /bin/sh "$0" "$@"
fi

start_pcscd=1
if [ "${1:-}" = "--no-pcscd" ]; then
    start_pcscd=0
    shift
fi
[ $# -ge 3 ] || usage
port=$1
[ "$2" = "--" ] || usage
case $port in
    ''|*[!0-9]*) usage ;;
esac
[ "$port" -ge 1024 ] && [ "$port" -le 65534 ] || usage
shift 2

# --- inside the namespaces ---
pcscd_pid=""
status=0

cleanup() {
    if [ -n "$pcscd_pid" ] && kill -0 "$pcscd_pid" 2>/dev/null; then
        kill -TERM "$pcscd_pid" 2>/dev/null || true
        # pcscd exits within a second of SIGTERM; do not wait forever.
        i=0
        while kill -0 "$pcscd_pid" 2>/dev/null && [ $i -lt 50 ]; do
            sleep 0.05
            i=$((i + 1))
        done
        kill -KILL "$pcscd_pid" 2>/dev/null || true
        wait "$pcscd_pid" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ] && [ -s "$CARDLINK_PCSCD_LOG" ]; then
        echo "--- pcscd log (last 40 lines) ---" >&2
        tail -n 40 "$CARDLINK_PCSCD_LOG" >&2
    fi
}
trap 'status=$?; cleanup; exit $status' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# /run/pcscd is where pcscd puts its socket; a private tmpfs over it hides
# the system's. If it does not exist and cannot be made (not root), cover
# /run itself (private to this namespace) and make it there.
if [ ! -d /run/pcscd ] && ! mkdir -p /run/pcscd 2>/dev/null; then
    mount -t tmpfs -o mode=0755 tmpfs /run
    mkdir -p /run/pcscd
fi
mount -t tmpfs -o mode=0755 tmpfs /run/pcscd

# reader.conf and log live in the same tmpfs: gone with the namespace.
confdir=/run/pcscd/cardlink-reader.conf.d
mkdir -p "$confdir"
hexport=$(printf '0x%04X' "$port")
cat >"$confdir/vpcd" <<CONF
FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:$hexport
LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so
CHANNELID    $hexport
CONF

export CARDLINK_VPCD_PORT="$port"
export CARDLINK_PCSC_CONF_DIR="$confdir"
export CARDLINK_PCSCD_LOG=/run/pcscd/cardlink-pcscd.log
: >"$CARDLINK_PCSCD_LOG"

if [ "$start_pcscd" -eq 1 ]; then
    pcscd -f -c "$confdir" >"$CARDLINK_PCSCD_LOG" 2>&1 &
    pcscd_pid=$!
    # The socket appears about 12 ms after start; allow 5 s on a busy machine.
    i=0
    while [ ! -S /run/pcscd/pcscd.comm ]; do
        if ! kill -0 "$pcscd_pid" 2>/dev/null; then
            echo "with-pcscd.sh: pcscd exited at start" >&2
            exit 1
        fi
        if [ $i -ge 500 ]; then
            echo "with-pcscd.sh: pcscd's socket did not appear within 5 s" >&2
            exit 1
        fi
        sleep 0.01
        i=$((i + 1))
    done
fi

# Not exec: this shell must outlive COMMAND to stop pcscd.
set +e
"$@"
status=$?
set -e
exit $status
