"""Group standings with pandas, as a colleague would write them.

Points under the Qinghai rules (win 3, shootout win 2, else 0), goal
difference and goals per team and group; no head-to-head. Reads a results
file with a header row (Chinese or English column names).

    python3 bench/alt/standings_pandas.py results.csv > table.csv

prints group,team,played,points,goal_difference,goals_for, best first.
"""
import sys

import pandas as pd

NAMES = {
    "group": ("小组", "group"), "home": ("主队", "home"), "away": ("客队", "away"),
    "hg": ("主队进球", "home_goals"), "ag": ("客队进球", "away_goals"),
    "hp": ("主队点球", "home_pens"), "ap": ("客队点球", "away_pens"),
}


def main(path):
    df = pd.read_csv(path, encoding="utf-8-sig", dtype={0: str})
    df.columns = [c.strip() for c in df.columns]
    col = {k: next(c for c in df.columns if c in v) for k, v in NAMES.items()}
    df = df[df[col["hg"]].notna()]
    hg, ag = df[col["hg"]].astype(int), df[col["ag"]].astype(int)
    hp, ap = df[col["hp"]].fillna(0), df[col["ap"]].fillna(0)
    home_pts = (hg > ag) * 3 + ((hg == ag) & (hp > ap)) * 2
    away_pts = (ag > hg) * 3 + ((hg == ag) & (ap > hp)) * 2
    long = pd.concat([
        pd.DataFrame({"group": df[col["group"]], "team": df[col["home"]], "points": home_pts, "gf": hg, "ga": ag}),
        pd.DataFrame({"group": df[col["group"]], "team": df[col["away"]], "points": away_pts, "gf": ag, "ga": hg}),
    ])
    t = long.groupby(["group", "team"]).agg(played=("points", "size"), points=("points", "sum"),
                                            gf=("gf", "sum"), ga=("ga", "sum")).reset_index()
    t["goal_difference"] = t["gf"] - t["ga"]
    t = t.sort_values(["group", "points", "goal_difference", "gf", "team"],
                      ascending=[True, False, False, False, True])
    t[["group", "team", "played", "points", "goal_difference", "gf"]].to_csv(sys.stdout, header=False, index=False)


if __name__ == "__main__":
    main(sys.argv[1])
