#!/usr/bin/env bash
# Runs one golden case of the real binary and compares its output exactly.
#
#   tests/golden/run.sh BINARY CASE_DIR
#
# CASE_DIR/cmd is a bash snippet run from the repository root, with `matchday`,
# `standings` and `eligibility` on PATH (links to BINARY) and $TMP a fresh
# directory. CASE_DIR/stdin, if present, is its standard input. Its stdout,
# stderr and exit status must equal CASE_DIR/stdout, CASE_DIR/stderr and
# CASE_DIR/status. UPDATE_GOLDEN=1 rewrites the expectations instead.
set -u
bin=$(realpath "$1")
case_dir=$(realpath "$2")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/tmp"
if [[ $bin == *.exe ]]; then
  # The Windows build under Wine (windows/wine-test.sh): matchday.exe and its
  # copies standings.exe and eligibility.exe beside it, each started by Wine.
  wine=${MATCHDAY_WINE:-$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)}
  for name in matchday standings eligibility; do
    printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$wine" "$(dirname "$bin")/$name.exe" >"$work/bin/$name"
    chmod +x "$work/bin/$name"
  done
else
  for name in matchday standings eligibility; do ln -s "$bin" "$work/bin/$name"; done
fi
stdin=/dev/null
[ -f "$case_dir/stdin" ] && stdin="$case_dir/stdin"
(
  cd "$root" &&
  env -u LC_ALL -u LC_MESSAGES -u NO_COLOR LANG=C.UTF-8 TERM=dumb PATH="$work/bin:$PATH" TMP="$work/tmp" \
    bash "$case_dir/cmd" <"$stdin" >"$work/stdout" 2>"$work/stderr"
  echo $? >"$work/status"
)
if [ -n "${UPDATE_GOLDEN:-}" ]; then
  cp "$work/stdout" "$work/stderr" "$work/status" "$case_dir/"
  echo "updated $case_dir"
  exit 0
fi
fail=0
for f in stdout stderr status; do
  if ! diff -u --label "expected $f" --label "actual $f" "$case_dir/$f" "$work/$f"; then fail=1; fi
done
exit $fail
