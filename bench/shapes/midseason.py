"""Mid-season: the bench's columns, the last eight of 38 rounds not yet played (the fixtures
are there, their score cells empty).   python3 midseason.py OUT"""
import sys
import league

with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    f.write("小组,轮次,日期,主队,客队,主队进球,客队进球,主队点球,客队点球\n")
    for g, rnd, day, home, away, hg, ag, pens in league.fixtures():
        hp, ap = pens if pens else ("", "")
        if rnd > 30:
            f.write(f"第{g:04d}组,{rnd},{league.date(day)},{home},{away},,,,\n")
        else:
            f.write(f"第{g:04d}组,{rnd},{league.date(day)},{home},{away},{hg},{ag},{hp},{ap}\n")
