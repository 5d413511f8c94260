-- Group standings in SQL, as a colleague would write them: points under the
-- Qinghai rules (win 3, shootout win 2, else 0), goal difference and goals per
-- team and group; no head-to-head. The results file is imported first as
-- table `m` (its header row names the columns: the Chinese headers here):
--   sqlite3 -separator , :memory: '.import --csv results.csv m' '.read bench/alt/standings.sql'
-- prints group,team,played,points,goal_difference,goals_for, best first.
WITH side(grp, team, gf, ga, pf, pa) AS (
  SELECT "小组", "主队", CAST("主队进球" AS INTEGER), CAST("客队进球" AS INTEGER),
         CAST("主队点球" AS INTEGER), CAST("客队点球" AS INTEGER)
    FROM m WHERE "主队进球" <> ''
  UNION ALL
  SELECT "小组", "客队", CAST("客队进球" AS INTEGER), CAST("主队进球" AS INTEGER),
         CAST("客队点球" AS INTEGER), CAST("主队点球" AS INTEGER)
    FROM m WHERE "主队进球" <> ''
)
SELECT grp, team, count(*) AS played,
       sum(CASE WHEN gf > ga THEN 3 WHEN gf = ga AND pf > pa THEN 2 ELSE 0 END) AS points,
       sum(gf - ga) AS goal_difference, sum(gf) AS goals_for
  FROM side
 GROUP BY grp, team
 ORDER BY grp, points DESC, goal_difference DESC, goals_for DESC, team;
