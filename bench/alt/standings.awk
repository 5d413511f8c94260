# Group standings the way a colleague would write them in awk: points (win 3,
# shootout win 2, else 0, the Qinghai rules), goal difference and goals per team
# and group; no head-to-head. Reads a results file with a header row (Chinese
# or English column names) and no quoted fields.
#   awk -F, -f bench/alt/standings.awk results.csv | sort -t, -k1,1 -k4,4nr -k5,5nr -k6,6nr -k2,2
# prints: group,team,played,points,goal_difference,goals_for
NR == 1 {
  for (i = 1; i <= NF; i++) {
    if ($i == "小组" || $i == "group") G = i
    if ($i == "主队" || $i == "home") H = i
    if ($i == "客队" || $i == "away") A = i
    if ($i == "主队进球" || $i == "home_goals") HG = i
    if ($i == "客队进球" || $i == "away_goals") AG = i
    if ($i == "主队点球" || $i == "home_pens") HP = i
    if ($i == "客队点球" || $i == "away_pens") AP = i
  }
  next
}
$HG != "" {
  h = $G SUBSEP $H; a = $G SUBSEP $A
  hg = $HG + 0; ag = $AG + 0
  played[h]++; played[a]++
  gf[h] += hg; ga[h] += ag; gf[a] += ag; ga[a] += hg
  if (hg > ag) pts[h] += 3
  else if (hg < ag) pts[a] += 3
  else if ($HP + 0 > $AP + 0) pts[h] += 2
  else pts[a] += 2
}
END {
  for (k in played) {
    split(k, p, SUBSEP)
    printf "%s,%s,%d,%d,%d,%d\n", p[1], p[2], played[k], pts[k] + 0, gf[k] - ga[k], gf[k]
  }
}
