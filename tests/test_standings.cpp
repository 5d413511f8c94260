#include <doctest/doctest.h>

#include "matchday/standings.hpp"
#include "test_util.hpp"

using namespace matchday;
using matchday::test::order_of;
using matchday::test::results_from;
using Names = std::vector<std::string>;

namespace {

Rules rules_named(std::string_view name) { return *preset(name); }

Standings table(std::string_view csv, const Rules& rules, StandingsOptions o = {}) {
  return compute_standings(results_from(csv, rules), rules, o);
}

const StandingRow& row(const Standings& s, std::string_view team) {
  for (const StandingRow& r : s.groups.at(0).rows) {
    if (r.name == team) return r;
  }
  FAIL("no team " << team);
  throw;
}

// EURO 2024 Group E: all four on 4 points. Romania are first on head-to-head
// goals within the four-team mini-table, although Belgium beat Romania.
constexpr std::string_view k_euro_2024_e =
    "home,away,home_goals,away_goals\n"
    "Romania,Ukraine,3,0\n"
    "Belgium,Slovakia,0,1\n"
    "Slovakia,Ukraine,1,2\n"
    "Belgium,Romania,2,0\n"
    "Slovakia,Romania,1,1\n"
    "Ukraine,Belgium,0,0\n";

// X, Y, Z level on 6 points. In the three-team mini-table Z leads on goals,
// X and Y stay level; X beat Y, Y has the better overall goal difference.
constexpr std::string_view k_reapply =
    "home,away,home_goals,away_goals\n"
    "X,Y,1,0\n"
    "Z,X,2,1\n"
    "Y,Z,2,1\n"
    "X,D,1,0\n"
    "Y,D,5,0\n"
    "Z,D,1,0\n";

}  // namespace

TEST_SUITE_BEGIN("standings");

TEST_CASE("points for each of the five kinds of result") {
  const Rules q = rules_named("qinghai-youth-2025");
  const Standings s = table(
      "home,away,home_goals,away_goals,home_pens,away_pens\n"
      "A,B,2,0,,\n"
      "C,D,1,1,5,4\n",
      q);
  CHECK(row(s, "A").points == 3);
  CHECK(row(s, "B").points == 0);
  CHECK(row(s, "C").points == 2);
  CHECK(row(s, "C").record.shootout_won == 1);
  CHECK(row(s, "D").points == 0);
  CHECK(row(s, "D").record.shootout_lost == 1);
  SUBCASE("shootout goals never count as goals") {
    CHECK(row(s, "C").record.goals_for == 1);
    CHECK(row(s, "D").record.goals_against == 1);
  }
  SUBCASE("played is the sum of the five outcomes") {
    for (const StandingRow& r : s.groups[0].rows) {
      const TeamRecord& t = r.record;
      CHECK(t.played == t.won + t.drawn + t.lost + t.shootout_won + t.shootout_lost);
    }
  }
  SUBCASE("without shootout points a recorded shootout leaves the draw") {
    const Rules euro = rules_named("uefa-euro");
    const Standings e = table("home,away,home_goals,away_goals,home_pens,away_pens\nC,D,1,1,5,4\n", euro);
    CHECK(row(e, "C").points == 1);
    CHECK(row(e, "C").record.drawn == 1);
    CHECK(row(e, "C").record.shootout_won == 0);
  }
}

TEST_CASE("EURO 2024 Group E: the head-to-head block is applied in full") {
  const Standings s = table(k_euro_2024_e, rules_named("uefa-euro"));
  CHECK(order_of(s) == Names{"Romania", "Belgium", "Slovakia", "Ukraine"});
  CHECK(row(s, "Romania").decided_by == Criterion::h2h_goals_for);
  CHECK(row(s, "Romania").decided_value == 4);
  CHECK(row(s, "Belgium").decided_value == 2);
  CHECK(row(s, "Slovakia").decided_by == Criterion::h2h_goal_difference);
  SUBCASE("restarting the block after goal difference would put Belgium first") {
    // Belgium beat Romania 2-0: a two-team mini-table favours Belgium, so a
    // correct implementation must not build one here.
    const Standings pair = table("home,away,home_goals,away_goals\nBelgium,Romania,2,0\n", rules_named("uefa-euro"));
    CHECK(order_of(pair).front() == "Belgium");
    CHECK(order_of(s).front() == "Romania");
  }
}

