#!/usr/bin/env bash
# matchday set-up on Debian 12: installs what is missing, builds, then
#   bash setup.sh        runs `matchday standings examples/groupA.csv`
#   bash setup.sh test   runs the whole test suite (what CI runs)
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-run}

packages=(g++ cmake make pkgconf libcli11-dev libfmt-dev doctest-dev nlohmann-json3-dev libxlsxwriter-dev unzip)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

jobs=$(nproc 2>/dev/null || echo 2)
werror=OFF
[ -n "${CI:-}" ] && werror=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMATCHDAY_WERROR=$werror >&2
cmake --build build -j"$jobs" >&2

case "$mode" in
  run)
    build/matchday standings examples/groupA.csv
    ;;
  test)
    ctest --test-dir build --output-on-failure -j"$jobs"
    ;;
  *)
    echo "usage: bash setup.sh [run|test]" >&2
    exit 2
    ;;
esac
