"""Chinese headers other than the bench's (组别, 比赛日期, 主队得分, ...), a status column
(已赛; 延期 with no score for one match in a hundred), no card columns.
   python3 chinese_status.py OUT"""
import sys
import league

with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    f.write("组别,轮次,比赛日期,主队,客队,主队得分,客队得分,主队点球,客队点球,比赛状态\n")
    for i, (g, rnd, day, home, away, hg, ag, pens) in enumerate(league.fixtures()):
        hp, ap = pens if pens else ("", "")
        if i % 100 == 99:
            f.write(f"第{g:04d}组,{rnd},{league.date(day)},{home},{away},,,,,延期\n")
        else:
            f.write(f"第{g:04d}组,{rnd},{league.date(day)},{home},{away},{hg},{ag},{hp},{ap},已赛\n")
