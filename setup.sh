#!/usr/bin/env bash
# matchday set-up on Debian 12: installs what is missing, builds, then
#   bash setup.sh        runs `matchday standings examples/groupA.csv`
#   bash setup.sh test   runs the whole test suite (what CI runs)
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-run}

# zlib and rapidxml read .xlsx workbooks; FreeXL reads .xls (optional: without it they are refused).
packages=(g++ cmake make pkgconf libcli11-dev doctest-dev libxlsxwriter-dev libfmt-dev unzip zlib1g-dev librapidxml-dev libfreexl-dev)
# The tests also build the libFuzzer targets: clang and its fuzzer/sanitizer runtimes.
[ "$mode" = test ] && packages+=(clang libclang-rt-14-dev)
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
    # Every fuzz target for a short while over its committed seed corpus
    # (tests/fuzz/README.md; MATCHDAY_FUZZ_SECONDS sets how long each runs).
    cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DMATCHDAY_FUZZ=ON -DMATCHDAY_TESTS=OFF >&2
    cmake --build build-fuzz -j"$jobs" --target matchday_fuzz >&2
    bash tests/fuzz/run.sh build-fuzz "${MATCHDAY_FUZZ_SECONDS:-20}"
    # Last, the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer
    # (-O1: quick to build, still fast enough to run); its summary closes the run.
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
      -DMATCHDAY_SANITIZE=ON -DMATCHDAY_WERROR=$werror >&2
    cmake --build build-asan -j"$jobs" >&2
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --test-dir build-asan --output-on-failure -j"$jobs"
    ;;
  *)
    echo "usage: bash setup.sh [run|test]" >&2
    exit 2
    ;;
esac
