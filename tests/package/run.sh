#!/usr/bin/env bash
# The find_package(matchday) test: installs BUILD_DIR into a fresh prefix,
# builds the consumer project against it (no network), and runs it.
#   tests/package/run.sh BUILD_DIR [LINK_FLAGS]
# LINK_FLAGS: for the consumer, e.g. the sanitizer runtimes of a sanitized build.
set -euo pipefail
build=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$here" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_EXE_LINKER_FLAGS="${2:-}" >/dev/null
cmake --build "$work/build" >/dev/null
actual=$("$work/build/consumer")
expected=$'1 海西州  4\n2 西宁市  4\n3 海东市  0\n4 玉树州  0'
if [ "$actual" != "$expected" ]; then
  printf 'consumer printed:\n%s\nexpected:\n%s\n' "$actual" "$expected" >&2
  exit 1
fi
# The installed files a user relies on.
for f in bin/matchday bin/standings bin/eligibility include/matchday/standings.hpp \
         share/man/man1/standings.1.gz share/bash-completion/completions/eligibility; do
  [ -e "$work/prefix/$f" ] || { echo "not installed: $f" >&2; exit 1; }
done
[ "$(readlink "$work/prefix/bin/standings")" = matchday ] || { echo "bin/standings is not a link to matchday" >&2; exit 1; }
echo "find_package(matchday) consumer built and ran"
