#!/usr/bin/env bash
# Runs fuzz targets for a while each, one after the other.
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
#
# BUILD_DIR was configured with -DMATCHDAY_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++;
# without TARGETs every fuzz_* executable in BUILD_DIR/tests/fuzz runs. Each
# starts from its committed seed corpus (corpus/TARGET, read only: new inputs
# go to BUILD_DIR/fuzz-work/TARGET) and its dictionary, if any. A finding
# (crash, failed invariant, leak, timeout, out of memory) stops the run with
# exit status 1 and leaves the input in BUILD_DIR/fuzz-work/TARGET-crash-*.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
seconds=$2
shift 2
targets=("$@")
if ((${#targets[@]} == 0)); then
  for exe in "$build"/tests/fuzz/fuzz_*; do
    [ -x "$exe" ] && targets+=("$(basename "$exe")")
  done
fi
status=0
for t in "${targets[@]}"; do
  work="$build/fuzz-work/$t"
  mkdir -p "$work"
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1
        -artifact_prefix="$work-")
  case "$t" in
    fuzz_csv | fuzz_results | fuzz_roster) args+=(-dict="$here/results.dict") ;;
    fuzz_rules) args+=(-dict="$here/rules.dict") ;;
    # Whole workbooks are larger than 8 KB; the later -max_len wins.
    fuzz_workbook) args+=(-dict="$here/workbook.dict" -max_len=65536) ;;
  esac
  seeds=()
  [ -d "$here/corpus/$t" ] && seeds+=("$here/corpus/$t")
  log="$build/fuzz-work/$t.log"
  echo "fuzz: $t for ${seconds}s (log: $log)" >&2
  if (cd "$build/fuzz-work" && "$build/tests/fuzz/$t" "${args[@]}" "$work" "${seeds[@]}") >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^Done' "$log" | sed "s/^/fuzz: $t: /" >&2 || true
  else
    echo "fuzz: $t FOUND A PROBLEM; the end of its log:" >&2
    tail -n 40 "$log" >&2
    status=1
  fi
done
exit $status
