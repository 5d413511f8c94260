#include <doctest/doctest.h>

#include "matchday/knockout.hpp"
#include "test_util.hpp"

using namespace matchday;
using matchday::test::read_source_file;
using Names = std::vector<std::string>;

TEST_SUITE_BEGIN("knockout");

namespace {

// Files read together, as the CLI does (group named after the file when there
// is no group column).
Results read_files(const std::vector<std::pair<std::string, std::string>>& files, const Rules& rules,
                   std::vector<Diagnostic>* diags_out = nullptr) {
  Results r;
  std::vector<Diagnostic> diags;
  for (const auto& [name, text] : files) {
    ResultsOptions o;
    o.default_group = name.substr(0, name.find('.'));
    parse_results(text, name, rules, o, r, diags);
  }
  if (diags_out) {
    *diags_out = diags;
  } else {
    for (const Diagnostic& d : diags) {
      INFO(format_diagnostic(d, Lang::en));
      CHECK(d.severity == Severity::warning);
    }
  }
  return r;
}

Pairing pairing_of(std::string_view spec) {
  PairingParse p = parse_pairing(spec, "", "--pairing");
  for (const Diagnostic& d : p.diagnostics) FAIL(format_diagnostic(d, Lang::en));
  return p.pairing;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) out.push_back(format_diagnostic(d, Lang::en));
  return out;
}

const Rules k_qinghai = *preset("qinghai-youth-2025");
const Rules k_uefa = *preset("uefa-euro");

// The examples: group A (4 teams), group B (4 teams), the knockout results.
Results examples(std::string_view knockout = {}) {
  std::vector<std::pair<std::string, std::string>> files{
      {"groupA.csv", read_source_file("examples/groupA.csv")},
      {"groupB.csv", read_source_file("examples/groupB.csv")},
  };
  if (!knockout.empty()) files.emplace_back("knockout.csv", std::string(knockout));
  return read_files(files, k_qinghai);
}

// Three groups of unequal size (UEFA points). Thirds: A's a3 has 4 points in
// 3 matches (1.33 a match), C's c1 3 points in 2 (1.5), B's b3 none.
constexpr std::string_view k_unequal =
    "group,home,away,home_goals,away_goals\n"
    "A,a1,a2,1,0\nA,a1,a3,1,0\nA,a1,a4,1,0\nA,a2,a4,2,0\nA,a3,a4,1,0\nA,a2,a3,1,1\n"
    "B,b1,b2,2,0\nB,b1,b3,2,0\nB,b2,b3,1,0\n"
    "C,c1,c2,1,0\nC,c2,c3,2,0\nC,c3,c1,3,0\n";

}  // namespace

TEST_CASE("parse_pairing: slots") {
  const Pairing p = pairing_of("A1-B2, B1 - A2");
  REQUIRE(p.matches.size() == 2);
  CHECK(p.matches[0][0] == Slot{"A1", "A", 1, 0});
  CHECK(p.matches[1][1] == Slot{"A2", "A", 2, 0});
  const Pairing best = pairing_of("groupA1-3rd2，甲1－2nd1");  // full-width comma and dash
  REQUIRE(best.matches.size() == 2);
  CHECK(best.matches[0][0] == Slot{"groupA1", "groupA", 1, 0});
  CHECK(best.matches[0][1] == Slot{"3rd2", "", 3, 2});
  CHECK(best.matches[1][0] == Slot{"甲1", "甲", 1, 0});
  CHECK(best.matches[1][1] == Slot{"2nd1", "", 2, 1});
  // A group name may have a dash of its own.
  const Pairing dashed = pairing_of("U-15A1-U-15B2");
  CHECK(dashed.matches.at(0)[0].group == "U-15A");
  CHECK(pairing_of("A1-B2,B1-A2,C1-D2,D1-C2").matches.size() == 4);
}

