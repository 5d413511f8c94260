"""The league every shape of bench/shapes/ writes: GROUPS groups of TEAMS teams, double round
robin, scores from a fixed seed (the same bytes on every machine, for one Python version's
`random`). Each shape module writes these fixtures in the form of one kind of real file."""
import datetime
import functools
import random

PLACES = ["西宁", "海东", "格尔木", "德令哈", "玉树", "果洛", "黄南", "海北", "海南", "海西",
          "大通", "湟中", "湟源", "民和", "乐都", "互助", "化隆", "循化", "门源", "祁连"]
KINDS = ["一中", "二中", "实验中学", "体校", "少年队", "青训队"]
TOWNS = ["Riverside", "Northgate", "St. Albans", "Old Harbour", "Kingsbridge", "Westfield",
         "Ashford", "Lakeside", "Hillcrest", "Millbrook", "Stonebridge", "Fairview"]
CLUBS = ["United", "Rovers", "City", "Athletic", "Wanderers", "Town", "Albion", "Academy"]
AREAS = ["North", "South", "East", "West"]


def names(rng, teams, english):
    """TEAMS distinct names: with `english`, about half ASCII (a tenth of all with a comma,
    "Riverside, North United"), the others Chinese."""
    out = []
    while len(out) < teams:
        if english and rng.random() < 0.5:
            name = rng.choice(TOWNS) + (", " + rng.choice(AREAS) if rng.random() < 0.2 else "")
            name += " " + rng.choice(CLUBS)
        else:
            name = rng.choice(PLACES) + rng.choice(KINDS)
        if name not in out:
            out.append(name)
    return out


def fixtures(groups=2000, teams=20, seed=20250730):
    """(group number from 1, round from 1, day of the round from 0, home, away, home goals,
    away goals, home shootout, away shootout) in file order; a shootout (every draw has one,
    the Qinghai rules) or None."""
    rng = random.Random(seed)
    n = teams + teams % 2
    for g in range(groups):
        team = names(rng, teams, english=fixtures.english)
        for leg in range(2):
            for r in range(n - 1):
                rnd = leg * (n - 1) + r + 1
                for k in range(n // 2):
                    a = 0 if k == 0 else 1 + (r + k - 1) % (n - 1)
                    b = 1 + (r + n - 2 - k) % (n - 1)
                    if a >= teams or b >= teams:
                        continue
                    if (r + k + leg) % 2:
                        a, b = b, a
                    hg, ag = rng.choice((0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5)), rng.choice((0, 0, 1, 1, 2, 3))
                    pens = None
                    if hg == ag:
                        w = 3 + rng.randrange(3)
                        pens = (w, w - 1) if rng.random() < 0.5 else (w - 1, w)
                    yield g + 1, rnd, rnd * 2 - 1, team[a], team[b], hg, ag, pens


fixtures.english = False


@functools.lru_cache(maxsize=None)
def date(day, sep="-", pad=True):
    """Day `day` after 2025-07-30."""
    d = datetime.date(2025, 7, 30) + datetime.timedelta(days=day)
    return f"{d.year}{sep}{d.month:02d}{sep}{d.day:02d}" if pad else f"{d.year}{sep}{d.month}{sep}{d.day}"
