#!/usr/bin/env bash
# `matchday standings --format csv` on results files of other shapes than the
# bench's own (issue 14: fast on every file, not one), each against the floor
# (bench/floor.cpp) on the same file. Run by hand, after bench/run.sh has built
# build-bench/ and bench/out/floor:
#
#   bash bench/shapes/run.sh               generate (once), check, time: ROUNDS rounds
#                                          of RUNS runs per command, the shapes in turn
#   ROUNDS=5 RUNS=5 bash bench/shapes/run.sh
#
# Each shape has a generator of its own (bench/shapes/<shape>.py, the league of
# bench/shapes/league.py); the files go to bench/data/shapes/, hyperfine's JSON
# to bench/out/shapes/. Prints the table bench/README.md shows.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${ROUNDS:-3}
runs=${RUNS:-5}
matchday=${MATCHDAY:-build-bench/matchday}
floor=bench/out/floor
rules=bench/double-round-robin.rules
shapes=(english_quoted chinese_status excel_export midseason)
[ -x "$matchday" ] && [ -x "$floor" ] || { echo "bench/shapes: run bench/run.sh check first (builds $matchday and $floor)" >&2; exit 1; }
mkdir -p bench/data/shapes bench/out/shapes
stamp=$(cat bench/shapes/*.py | sha256sum | cut -c1-16)
if [ "$(cat bench/data/shapes/.stamp 2>/dev/null)" != "$stamp" ]; then
  for s in "${shapes[@]}"; do
    echo "bench/shapes: generating $s" >&2
    python3 "bench/shapes/$s.py" "bench/data/shapes/$s.csv"
  done
  echo "$stamp" >bench/data/shapes/.stamp
fi
# The check: each file reads without an error, and gives every group its 20 teams.
for s in "${shapes[@]}"; do
  rows=$("$matchday" standings --rules "$rules" --format csv "bench/data/shapes/$s.csv" | tail -n +2 | wc -l)
  [ "$rows" = 40000 ] || { echo "bench/shapes: $s: $rows rows of table, not 40000" >&2; exit 1; }
done
# Rounds of the shapes in turn, so that a change of load meets all of them.
rm -f bench/out/shapes/*.json
for ((r = 1; r <= rounds; r++)); do
  for s in "${shapes[@]}"; do
    f=bench/data/shapes/$s.csv
    hyperfine -N -i --warmup 3 --runs "$runs" --export-json "bench/out/shapes/${s}_$r.json" \
      "$floor $f" "$matchday standings --rules $rules --format csv $f" >/dev/null
  done
done
python3 - "$rounds" "${shapes[@]}" <<'PY'
import json, os, sys
rounds, shapes = int(sys.argv[1]), sys.argv[2:]
print("| file | size | floor | matchday `standings --format csv` | × floor (rounds) |")
print("| --- | ---: | ---: | ---: | ---: |")
for s in shapes:
    floors, mds, ratios = [], [], []
    for r in range(1, rounds + 1):
        res = json.load(open(f"bench/out/shapes/{s}_{r}.json"))["results"]
        floors.append(res[0]["mean"]); mds.append(res[1]["mean"]); ratios.append(res[1]["mean"] / res[0]["mean"])
    size = os.path.getsize(f"bench/data/shapes/{s}.csv") / 1e6
    ms = lambda xs: f"{min(xs) * 1000:.1f}–{max(xs) * 1000:.1f} ms"
    print(f"| `{s}.csv` | {size:.1f} MB | {ms(floors)} | {ms(mds)} | "
          f"{sorted(ratios)[len(ratios) // 2]:.1f} ({min(ratios):.1f}–{max(ratios):.1f}) |")
PY