TEST_CASE("re-applying the head-to-head block (UEFA criterion d)") {
  SUBCASE("with reapply_h2h the remaining pair gets a mini-table of its own") {
    const Standings s = table(k_reapply, rules_named("uefa-euro"));
    CHECK(order_of(s) == Names{"Z", "X", "Y", "D"});
    CHECK(row(s, "X").decided_by == Criterion::h2h_points);
    bool reapplied = false;
    for (const TieStep& st : s.groups[0].steps) reapplied = reapplied || st.reapplied;
    CHECK(reapplied);
  }
  SUBCASE("without it the pair goes on to overall goal difference") {
    Rules r = rules_named("uefa-euro");
    r.reapply_h2h = false;
    const Standings s = table(k_reapply, r);
    CHECK(order_of(s) == Names{"Z", "Y", "X", "D"});
    CHECK(row(s, "Y").decided_by == Criterion::goal_difference);
  }
  SUBCASE("FIFA: overall goals first, head-to-head last") {
    const Standings s = table(k_reapply, rules_named("fifa-world-cup"));
    CHECK(order_of(s) == Names{"Y", "Z", "X", "D"});
    CHECK(row(s, "Z").decided_by == Criterion::goals_for);
  }
}

TEST_CASE("a cycle: A beat B, B beat C, C beat A") {
  const std::string_view csv =
      "home,away,home_goals,away_goals,home_pens,away_pens\n"
      "A,B,1,0,,\n"
      "B,C,1,0,,\n"
      "C,A,1,0,,\n"
      "A,D,3,0,,\n"
      "B,D,2,0,,\n"
      "C,D,1,0,,\n";
  for (std::string_view name : {"qinghai-youth-2025", "uefa-euro", "fifa-world-cup", "league"}) {
    CAPTURE(name);
    const Standings s = table(csv, rules_named(name));
    // The mini-table cannot split the three; overall goal difference does.
    CHECK(order_of(s) == Names{"A", "B", "C", "D"});
    CHECK(row(s, "A").decided_by == Criterion::goal_difference);
  }
}

