#include <doctest/doctest.h>

#include "matchday/results.hpp"
#include "test_util.hpp"

using namespace matchday;
using matchday::test::result_errors;
using matchday::test::results_from;
using Lines = std::vector<std::string>;

TEST_SUITE_BEGIN("results");

TEST_CASE("parse_results: English and Chinese headers read the same") {
  const Results en = results_from("group,matchday,home,away,home_goals,away_goals\nA,1,西宁市,海东市,2,1\n");
  const Results zh = results_from("小组,轮次,主队,客队,主队进球,客队进球\nA,1,西宁市,海东市,２,１\n");
  REQUIRE(zh.groups.size() == 1);
  const Match& a = en.groups[0].matches.at(0);
  const Match& b = zh.groups[0].matches.at(0);
  CHECK(a.home_goals == b.home_goals);
  CHECK(a.away_goals == b.away_goals);
  CHECK(zh.groups[0].teams == std::vector<std::string>{"西宁市", "海东市"});
  CHECK(b.matchday == 1);
  CHECK(b.line == 2);
}

TEST_CASE("parse_results: a score column and a penalties column") {
  const Results r = results_from("主队,客队,比分,点球\nA,B,２：２,4:3\nC,D,1-0,\n");
  const Match& m = r.groups[0].matches.at(0);
  CHECK(m.home_goals == 2);
  CHECK(m.home_pens == 4);
  CHECK(m.away_pens == 3);
  CHECK(r.groups[0].matches.at(1).away_goals == 0);
}

TEST_CASE("parse_results: an unplayed fixture has both scores empty") {
  const Results r = results_from("home,away,home_goals,away_goals\nA,B,,\n");
  CHECK_FALSE(r.groups[0].matches.at(0).has_score());
}

TEST_CASE("parse_results: every error of SPEC §3, all at once, with line and column") {
  const Lines errors = result_errors(
      "home,away,home_goals,away_goals,home_pens,away_pens,status\n"
      "A,B,x,1,,,\n"           // 2: not a count
      "A,B,-1,1,,,\n"          // 3: negative
      "A,B,1.5,1,,,\n"         // 4: decimals
      "A,B,1,,,,\n"            // 5: one score only
      "A,A,1,0,,,\n"           // 6: plays itself
      "A,B,2,1,4,3,\n"         // 7: shootout on a match not drawn
      "A,B,1,1,3,3,\n"         // 8: shootout level
      "A,B,1,1,,,\n"           // 9: a draw without a shootout (Qinghai)
      "A,B,1,1,4,,\n"          // 10: one shootout score
      ",B,1,0,,,\n"            // 11: team missing
      "A,B,1,0,,,maybe\n"      // 12: unknown status
      "A,B,1,0,,,postponed\n"  // 13: a postponed match with a score
      "A,B,,,,,awarded\n"      // 14: an awarded match without a score
      "A,B,1,0,,,\n");         // 15: fine
  CHECK(errors == Lines{
                      "2: goals_not_count home_goals \"x\"",
                      "3: goals_not_count home_goals \"-1\"",
                      "4: goals_not_count home_goals \"1.5\"",
                      "5: one_score_missing away_goals \"\"",
                      "6: team_plays_itself away \"A\"",
                      "7: pens_not_drawn home_pens \"4\"",
                      "8: pens_level home_pens \"3\"",
                      "9: draw_needs_shootout home_goals \"1\"",
                      "10: one_pens_missing away_pens \"\"",
                      "11: team_missing home \"\"",
                      "12: bad_status status \"maybe\"",
                      "13: unplayed_has_score status \"postponed\"",
                      "14: awarded_no_score status \"awarded\"",
                  });
}

TEST_CASE("parse_results: a draw without a shootout is fine where draws count") {
  CHECK(result_errors("home,away,home_goals,away_goals\nA,B,1,1\n", *preset("uefa-euro")).empty());
}

TEST_CASE("parse_results: missing and duplicate columns") {
  CHECK(result_errors("home,home_goals,away_goals\nA,1,2\n") == Lines{"1: missing_column"});
  CHECK(result_errors("home,away\nA,B\n") == Lines{"1: missing_column"});
  CHECK(result_errors("home,away,home_goals,away_goals,主队\nA,B,1,0,C\n") == Lines{"1: duplicate_column 主队 \"\""});
  CHECK(result_errors("") == Lines{"0: empty_file"});
}

TEST_CASE("parse_results: the physical line of a record after a quoted line break") {
  const Lines errors = result_errors("home,away,home_goals,away_goals\n\"A\nteam\",B,1,0\nC,D,x,0\n",
                                     *preset("league"));
  CHECK(errors == Lines{"4: goals_not_count home_goals \"x\""});
}

TEST_CASE("parse_results: too many meetings is a warning") {
  std::vector<Diagnostic> diags;
  const Results r = results_from("home,away,home_goals,away_goals,home_pens,away_pens\nA,B,1,0,,\nB,A,2,0,,\n",
                                 *preset("qinghai-youth-2025"), &diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].severity == Severity::warning);
  CHECK(diags[0].code == "too_many_meetings");
  CHECK(diags[0].line == 3);
  CHECK(r.groups[0].matches.size() == 2);
}

TEST_CASE("parse_results: errors are capped per file, and the rest counted") {
  std::string csv = "home,away,home_goals,away_goals\n";
  for (int i = 0; i < 60; ++i) csv += "A,B,x,0\n";
  const Lines errors = result_errors(csv, *preset("league"));
  REQUIRE(errors.size() == k_max_errors_per_file + 1);
  CHECK(errors.back() == "0: more_errors");
}

TEST_CASE("parse_results: cards weighted by the rules") {
  const Results r = results_from(
      "home,away,home_goals,away_goals,home_yellow,away_yellow,home_red,away_red\nA,B,1,0,2,1,1,0\n",
      *preset("league"));
  CHECK(r.groups[0].matches[0].home_fair_play == 5);
  CHECK(r.groups[0].matches[0].away_fair_play == 1);
}

TEST_SUITE_END();
