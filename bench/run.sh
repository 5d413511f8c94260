#!/usr/bin/env bash
# The benchmark (issues 2, 3 and 4): `matchday standings` on 760,000 matches
# against the floor (one bare pass over the bytes) and what a colleague would
# write instead (sqlite3, Python's csv module, pandas, awk); `matchday
# eligibility` on 1,000,000 roster rows. Run by hand, from anywhere:
#
#   bash bench/run.sh            build, generate data, check, time, update README
#   RUNS=3 bash bench/run.sh     fewer timed runs per command (default 10)
#   bash bench/run.sh check      build, generate data and check only
#   bash bench/run.sh table      build, check, and rewrite the README table from the last timing
#
# Writes bench/data/ (inputs) and bench/out/ (hyperfine JSON, outputs), and the
# results table in bench/README.md between the `bench:results` markers.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
runs=${RUNS:-10}
jobs=${JOBS:-2}

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: FAILED: %s\n' "$*" >&2; exit 1; }

# --- Prerequisites ----------------------------------------------------------
# Debian packages: the timing tools and the alternatives. pandas comes from
# Debian (python3-pandas), for Debian's python3, which runs both scripts.
py=/usr/bin/python3
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v mawk >/dev/null || missing+=(mawk)
[ -x /usr/bin/time ] || missing+=(time)
[ -x "$py" ] || missing+=(python3)
{ [ -x "$py" ] && "$py" -c 'import pandas' 2>/dev/null; } || missing+=(python3-pandas)
{ [ -x "$py" ] && "$py" -c 'import openpyxl' 2>/dev/null; } || missing+=(python3-openpyxl)
for tool in cmake g++; do command -v $tool >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  say "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# --- Build ------------------------------------------------------------------
# (`table` skips to the end but still needs the paths and build flags below.)
say "building matchday (Release) in build-bench"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DMATCHDAY_TESTS=OFF >/dev/null
cmake --build build-bench -j"$jobs" --target matchday >/dev/null
matchday=build-bench/matchday
# The floor and the generator get the flags CMake uses for a Release build.
flags=$(sed -n 's/^CMAKE_CXX_FLAGS_RELEASE:STRING=//p' build-bench/CMakeCache.txt)
mkdir -p bench/out bench/data
# shellcheck disable=SC2086
g++ -std=c++20 $flags -o bench/out/floor bench/floor.cpp
# shellcheck disable=SC2086
g++ -std=c++20 $flags -o bench/out/gen bench/gen.cpp
# shellcheck disable=SC2086
g++ -std=c++20 $flags -o bench/out/xlsx_gen bench/xlsx_gen.cpp -lxlsxwriter