TEST_CASE("each criterion decides a two-way tie") {
  SUBCASE("h2h_points") {
    const Standings s = table(
        "home,away,home_goals,away_goals\nA,B,0,1\nA,C,5,0\nB,C,0,0\nA,D,0,0\n", rules_named("uefa-euro"));
    // A and B on 4; B won their match although A has the better goal difference.
    CHECK(order_of(s) == Names{"B", "A", "D", "C"});
    CHECK(row(s, "B").decided_by == Criterion::h2h_points);
  }
  SUBCASE("goal_difference and goals_for (league)") {
    const Standings gd = table("home,away,home_goals,away_goals\nA,C,3,0\nB,C,1,0\n", rules_named("league"));
    CHECK(order_of(gd) == Names{"A", "B", "C"});
    CHECK(row(gd, "A").decided_by == Criterion::goal_difference);
    const Standings gf = table("home,away,home_goals,away_goals\nA,C,3,2\nB,C,1,0\n", rules_named("league"));
    CHECK(order_of(gf) == Names{"A", "B", "C"});
    CHECK(row(gf, "A").decided_by == Criterion::goals_for);
  }
  SUBCASE("wins (UEFA)") {
    // A (W, D, L) and B (four draws) on 4 points, level on head-to-head
    // (0-0) and on goals (difference 0, 1 scored); A has more wins.
    const Standings s = table(
        "home,away,home_goals,away_goals\n"
        "A,B,0,0\n"
        "A,C,1,0\n"
        "A,D,0,1\n"
        "B,C,1,1\n"
        "B,E,0,0\n"
        "B,F,0,0\n",
        rules_named("uefa-euro"));
    CHECK(row(s, "A").points == 4);
    CHECK(row(s, "B").points == 4);
    CHECK(order_of(s).front() == "A");
    CHECK(row(s, "A").decided_by == Criterion::wins);
  }
  SUBCASE("fair_play") {
    const Standings s = table(
        "home,away,home_goals,away_goals,home_yellow,away_yellow,home_red,away_red\n"
        "A,B,1,1,2,1,0,0\n"
        "A,C,1,0,0,0,0,0\n"
        "B,C,1,0,0,0,0,1\n",
        rules_named("uefa-euro"));
    CHECK(order_of(s) == Names{"B", "A", "C"});
    CHECK(row(s, "B").decided_by == Criterion::fair_play);
    CHECK(row(s, "B").decided_value == 1);
    CHECK(row(s, "A").decided_value == 2);
  }
  SUBCASE("fair_play from the disciplinary-points columns") {
    const Standings s = table(
        "home,away,home_goals,away_goals,home_yellow,away_yellow,home_fair_play,away_fair_play\n"
        "A,B,1,1,5,0,1,4\n"
        "A,C,1,0,,,,\n"
        "B,C,1,0,,,,\n",
        rules_named("uefa-euro"));
    CHECK(order_of(s) == Names{"A", "B", "C"});
  }
  SUBCASE("lots, given with --lots") {
    const std::string_view csv = "home,away,home_goals,away_goals\nA,B,1,1\n";
    const Standings level = table(csv, rules_named("uefa-euro"));
    CHECK(level.groups[0].unresolved.size() == 1);
    CHECK(row(level, "A").rank == 1);
    CHECK(row(level, "B").rank == 1);
    CHECK(row(level, "B").shared_rank);
    StandingsOptions o;
    o.lots = {{"B", "A"}};
    const Standings drawn = table(csv, rules_named("uefa-euro"), o);
    CHECK(order_of(drawn) == Names{"B", "A"});
    CHECK(row(drawn, "A").rank == 2);
    CHECK(drawn.groups[0].unresolved.empty());
    CHECK(row(drawn, "B").decided_by == Criterion::lots);
  }
}

TEST_CASE("a three-way tie under the Qinghai rules, split by head-to-head goal difference") {
  const Standings s = table(
      "home,away,home_goals,away_goals,home_pens,away_pens\n"
      "A,B,2,0,,\n"
      "B,C,1,0,,\n"
      "C,A,3,1,,\n"
      "D,A,1,0,,\n"
      "D,B,1,0,,\n"
      "C,D,2,2,3,4\n",
      rules_named("qinghai-youth-2025"));
  // A, B, C: 3 points each; mini-table goal difference C +1, A 0, B -1.
  CHECK(order_of(s) == Names{"D", "C", "A", "B"});
  CHECK(row(s, "A").points == 3);
  CHECK(row(s, "C").points == 3);
  CHECK(row(s, "D").points == 8);
  CHECK(row(s, "C").decided_by == Criterion::h2h_goal_difference);
}

