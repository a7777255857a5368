#!/usr/bin/env bash
# scripts/check-packages.sh BUILD_DIR
# Makes the Debian packages of a built tree (cpack in BUILD_DIR; nothing is
# rebuilt, so build first: cmake --build BUILD_DIR) into BUILD_DIR/packages and
# checks each one (CARDLINK_PACKAGE_DIR overrides the output directory):
#   cardlink        /usr/bin/cardlink, desktop file (Exec, Icon; validated when
#                   desktop-file-validate exists), SVG icon, Depends on Qt,
#                   pcsc-lite, pcscd and the QML modules the GUI imports
#   cardlink-host   binary, systemd unit (serve --config /etc/cardlink/host.conf,
#                   dedicated user, hardening; systemd-analyze verify and
#                   security), conffile host.conf (JSON), sysusers.d entry,
#                   maintainer scripts (sh -n), Depends; then, extracted, the
#                   shipped host.conf opens a host made by the extracted
#                   `cardlink-host init` and `serve` listens with it and stops
#                   on SIGTERM with exit 0
#   cardlink-tools  cardlink-cli, cardlink-cardsim, cardlink-personalize;
#                   extracted cardlink-cli --version prints the package version
# Exit status 0 when every check passes; each failure is printed.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1/CPackConfig.cmake" ]; then
    echo "usage: $0 BUILD_DIR   (a configured and built tree with CPackConfig.cmake)" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
out=${CARDLINK_PACKAGE_DIR:-$build/packages}
work=$(mktemp -d)
serve_pid=
cleanup() {
    if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

failures=0
ok() { printf '  ok    %s\n' "$*"; }
fail() {
    printf '  FAIL  %s\n' "$*"
    failures=$((failures + 1))
}
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi
}

rm -rf "$out"
(cd "$build" && cpack --config CPackConfig.cmake -B "$out") >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    echo "cpack failed" >&2
    exit 1
}

deb_of() { # the one .deb of package $1
    local found
    found=$(find "$out" -maxdepth 1 -name "$1_*.deb" | head -n 1)
    [ -n "$found" ] || return 1
    echo "$found"
}
has_file() { grep -qxF "$2" <<<"$(dpkg-deb -c "$1" | awk '{print $6}')"; }
has_exec() { # an executable, non-empty regular file
    dpkg-deb -c "$1" | awk -v f="$2" '$6 == f && $1 ~ /^-rwx/ && $3 > 0' | grep -q .
}
depends_on() { # depends_on DEB PACKAGE: PACKAGE named in Depends
    dpkg-deb -f "$1" Depends | tr ',|' '\n' | sed 's/^ *//; s/ .*//' | grep -qxF "$2"
}
extract() { # extract DEB DIR
    mkdir -p "$2"
    dpkg-deb -x "$1" "$2"
}

# ---------------------------------------------------------------- cardlink
echo "cardlink (terminal)"
if deb=$(deb_of cardlink); then
    check "binary /usr/bin/cardlink (non-empty)" has_exec "$deb" ./usr/bin/cardlink
    check "desktop file" has_file "$deb" ./usr/share/applications/cardlink.desktop
    check "icon (hicolor scalable SVG)" has_file "$deb" ./usr/share/icons/hicolor/scalable/apps/cardlink.svg
    for dep in libqt6core6 libqt6gui6 libqt6qml6 libpcsclite1 libssl3 pcscd \
        qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts; do
        check "Depends: $dep" depends_on "$deb" "$dep"
    done
    t=$work/terminal
    extract "$deb" "$t"
    desktop=$t/usr/share/applications/cardlink.desktop
    check "desktop Exec=cardlink" grep -qx 'Exec=cardlink' "$desktop"
    check "desktop Icon=cardlink" grep -qx 'Icon=cardlink' "$desktop"
    if command -v desktop-file-validate >/dev/null; then
        check "desktop-file-validate" desktop-file-validate "$desktop"
    fi
    check "icon is an SVG document" grep -q '<svg ' "$t/usr/share/icons/hicolor/scalable/apps/cardlink.svg"
    if command -v xmllint >/dev/null; then
        check "icon is well-formed XML" xmllint --noout "$t/usr/share/icons/hicolor/scalable/apps/cardlink.svg"
    fi
else
    fail "no cardlink_*.deb in $out"
fi