TEST_CASE("parse_pairing: errors name the item") {
  auto errors = [](std::string_view spec) {
    std::vector<std::string> out;
    for (const Diagnostic& d : parse_pairing(spec, "", "--pairing").diagnostics) {
      out.push_back(std::string(d.code) + " \"" + d.value + "\"");
    }
    return out;
  };
  CHECK(errors("") == Names{"pairing_empty \"\""});
  CHECK(errors("A1-B2,B1") == Names{"pairing_bad_match \"B1\""});
  CHECK(errors("A1-B") == Names{"pairing_bad_match \"A1-B\""});
  CHECK(errors("A0-B1") == Names{"pairing_bad_match \"A0-B1\""});
  CHECK(errors("1-B2") == Names{"pairing_bad_match \"1-B2\""});
  CHECK(errors("A1-B2,A1-C2") == Names{"pairing_slot_twice \"A1\""});
  CHECK(errors("A1-B2,B1-A2,C1-C2") == Names{"pairing_count \"A1-B2,B1-A2,C1-C2\""});
  const Diagnostic d = parse_pairing("A1", "cup.rules", "pairing").diagnostics.at(0);
  CHECK(format_diagnostic(d, Lang::en).starts_with("cup.rules: pairing \"A1\": a pairing match is two places"));
}

TEST_CASE("group_stage_only: knockout rows and teams that played no group match are dropped") {
  const Results r = read_files({{"all.csv",
                                 "group,stage,home,away,home_goals,away_goals,home_pens,away_pens\n"
                                 "A,,x,y,1,0,,\nA,,y,z,1,0,,\nA,,z,x,1,0,,\n"
                                 "A,final,x,w,1,0,,\n,final,y,v,2,2,4,3\n"}},
                               k_qinghai);
  REQUIRE(r.groups.size() == 2);
  CHECK(r.groups[0].teams.size() == 4);
  const Results g = group_stage_only(r);
  REQUIRE(g.groups.size() == 1);
  CHECK(g.groups[0].teams == Names{"x", "y", "z"});
  CHECK(g.groups[0].matches.size() == 3);
  for (const Match& m : g.groups[0].matches) CHECK(m.stage == 0);
}

TEST_CASE("compute_knockout: pairings from group places, then the bracket skeleton") {
  const Knockout k = compute_knockout(examples(), k_qinghai, {}, pairing_of(k_qinghai.pairing));
  CHECK(k.diagnostics.empty());
  REQUIRE(k.rounds.size() == 2);
  REQUIRE(k.rounds[0].size() == 2);
  CHECK(k.rounds[0][0].home.team == "西宁市");  // A1
  CHECK(k.rounds[0][0].away.team == "果洛州");  // B2
  CHECK(k.rounds[0][1].home.team == "海南州");  // B1
  CHECK(k.rounds[0][1].away.team == "海东市");  // A2
  CHECK_FALSE(k.rounds[0][0].has_result);
  const KnockoutMatch& final_match = k.rounds[1].at(0);
  CHECK(final_match.home.team.empty());
  CHECK(final_match.home.from == SideFrom::winner);
  CHECK(final_match.away.match == 1);
  CHECK_FALSE(k.third_place);
}

TEST_CASE("compute_knockout: the bracket round by round, a draw decided by its shootout") {
  const Knockout k = compute_knockout(examples(read_source_file("examples/knockout.csv")), k_qinghai, {},
                                      pairing_of(k_qinghai.pairing));
  CHECK(k.diagnostics.empty());
  REQUIRE(k.rounds.size() == 2);
  const KnockoutMatch& sf1 = k.rounds[0][0];
  CHECK(sf1.decided);
  CHECK(sf1.home_goals == 1);
  CHECK(sf1.away_goals == 1);
  CHECK(sf1.home_pens == 3);
  CHECK(sf1.away_pens == 4);
  CHECK(sf1.winner_team() == "果洛州");
  CHECK(sf1.stage == "半决赛");
  CHECK(sf1.line == 2);
  // The row lists 海东市 first: the bracket keeps its own order.
  const KnockoutMatch& sf2 = k.rounds[0][1];
  CHECK(sf2.home.team == "海南州");
  CHECK(sf2.home_goals == 0);
  CHECK(sf2.away_goals == 2);
  CHECK(sf2.winner_team() == "海东市");
  const KnockoutMatch& f = k.rounds[1][0];
  CHECK(f.home.team == "果洛州");
  CHECK(f.away.team == "海东市");
  CHECK(f.winner_team() == "海东市");
  CHECK(f.date == Date{2025, 8, 7});
  REQUIRE(k.third_place);
  CHECK(k.third_place->home.team == "西宁市");
  CHECK(k.third_place->home.from == SideFrom::loser);
  CHECK(k.third_place->winner_team() == "西宁市");
}