TEST_CASE("adjustments change points only, never the head-to-head mini-table") {
  const std::string_view csv =
      "home,away,home_goals,away_goals\n"
      "A,B,1,0\n"
      "A,C,0,1\n"
      "B,C,1,0\n";
  StandingsOptions o;
  o.adjustments = {{"", "C", 3, "awarded by the disciplinary committee"}, {"", "A", -3, "ineligible player"}};
  const Standings s = table(csv, rules_named("uefa-euro"), o);
  CHECK(row(s, "C").points == 6);
  CHECK(row(s, "C").adjustment == 3);
  CHECK(row(s, "A").points == 0);
  CHECK(order_of(s) == Names{"C", "B", "A"});
  SUBCASE("an unknown team is an error") {
    StandingsOptions bad;
    bad.adjustments = {{"", "Q", -3, ""}};
    const Standings e = table(csv, rules_named("uefa-euro"), bad);
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].code == "adjust_unknown_team_any");
  }
  SUBCASE("teams level only after an adjustment go to their head-to-head") {
    // C earns 6 and loses 3; B earns 3. Level on 3, B beat C: B first, and the
    // mini-table holds the match only (3 points to 0, not 3 to -3).
    StandingsOptions minus;
    minus.adjustments = {{"", "C", -3, ""}};
    const Standings m = table("home,away,home_goals,away_goals\nB,C,1,0\nC,A,2,0\nC,D,1,0\n",
                              rules_named("uefa-euro"), minus);
    CHECK(row(m, "C").points == 3);
    CHECK(row(m, "B").points == 3);
    CHECK(order_of(m).front() == "B");
    CHECK(row(m, "B").decided_by == Criterion::h2h_points);
    CHECK(row(m, "B").decided_value == 3);
    CHECK(row(m, "C").decided_value == 0);
  }
}

TEST_CASE("awarded matches count as recorded, in head-to-head too") {
  const Standings s = table(
      "home,away,home_goals,away_goals,status\n"
      "A,B,0,3,awarded\n"
      "A,C,2,0,\n"
      "B,C,0,1,\n",
      rules_named("uefa-euro"));
  CHECK(order_of(s) == Names{"B", "A", "C"});
  CHECK(row(s, "B").record.awarded == 1);
  bool awarded_in_h2h = false;
  for (const TieStep& st : s.groups[0].steps) awarded_in_h2h = awarded_in_h2h || st.h2h_awarded > 0;
  CHECK(awarded_in_h2h);
}

TEST_CASE("--through: the table as it stood after matchday N") {
  const std::string_view csv =
      "matchday,home,away,home_goals,away_goals\n"
      "1,A,B,1,0\n"
      "2,B,A,3,0\n";
  StandingsOptions o;
  o.through = 1;
  const Standings s = table(csv, rules_named("league"), o);
  CHECK(order_of(s) == Names{"A", "B"});
  CHECK(s.groups[0].remaining == 1);
  const Standings all = table(csv, rules_named("league"));
  CHECK(order_of(all) == Names{"B", "A"});
}

TEST_CASE("groups, unplayed fixtures and --group") {
  const std::string_view csv =
      "group,home,away,home_goals,away_goals\n"
      "A,A1,A2,1,0\n"
      "B,B1,B2,,\n"
      "A,A2,A1,,\n";
  const Results r = results_from(csv, rules_named("league"));
  REQUIRE(r.groups.size() == 2);
  const Standings s = compute_standings(r, rules_named("league"), {});
  CHECK(s.groups[0].name == "A");
  CHECK(s.groups[0].remaining == 1);
  CHECK(s.groups[1].rows[0].record.played == 0);
  StandingsOptions only_b;
  only_b.groups = {"B"};
  CHECK(compute_standings(r, rules_named("league"), only_b).groups.size() == 1);
  StandingsOptions missing;
  missing.groups = {"C"};
  CHECK(compute_standings(r, rules_named("league"), missing).diagnostics.at(0).code == "no_such_group");
}

TEST_CASE("parse_adjustment") {
  auto a = parse_adjustment("玉树州=-3:fielded an ineligible player");
  REQUIRE(a);
  CHECK(a->team == "玉树州");
  CHECK(a->points == -3);
  CHECK(a->reason == "fielded an ineligible player");
  CHECK(parse_adjustment("A=＋２")->points == 2);
  CHECK_FALSE(parse_adjustment("A=three"));
  CHECK_FALSE(parse_adjustment("A"));
  CHECK_FALSE(parse_adjustment("=-3"));
}

TEST_SUITE_END();
