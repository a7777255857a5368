#!/usr/bin/env bash
# Fails when a C++ file is not formatted as .clang-format says; never rewrites.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
[ ${#files[@]} -gt 0 ] || exit 0
if ! clang-format --dry-run -Werror "${files[@]}" 2>/tmp/cardlink-format.log; then
    grep -o '^[^:]*\.\(cpp\|h\)' /tmp/cardlink-format.log | sort -u | sed 's/^/not formatted: /'
    echo "run: clang-format -i <files>  (or: cmake --build build/dev --target format)"
    exit 1
fi
echo "format: ${#files[@]} files ok"