TEST_CASE("compute_knockout: errors in knockout rows, with file and line, in file order") {
  const Knockout k = compute_knockout(examples("stage,home,away,home_goals,away_goals,home_pens,away_pens\n"
                                               "SF,西宁市,果洛州,1,1,,\n"      // 2: drawn, no shootout
                                               "SF,海南州,西宁市,1,0,,\n"      // 3: not a match of the bracket
                                               "SF,海南州,海东市,0,0,5,4\n"    // 4: fine
                                               "SF,海东市,海南州,0,0,5,4\n"),  // 5: the same match again
                                      k_qinghai, {}, pairing_of("A1-B2,B1-A2"));
  CHECK(messages(k.diagnostics) ==
        Names{
            "knockout.csv:2: \"1-1\": this knockout match (西宁市 v 果洛州) is drawn but has no shootout result; a "
            "knockout match needs a winner: fill in home_pens and away_pens (主队点球, 客队点球)",
            "knockout.csv:3: \"海南州 - 西宁市\": 海南州 v 西宁市 is not a match of the bracket (from the pairing and "
            "the earlier rounds' results); check the team names, the pairing and the earlier results",
            "knockout.csv:5: \"海东市 - 海南州\": this knockout match is entered twice (also at knockout.csv:4); "
            "remove one",
        });
}

TEST_CASE("compute_knockout: the pairing must name groups and places that exist") {
  const Knockout k = compute_knockout(examples(), k_qinghai, {}, pairing_of("A1-C2,B1-A5"));
  CHECK(messages(k.diagnostics) ==
        Names{": \"C2\": no group C in the results (groups read: A, B); correct the pairing or the group column",
              ": \"A5\": group A has only 4 teams; correct the pairing"});
}

TEST_CASE("compute_knockout: an unresolved group tie blocks the pairing and names --lots") {
  // P, Q, R beat each other in a circle, 1-0 each: level after every criterion.
  const std::string csv =
      "group,home,away,home_goals,away_goals\n"
      "A,P,Q,1,0\nA,Q,R,1,0\nA,R,P,1,0\n"
      "B,S,T,2,0\nB,T,U,2,0\nB,S,U,2,0\n";
  const Results r = read_files({{"r.csv", csv}}, k_qinghai);
  const Knockout blocked = compute_knockout(r, k_qinghai, {}, pairing_of("A1-B2,B1-A2"));
  REQUIRE(blocked.diagnostics.size() == 2);
  CHECK(format_diagnostic(blocked.diagnostics[0], Lang::en) ==
        ": \"A1\": group A: P, Q, R are level after every criterion, so place 1 is not decided; draw lots and pass "
        "--lots \"P,Q,R\" in the drawn order");
  CHECK(blocked.diagnostics[1].value == "A2");
  StandingsOptions drawn;
  drawn.lots = {{"R", "P", "Q"}};
  const Knockout k = compute_knockout(r, k_qinghai, drawn, pairing_of("A1-B2,B1-A2"));
  CHECK(k.diagnostics.empty());
  CHECK(k.rounds[0][0].home.team == "R");
  CHECK(k.rounds[0][1].away.team == "P");
  // While fixtures remain, a level place is open, not a matter for lots.
  const Results open = read_files({{"o.csv", "group,home,away,home_goals,away_goals\nA,P,Q,,\nA,Q,R,,\nA,R,P,,\n"
                                              "B,S,T,2,0\nB,T,U,2,0\nB,S,U,2,0\n"}},
                                  k_qinghai);
  const Knockout pending = compute_knockout(open, k_qinghai, {}, pairing_of("A1-B2"));
  REQUIRE(pending.diagnostics.size() == 2);
  CHECK(pending.diagnostics[0].severity == Severity::warning);
  CHECK(pending.diagnostics[1].code == "knockout_place_open");
  CHECK(pending.diagnostics[1].args == Names{"A", "P, Q, R", "1", "3"});
  // Only the places the pairing uses must be decided: S and T are enough.
  const Knockout b_only = compute_knockout(r, k_qinghai, {}, pairing_of("B1-B2"));
  CHECK(b_only.diagnostics.empty());
}

