"""English headers, ASCII and Chinese names (a tenth of the names quoted for their comma, as
any CSV writer does), no card columns: what an export from a web form or a spreadsheet in
English looks like.   python3 english_quoted.py OUT"""
import sys
import league

league.fixtures.english = True
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    f.write("group,round,date,home_team,away_team,home_score,away_score,home_penalties,away_penalties\n")
    q = lambda s: '"' + s + '"' if "," in s else s
    for g, rnd, day, home, away, hg, ag, pens in league.fixtures():
        hp, ap = pens if pens else ("", "")
        f.write(f"Group {g:04d},{rnd},{league.date(day)},{q(home)},{q(away)},{hg},{ag},{hp},{ap}\n")