# --- Data (regenerated only when the generator changes) ----------------------
results=bench/data/results_760k.csv   # 2,000 groups of 20, double round robin
one_group=bench/data/results_1group.csv
small=bench/data/results_small.csv    # for the equality check; with unplayed fixtures
midseason=bench/data/results_760k_midseason.csv  # the same, the last 3% of each group's fixtures to play
rosters=bench/data/rosters            # 1,000 files of 1,000 rows
roster=bench/data/roster_25.csv       # one team: 22 players and 3 staff
stamp=$(sha256sum bench/gen.cpp | cut -c1-16)
if [ "$(cat bench/data/.stamp 2>/dev/null)" != "$stamp" ]; then
  say "generating data"
  rm -rf bench/data/*
  bench/out/gen results "$results" 2000 20
  bench/out/gen results "$one_group" 1 20
  bench/out/gen results "$small" 3 6 unplayed
  bench/out/gen results "$midseason" 2000 20 unplayed=0.03
  bench/out/gen rosters "$rosters" 1000 1000
  bench/out/gen roster "$roster" 25
  echo "$stamp" >bench/data/.stamp
fi
# The same data as workbooks (issue 15), written by libxlsxwriter in
# constant-memory mode (bench/xlsx_gen.cpp): numbers as numbers, dates as
# dates, names and ID numbers as text. The large one takes a while.
results_xlsx=bench/data/results_760k.xlsx
roster_xlsx=bench/data/roster_25.xlsx
[ -s "$results_xlsx" ] || { say "writing $results_xlsx"; bench/out/xlsx_gen "$results" "$results_xlsx"; }
[ -s "$roster_xlsx" ] || bench/out/xlsx_gen "$roster" "$roster_xlsx"
# Every pair meets twice: the Qinghai rules with max_meetings = 2.
rules=bench/double-round-robin.rules
standings=("$matchday" standings --rules "$rules" --format csv)

# The commands, each given the results file as $1.
run_awk() { awk -F, -f bench/alt/standings.awk "$1" | LC_ALL=C sort -t, -k1,1 -k4,4nr -k5,5nr -k6,6nr -k2,2; }
run_csv() { "$py" bench/alt/standings_csv.py "$1"; }
run_pandas() { "$py" bench/alt/standings_pandas.py "$1"; }
run_sqlite() { sqlite3 -separator , :memory: ".import --csv $1 m" '.read bench/alt/standings.sql'; }
run_openpyxl() { "$py" bench/alt/read_openpyxl.py "$1"; }

# --- Check: every alternative computes our table ------------------------------
# The basic columns of `standings --format csv` (group, team, played, points,
# goal_difference, goals_for), sorted, against each alternative's, sorted.
say "checking the alternatives against matchday on $small"
"${standings[@]}" "$small" 2>/dev/null | tail -n +2 |
  awk -F, -v OFS=, '{ print $1, $3, $4, $13, $12, $10 }' | LC_ALL=C sort >bench/out/check_matchday.csv
[ -s bench/out/check_matchday.csv ] || die "matchday produced no table for $small"
for alt in awk csv pandas sqlite; do
  "run_$alt" "$small" | LC_ALL=C sort >"bench/out/check_$alt.csv"
  if ! cmp -s bench/out/check_matchday.csv "bench/out/check_$alt.csv"; then
    diff bench/out/check_matchday.csv "bench/out/check_$alt.csv" | head -20 >&2
    die "$alt's table differs from matchday's (bench/out/check_$alt.csv)"
  fi
done
say "all four alternatives agree with matchday ($(wc -l <bench/out/check_matchday.csv) rows)"
have_eligibility=no
if "$matchday" eligibility --help >/dev/null 2>&1; then
  have_eligibility=yes
  "$matchday" eligibility --format csv "$roster" >bench/out/check_roster.csv 2>/dev/null || true
  [ -s bench/out/check_roster.csv ] || die "matchday eligibility produced nothing for $roster"
fi
# A workbook gives the table its CSV gives, byte for byte.
say "checking $results_xlsx against $results"
cmp -s <("${standings[@]}" "$results" 2>/dev/null) <("${standings[@]}" "$results_xlsx" 2>/dev/null) ||
  die "standings of $results_xlsx differ from those of $results"
[ "$mode" = check ] && exit 0

if [ "$mode" != table ]; then
# --- Timing -------------------------------------------------------------------
# hyperfine (wall time, mean of $runs runs after warm-up; the files are in the
# page cache) and /usr/bin/time (peak resident memory, one more run).
export -f run_awk run_csv run_pandas run_sqlite run_openpyxl
export py
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rm -f bench/out/*.json bench/out/*.rss
# time_it NAME RUNS COMMAND...: a direct command (no shell in between), after
# ten warm-up runs: on a VM a short command speeds up over its first five or
# so runs (the floor: 15 ms, then 8.4 ms from the sixth on), and a mean over
# fewer warm-ups mixes the two.
time_it() {
  local name=$1 n=$2
  shift 2
  say "timing $name"
  hyperfine -N -i --warmup 10 --runs "$n" --export-json "bench/out/$name.json" "$(printf '%q ' "$@")" >/dev/null
  /usr/bin/time -f %M -o "bench/out/$name.rss" "$@" >/dev/null 2>&1 || true
}
# time_fn NAME RUNS FUNCTION FILE: a shell function (a pipeline), through bash
# (hyperfine subtracts the shell's own start-up).
time_fn() {
  local name=$1 n=$2 fn=$3 file=$4
  say "timing $name"
  hyperfine --shell=bash -i --warmup 1 --runs "$n" --export-json "bench/out/$name.json" "$fn $file" >/dev/null
  /usr/bin/time -f %M -o "bench/out/$name.rss" bash -c "$fn $file" >/dev/null 2>&1 || true
}
slow=$(( runs < 3 ? runs : 3 ))   # the alternatives take seconds a run
time_it floor "$runs" bench/out/floor "$results"
time_it matchday "$runs" "${standings[@]}" "$results"
# Mid-season: the same table with the clinched/eliminated marks (issue 14).
time_it matchday_midseason "$runs" "${standings[@]}" "$midseason"
time_fn awk "$slow" run_awk "$results"
time_fn python_csv "$slow" run_csv "$results"
time_fn pandas "$slow" run_pandas "$results"
time_fn sqlite3 "$slow" run_sqlite "$results"
time_it floor_1group $((runs * 10)) bench/out/floor "$one_group"
time_it matchday_1group $((runs * 10)) "${standings[@]}" "$one_group"
time_fn sqlite3_1group $((runs * 10)) run_sqlite "$one_group"
if [ $have_eligibility = yes ]; then
  time_it floor_rosters "$runs" bench/out/floor "$rosters"
  time_it eligibility "$slow" "$matchday" eligibility --format csv "$rosters"
  time_it floor_roster25 $((runs * 10)) bench/out/floor "$roster"
  time_it eligibility_25 $((runs * 10)) "$matchday" eligibility --format csv "$roster"
fi
# Workbooks (issue 15): the same standings from the .xlsx, a one-team roster
# workbook, and openpyxl only reading the large one (once: it takes minutes).
time_it matchday_xlsx "$slow" "${standings[@]}" "$results_xlsx"
time_fn openpyxl 1 run_openpyxl "$results_xlsx"
if [ $have_eligibility = yes ]; then
  time_it eligibility_25_xlsx $((runs * 10)) "$matchday" eligibility --format csv "$roster_xlsx"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$load_before" >bench/out/load_before
echo "$load_after" >bench/out/load_after
fi
load_before=$(cat bench/out/load_before)
load_after=$(cat bench/out/load_after)

# --- The table, into bench/README.md ------------------------------------------
say "writing bench/README.md"
sizes=$(stat -c '%n=%s' "$results" "$one_group" "$midseason" "$roster" $(ls bench/data/results_760k.xlsx 2>/dev/null); echo "$rosters=$(du -sb "$rosters" | cut -f1)")
# (sed -n 1p, not head -1: head may close the pipe early, a failure under pipefail)
machine="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed -n 1p), $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB; $(uname -sr); $(g++ --version | sed -n 1p)"
tools="hyperfine $(hyperfine --version | cut -d' ' -f2), sqlite3 $(sqlite3 --version | cut -d' ' -f1), Python $("$py" -c 'import platform, pandas; print(platform.python_version(), "/ pandas", pandas.__version__)'), mawk $(mawk -W version 2>&1 | sed -n 1p | cut -d' ' -f2)"
"$py" - "$sizes" "$machine" "$tools" "$load_before" "$load_after" "$flags" "$have_eligibility" <<'EOF'
import json, os, re, sys, datetime

sizes = dict(x.split("=", 1) for x in sys.argv[1].split())
machine, tools, load_before, load_after, flags, have_elig = sys.argv[2:8]

def stats(name):
    path = f"bench/out/{name}.json"
    if not os.path.exists(path):
        return None
    r = json.load(open(path))["results"][0]
    rss = open(f"bench/out/{name}.rss").read().split()[-1]
    return {"mean": r["mean"], "sd": r["stddev"] or 0.0, "min": r["min"], "rss": int(rss) * 1024 / 1e6}  # MB

def t(s):
    v = s["mean"]
    f = (lambda x: f"{x * 1000:.1f} ms") if v < 1 else (lambda x: f"{x:.2f} s")
    return f"{f(v)} ± {f(s['sd'])}"

size_results = int(sizes["bench/data/results_760k.csv"])
mb = size_results / 1e6
floor = stats("floor")
rows = [("floor: mmap + memchr line count (`bench/floor.cpp`)", "floor"),
        ("**matchday** `standings --format csv`", "matchday"),
        ("awk (mawk) + sort", "awk"), ("Python csv module", "python_csv"),
        ("pandas", "pandas"), ("sqlite3 `.import` + one query", "sqlite3")]
alts = ["awk", "python_csv", "pandas", "sqlite3"]
fastest = min(alts, key=lambda a: stats(a)["mean"])
fast = stats(fastest)
out = []
out.append(f"Measured {datetime.date.today().isoformat()} on {machine}. {tools}. "
           f"matchday, the floor and the generator built with `{flags}`. "
           f"Load average before / after: {load_before} / {load_after}"
           + (" — a shared 2-core machine, other jobs were running: the absolute times are noisy, the ratios less so." if float(load_before.split()[0]) > 1.0 or float(load_after.split()[0]) > 1.0 else "."))
out.append("")
out.append(f"Standings of `bench/data/results_760k.csv`: 2,000 groups of 20 teams, double round robin, "
           f"760,000 matches, {mb:.1f} MB (Chinese headers and names, UTF-8). Mean of the timed runs, files in the page cache.")
out.append("")
out.append("| command | wall time | throughput | peak memory | × floor | vs fastest alternative |")
out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
for label, key in rows:
    s = stats(key)
    vs = fast["mean"] / s["mean"]
    vs_text = f"{vs:.1f}× faster" if vs >= 1.0 else f"{1 / vs:.1f}× slower"
    if key == fastest:
        vs_text = "(fastest alternative)"
    out.append(f"| {label} | {t(s)} | {mb / s['mean']:,.0f} MB/s | {s['rss']:.0f} MB | "
               f"{s['mean'] / floor['mean']:.1f} | {vs_text} |")
out.append("")
m = stats("matchday")
one = stats("matchday_1group"); one_floor = stats("floor_1group"); one_sql = stats("sqlite3_1group")
one_size = int(sizes["bench/data/results_1group.csv"]) / 1e3
out.append(f"One group (`results_1group.csv`, 380 matches, {one_size:.0f} kB), start-up included: "
           f"matchday {t(one)} (peak {one['rss']:.0f} MB), sqlite3 {t(one_sql)}, floor {t(one_floor)}.")
out.append("")
mid = stats("matchday_midseason")
if mid:
    out.append(f"Mid-season (`results_760k_midseason.csv`: the same groups with the last 3% of each group's "
               f"fixtures not yet played, 22,000 fixtures): `standings --format csv` with the clinched/eliminated "
               f"marks {t(mid)} (peak {mid['rss']:.0f} MB), {mid['mean'] / m['mean']:.1f}× the table without them "
               f"(the full file above).")
    out.append("")
targets = []
def target(text, ok):
    targets.append(f"| {text} | {'met' if ok else '**not met**'} |")
targets.append("| target | |")
targets.append("| --- | --- |")
target(f"issue 2: 760,000 matches within 5× the floor — {m['mean'] / floor['mean']:.1f}×", m["mean"] <= 5 * floor["mean"])
target(f"issue 2: peak memory within 2× the file ({2 * mb:.1f} MB) — {m['rss']:.1f} MB", m["rss"] * 1e6 <= 2 * size_results)
target(f"issue 2: one group under 3 ms — {one['mean'] * 1000:.2f} ms", one["mean"] < 0.003)
if mid:
    target(f"issue 14: mid-season, the table with its marks within 10× the table without them — "
           f"{mid['mean'] / m['mean']:.1f}×", mid["mean"] <= 10 * m["mean"])
target(f"issue 4: 20× faster than the fastest alternative ({fastest.replace('_', ' ')}) — {fast['mean'] / m['mean']:.1f}×", fast["mean"] >= 20 * m["mean"])
if have_elig == "yes":
    e = stats("eligibility"); ef = stats("floor_rosters"); e25 = stats("eligibility_25"); f25 = stats("floor_roster25")
    rmb = int(sizes["bench/data/rosters"]) / 1e6
    out.append(f"Eligibility of `bench/data/rosters/`: 1,000 roster files, 1,000,000 rows, {rmb:.0f} MB: "
               f"`matchday eligibility --format csv` {t(e)} ({rmb / e['mean']:,.0f} MB/s, peak {e['rss']:.0f} MB); "
               f"floor {t(ef)}; {e['mean'] / ef['mean']:.1f}× the floor. One 25-row roster: {t(e25)} (floor {t(f25)}).")
    out.append("")
    target(f"issue 3: 1,000,000 roster rows within 8× the floor — {e['mean'] / ef['mean']:.1f}×", e["mean"] <= 8 * ef["mean"])
    target(f"issue 3: a 25-row roster under 3 ms — {e25['mean'] * 1000:.2f} ms", e25["mean"] < 0.003)
else:
    out.append("Eligibility: not measured (`matchday eligibility` was not built).")
    out.append("")
mx = stats("matchday_xlsx"); opx = stats("openpyxl"); e25x = stats("eligibility_25_xlsx")
if mx and opx:
    xmb = int(sizes.get("bench/data/results_760k.xlsx", 0)) / 1e6
    out.append(f"Workbooks: the same 760,000 matches as `results_760k.xlsx` ({xmb:.1f} MB; its sheet is "
               f"337 MB of XML unpacked), `standings --format csv` {t(mx)} (peak {mx['rss']:.0f} MB), "
               f"{mx['mean'] / m['mean']:.1f}× the CSV; openpyxl read-only, only reading the cells: {t(opx)}, "
               f"{opx['mean'] / mx['mean']:.1f}× matchday."
               + (f" A one-team roster workbook: {t(e25x)}." if e25x else ""))
    out.append("")
    target(f"issue 15: a workbook within 4× its CSV — {mx['mean'] / m['mean']:.1f}×", mx["mean"] <= 4 * m["mean"])
    target(f"issue 15: 20× faster than openpyxl (read-only) — {opx['mean'] / mx['mean']:.1f}×", opx["mean"] >= 20 * mx["mean"])
    if e25x:
        target(f"issue 15: a one-team roster workbook under 10 ms — {e25x['mean'] * 1000:.2f} ms", e25x["mean"] < 0.010)
out += targets
block = "\n".join(out)

readme = open("bench/README.md").read()
begin, end = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"
i, j = readme.index(begin) + len(begin), readme.index(end)
open("bench/README.md", "w").write(readme[:i] + "\n" + block + "\n" + readme[j:])
print(block)
EOF