TEST_CASE("rank_placed: best thirds across groups of 3 and 4 teams, per match") {
  const Results r = read_files({{"r.csv", std::string(k_unequal)}}, k_uefa);
  const Standings s = compute_standings(group_stage_only(r), k_uefa, {});
  const std::vector<PlacedTeam> thirds = rank_placed(s, 3, {});
  REQUIRE(thirds.size() == 3);
  // c1: 3 points in 2 matches beats a3: 4 points in 3.
  CHECK(thirds[0].team == "c1");
  CHECK(thirds[0].played == 2);
  CHECK(thirds[1].team == "a3");
  CHECK(thirds[1].points == 4);
  CHECK(thirds[2].team == "b3");
  for (int i = 0; i < 3; ++i) {
    CHECK(thirds[static_cast<std::size_t>(i)].rank == i + 1);
    CHECK_FALSE(thirds[static_cast<std::size_t>(i)].shared_rank);
  }
  const Knockout k = compute_knockout(r, k_uefa, {}, pairing_of("A1-3rd1,B1-3rd2"));
  CHECK(k.diagnostics.empty());
  CHECK(k.rounds[0][0].away.team == "c1");
  CHECK(k.rounds[0][1].away.team == "a3");
  REQUIRE(k.best.size() == 1);
  CHECK(k.best[0].first == 3);
}

namespace {

// A table with one row per {team, played, points, goals for, goals against}.
GroupTable table(std::string name, std::vector<std::tuple<std::string, int, int, int, int>> rows) {
  GroupTable g;
  g.name = std::move(name);
  int rank = 0;
  for (const auto& [team, played, points, gf, ga] : rows) {
    StandingRow r;
    r.name = team;
    r.rank = ++rank;
    r.record.played = played;
    r.record.goals_for = gf;
    r.record.goals_against = ga;
    r.points = points;
    g.rows.push_back(r);
  }
  return g;
}

}  // namespace

