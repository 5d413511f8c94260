"""What Excel writes for "CSV UTF-8": a byte-order mark, CRLF line ends, dates as Excel shows
them (2025/7/31), the bench's Chinese columns with cards.   python3 excel_export.py OUT"""
import sys
import league

with open(sys.argv[1], "w", encoding="utf-8-sig", newline="") as f:
    f.write("小组,轮次,日期,主队,客队,主队进球,客队进球,主队点球,客队点球,主队黄牌,客队黄牌,主队红牌,客队红牌\r\n")
    for i, (g, rnd, day, home, away, hg, ag, pens) in enumerate(league.fixtures()):
        hp, ap = pens if pens else ("", "")
        f.write(f"第{g:04d}组,{rnd},{league.date(day, '/', False)},{home},{away},{hg},{ag},{hp},{ap},"
                f"{i % 4},{i % 3},{int(i % 20 == 0)},{int(i % 20 == 7)}\r\n")
