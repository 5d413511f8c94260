#!/usr/bin/env bash
# `matchday standings --format csv --qualify 0` (the table without the
# clinched/eliminated marks, which two of these files, with fixtures still to
# play, would spend their time on: the marks have a target of their own) on
# results files of other shapes than the bench's own (issue 14: fast on every
# file, not one), each against the floor (bench/floor.cpp) on the same file. Run by hand, after bench/run.sh has built
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
# The bench's own file first, for reference (bench/run.sh generates it).
files=(bench/data/results_760k.csv)
for s in "${shapes[@]}"; do files+=("bench/data/shapes/$s.csv"); done
# The check: each file reads without an error, and gives every group its 20 teams.
for f in "${files[@]}"; do
  rows=$("$matchday" standings --rules "$rules" --qualify 0 --format csv "$f" 2>/dev/null | tail -n +2 | wc -l)
  [ "$rows" = 40000 ] || { echo "bench/shapes: $f: $rows rows of table, not 40000" >&2; exit 1; }
done
# Rounds of the files in turn, so that a change of load meets all of them.
rm -f bench/out/shapes/*.json
for ((r = 1; r <= rounds; r++)); do
  for f in "${files[@]}"; do
    hyperfine -N -i --warmup 3 --runs "$runs" --export-json "bench/out/shapes/$(basename "$f" .csv)_$r.json" \
      "$floor $f" "$matchday standings --rules $rules --qualify 0 --format csv $f" >/dev/null
  done
done
python3 - "$rounds" "${files[@]}" <<'PY'
import json, os, sys
rounds, files = int(sys.argv[1]), sys.argv[2:]
# Wall time (the target) and CPU time (user + system, all threads: steadier
# on a loaded machine), each the range of the rounds' means.
print("| file | size | floor: wall / CPU | matchday: wall / CPU | × floor, wall (rounds) |")
print("| --- | ---: | ---: | ---: | ---: |")
for f in files:
    s = os.path.basename(f)[:-4]
    wall, cpu, ratios = ([], []), ([], []), []
    for r in range(1, rounds + 1):
        res = json.load(open(f"bench/out/shapes/{s}_{r}.json"))["results"]
        for k in (0, 1):
            wall[k].append(res[k]["mean"]); cpu[k].append(res[k]["user"] + res[k]["system"])
        ratios.append(res[1]["mean"] / res[0]["mean"])
    size = os.path.getsize(f) / 1e6
    ms = lambda xs: f"{min(xs) * 1000:.0f}–{max(xs) * 1000:.0f} ms"
    print(f"| `{s}.csv` | {size:.1f} MB | {ms(wall[0])} / {ms(cpu[0])} | {ms(wall[1])} / {ms(cpu[1])} | "
          f"{sorted(ratios)[len(ratios) // 2]:.1f} ({min(ratios):.1f}–{max(ratios):.1f}) |")
PY