TEST_CASE("rank_placed: points, then goal difference, then goals per match; exact; lots; shared") {
  Standings s;
  // Second places: x 2 pts/2 and y 3 pts/3 level per match (1.0);
  // x's goal difference +1 in 2 (0.5) beats y's +1 in 3.
  s.groups.push_back(table("A", {{"a", 2, 6, 4, 0}, {"x", 2, 2, 3, 2}}));
  s.groups.push_back(table("B", {{"b", 3, 9, 6, 0}, {"y", 3, 3, 4, 3}, {"b3", 3, 0, 0, 9}}));
  // z: 1 pt/3 and w: 2 pts/6 are the same third (no rounding): next goal
  // difference, -1/3 and -2/6, level too; then goals, 3/3 against 4/6.
  s.groups.push_back(table("C", {{"c", 3, 9, 9, 0}, {"c2", 3, 3, 1, 3}, {"z", 3, 1, 3, 4}}));
  s.groups.push_back(table("D", {{"d", 6, 18, 9, 0}, {"d2", 6, 6, 1, 3}, {"w", 6, 2, 4, 6}}));
  const auto seconds = rank_placed(s, 2, {});
  REQUIRE(seconds.size() == 4);
  CHECK(seconds[0].team == "x");
  CHECK(seconds[1].team == "y");
  const auto thirds = rank_placed(s, 3, {});
  REQUIRE(thirds.size() == 3);
  CHECK(thirds[0].team == "z");
  CHECK(thirds[1].team == "w");
  CHECK(thirds[2].team == "b3");

  // Level on everything: they share a rank (in group order) until lots are drawn.
  Standings level;
  level.groups.push_back(table("A", {{"a", 2, 6, 4, 0}, {"p", 2, 3, 2, 2}}));
  level.groups.push_back(table("B", {{"b", 4, 12, 4, 0}, {"q", 4, 6, 4, 4}}));
  const auto shared = rank_placed(level, 2, {});
  REQUIRE(shared.size() == 2);
  CHECK(shared[0].team == "p");
  CHECK(shared[0].rank == 1);
  CHECK(shared[1].rank == 1);
  CHECK(shared[1].shared_rank);
  const auto drawn = rank_placed(level, 2, {{"q", "p"}});
  CHECK(drawn[0].team == "q");
  CHECK(drawn[1].rank == 2);
  CHECK_FALSE(drawn[0].shared_rank);
}

TEST_CASE("compute_knockout: best-placed teams level after every criterion block the pairing") {
  // a2 and b2: 3 points, +1, 2 goals in 2 matches each.
  const std::string csv =
      "group,home,away,home_goals,away_goals\n"
      "A,a1,a2,1,0\nA,a2,a3,2,0\nA,a1,a3,1,0\n"
      "B,b1,b2,1,0\nB,b2,b3,2,0\nB,b1,b3,1,0\n";
  const Results r = read_files({{"r.csv", csv}}, k_uefa);
  const Knockout k = compute_knockout(r, k_uefa, {}, pairing_of("A1-2nd1,B1-2nd2"));
  REQUIRE(k.diagnostics.size() == 2);
  CHECK(format_diagnostic(k.diagnostics[0], Lang::en) ==
        ": \"2nd1\": the teams in place 2 of their groups a2, b2 are level on points, goal difference, goals and "
        "fair-play points per match; draw lots and pass --lots \"a2,b2\" in the drawn order");
  StandingsOptions o;
  o.lots = {{"b2", "a2"}};
  const Knockout drawn = compute_knockout(r, k_uefa, o, pairing_of("A1-2nd1,B1-2nd2"));
  CHECK(drawn.diagnostics.empty());
  CHECK(drawn.rounds[0][0].away.team == "b2");
  CHECK(drawn.rounds[0][1].away.team == "a2");
}

TEST_CASE("compute_knockout: a team in two slots; places still open are a warning") {
  const Results r = read_files({{"r.csv", std::string(k_unequal)}}, k_uefa);
  const Knockout twice = compute_knockout(r, k_uefa, {}, pairing_of("A3-B1,3rd2-C1"));
  REQUIRE(twice.diagnostics.size() == 1);
  CHECK(twice.diagnostics[0].code == "knockout_team_twice");
  CHECK(twice.diagnostics[0].args == Names{"a3", "A3", "3rd2"});

  const Results partial = read_files({{"groupA.csv", read_source_file("examples/groupA.csv")},
                                      {"groupB_partial.csv", read_source_file("examples/groupB_partial.csv")}},
                                     k_qinghai);
  const Knockout k = compute_knockout(partial, k_qinghai, {}, pairing_of("A1-B2,B1-A2"));
  REQUIRE(k.diagnostics.size() == 1);
  CHECK(k.diagnostics[0].severity == Severity::warning);
  CHECK(format_diagnostic(k.diagnostics[0], Lang::en) ==
        ": warning: group B has 2 fixture(s) not yet played; these places may still change");
}

TEST_SUITE_END();