# ----------------------------------------------------------- cardlink-host
echo "cardlink-host"
if deb=$(deb_of cardlink-host); then
    check "binary /usr/bin/cardlink-host" has_exec "$deb" ./usr/bin/cardlink-host
    check "systemd unit" has_file "$deb" ./lib/systemd/system/cardlink-host.service
    check "default config /etc/cardlink/host.conf" has_file "$deb" ./etc/cardlink/host.conf
    check "sysusers.d entry" has_file "$deb" ./usr/lib/sysusers.d/cardlink-host.conf
    for dep in libqt6core6 libqt6network6 libsqlite3-0 libssl3; do
        check "Depends: $dep" depends_on "$deb" "$dep"
    done
    ctl=$work/host-control
    dpkg-deb -e "$deb" "$ctl"
    check "conffiles lists /etc/cardlink/host.conf" grep -qx /etc/cardlink/host.conf "$ctl/conffiles"
    for script in postinst prerm postrm; do
        if [ -x "$ctl/$script" ]; then
            check "$script: executable, sh -n clean" sh -n "$ctl/$script"
        else
            fail "$script missing or not executable"
        fi
    done
    check "postinst makes the service user" grep -q 'systemd-sysusers cardlink-host.conf' "$ctl/postinst"

    h=$work/host
    extract "$deb" "$h"
    unit=$h/lib/systemd/system/cardlink-host.service
    check "ExecStart serve --config /etc/cardlink/host.conf" \
        grep -qx 'ExecStart=/usr/bin/cardlink-host serve --config /etc/cardlink/host.conf' "$unit"
    for line in User=cardlink-host Group=cardlink-host ProtectSystem=strict \
        StateDirectory=cardlink-host NoNewPrivileges=yes ProtectHome=yes PrivateTmp=yes \
        PrivateDevices=yes CapabilityBoundingSet=; do
        check "unit $line" grep -qx "$line" "$unit"
    done
    if command -v systemd-analyze >/dev/null; then
        # The unit as shipped, but with ExecStart on the extracted binary.
        sed "s|/usr/bin/cardlink-host|$h/usr/bin/cardlink-host|" "$unit" >"$work/cardlink-host.service"
        check "systemd-analyze verify" systemd-analyze verify --man=no "$work/cardlink-host.service"
        exposure=$(systemd-analyze security --offline=yes "$work/cardlink-host.service" 2>/dev/null |
            sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
        echo "        systemd-analyze security exposure: ${exposure:-?} (0 safe .. 10 exposed)"
        check "exposure below 3.0" awk -v e="${exposure:-99}" 'BEGIN { exit !(e < 3.0) }'
    fi
    check "host.conf is JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$h/etc/cardlink/host.conf"

    # The shipped config against a host made by the shipped binary, with
    # /var/lib/cardlink-host moved into the scratch directory and free ports.
    state=$work/state
    if "$h/usr/bin/cardlink-host" init --dir "$state" >"$work/init.log" 2>&1; then
        sed -e "s|/var/lib/cardlink-host|$state|g" -e 's/"port": [0-9]*/"port": 0/g' \
            "$h/etc/cardlink/host.conf" >"$work/host.conf"
        check "host.conf opens an initialised host (report --config)" \
            "$h/usr/bin/cardlink-host" report --config "$work/host.conf"
        "$h/usr/bin/cardlink-host" serve --config "$work/host.conf" --port-file "$work/ports" \
            >"$work/serve.log" 2>&1 &
        serve_pid=$!
        for _ in $(seq 100); do
            [ -s "$work/ports" ] || ! kill -0 "$serve_pid" 2>/dev/null && break
            sleep 0.1
        done
        if [ -s "$work/ports" ]; then
            ok "serve --config host.conf listens (ports $(cat "$work/ports"))"
            kill -TERM "$serve_pid"
            if wait "$serve_pid"; then ok "serve stops on SIGTERM with 0"; else fail "serve exit status $? after SIGTERM"; fi
        else
            fail "serve --config host.conf did not listen: $(tail -n 3 "$work/serve.log")"
            kill "$serve_pid" 2>/dev/null || true
            wait "$serve_pid" 2>/dev/null || true
        fi
        serve_pid=
    else
        fail "extracted cardlink-host init: $(tail -n 3 "$work/init.log")"
    fi
else
    fail "no cardlink-host_*.deb in $out"
fi

# ---------------------------------------------------------- cardlink-tools
echo "cardlink-tools"
if deb=$(deb_of cardlink-tools); then
    for tool in cardlink-cli cardlink-cardsim cardlink-personalize; do
        check "binary /usr/bin/$tool" has_exec "$deb" "./usr/bin/$tool"
    done
    for dep in libqt6core6 libpcsclite1 libssl3; do
        check "Depends: $dep" depends_on "$deb" "$dep"
    done
    t=$work/tools
    extract "$deb" "$t"
    version=$(dpkg-deb -f "$deb" Version)
    printed=$("$t/usr/bin/cardlink-cli" --version 2>&1 || true)
    if [ "$printed" = "cardlink-cli ${version%-*}" ]; then
        ok "extracted cardlink-cli --version: $printed"
    else
        fail "extracted cardlink-cli --version printed '$printed', want 'cardlink-cli ${version%-*}'"
    fi
    check "extracted cardlink-personalize --help" "$t/usr/bin/cardlink-personalize" --help
    check "extracted cardlink-cardsim --help" "$t/usr/bin/cardlink-cardsim" --help
else
    fail "no cardlink-tools_*.deb in $out"
fi

echo
ls -l "$out"/*.deb
if [ "$failures" -ne 0 ]; then
    echo "check-packages: $failures check(s) failed" >&2
    exit 1
fi
echo "check-packages: all checks passed"
