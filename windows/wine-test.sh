#!/usr/bin/env bash
# Runs the Windows build's tests under Wine, as zlib-ng and dav1d test their
# MinGW builds: the test programs are started by Wine, here through CMake's
# CMAKE_CROSSCOMPILING_EMULATOR (the unit test binary) and tests/golden/run.sh
# (the golden cases, with matchday.exe, standings.exe and eligibility.exe).
#   windows/wine-test.sh BUILD_DIR      (windows/build.sh test runs it)
# Works in a fresh CI run as root with no display: a Wine prefix of its own
# made without questions (no Mono or Gecko to install), WINEDEBUG=-all.
set -euo pipefail
build=$(realpath "${1:-build-win}")
wine=$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)
wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver)
export WINEDEBUG=-all
export WINEPREFIX=${MATCHDAY_WINEPREFIX:-$build/wineprefix}
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
export MATCHDAY_WINE=$wine
unset DISPLAY WAYLAND_DISPLAY
jobs=$(nproc 2>/dev/null || echo 2)
start=$(date +%s)
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  echo "wine-test: making the Wine prefix $WINEPREFIX" >&2
  "$wine" wineboot --init >/dev/null 2>&1 || true
  "$wineserver" -w
fi
# One wineserver for all the tests (not one started and stopped per program).
"$wineserver" -p 60
trap '"$wineserver" -k 2>/dev/null || true' EXIT
status=0
ctest --test-dir "$build" --output-on-failure -j"$jobs" || status=$?
echo "wine-test: $(($(date +%s) - start)) s under Wine" >&2
exit $status
