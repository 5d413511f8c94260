"""Group standings with Python's csv module, as a colleague would write them.

Points under the Qinghai rules (win 3, shootout win 2, else 0), goal
difference and goals per team and group; no head-to-head. Reads a results
file with a header row (Chinese or English column names).

    python3 bench/alt/standings_csv.py results.csv > table.csv

prints group,team,played,points,goal_difference,goals_for, best first.
"""
import csv
import sys

NAMES = {
    "group": ("小组", "group"), "home": ("主队", "home"), "away": ("客队", "away"),
    "hg": ("主队进球", "home_goals"), "ag": ("客队进球", "away_goals"),
    "hp": ("主队点球", "home_pens"), "ap": ("客队点球", "away_pens"),
}


def main(path):
    table = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        header = next(rows)
        col = {k: next(i for i, h in enumerate(header) if h.strip() in v) for k, v in NAMES.items()}
        g, h, a, hg, ag, hp, ap = (col[k] for k in ("group", "home", "away", "hg", "ag", "hp", "ap"))
        for r in rows:
            if not r or r[hg] == "":
                continue
            home_goals, away_goals = int(r[hg]), int(r[ag])
            home = table.setdefault((r[g], r[h]), [0, 0, 0, 0])  # played, points, gf, ga
            away = table.setdefault((r[g], r[a]), [0, 0, 0, 0])
            home[0] += 1
            away[0] += 1
            home[2] += home_goals
            home[3] += away_goals
            away[2] += away_goals
            away[3] += home_goals
            if home_goals > away_goals:
                home[1] += 3
            elif home_goals < away_goals:
                away[1] += 3
            elif int(r[hp]) > int(r[ap]):
                home[1] += 2
            else:
                away[1] += 2
    out = csv.writer(sys.stdout, lineterminator="\n")
    for (group, team), (played, points, gf, ga) in sorted(
            table.items(), key=lambda kv: (kv[0][0], -kv[1][1], -(kv[1][2] - kv[1][3]), -kv[1][2], kv[0][1])):
        out.writerow([group, team, played, points, gf - ga, gf])


if __name__ == "__main__":
    main(sys.argv[1])
