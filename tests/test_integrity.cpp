#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "matchday/integrity.hpp"
#include "matchday/messages.hpp"
#include "matchday/results.hpp"
#include "test_util.hpp"

using namespace matchday;

namespace {

struct Run {
  Results results;
  std::vector<Diagnostic> diags;
};

// The files (name, CSV text) read together and checked, as a run reads them.
Run check(const std::vector<std::pair<std::string, std::string>>& files,
          const Rules& rules = *preset("qinghai-youth-2025")) {
  Run run;
  for (const auto& [name, text] : files) {
    ResultsOptions o;
    o.default_group = name.substr(0, name.find('.'));
    parse_results(text, name, rules, o, run.results, run.diags);
  }
  REQUIRE_FALSE(has_errors(run.diags));
  run.diags.clear();  // the readers' own warnings are theirs to test
  check_results(run.results, rules, run.diags);
  return run;
}

Run check(const std::string& csv, const Rules& rules = *preset("qinghai-youth-2025")) {
  return check({{"a.csv", csv}}, rules);
}

// Each diagnostic as "source:line: code: message" (English).
std::vector<std::string> said(const Run& run) {
  std::vector<std::string> out;
  for (const Diagnostic& d : run.diags) out.push_back(std::string(d.code) + ": " + format_diagnostic(d, Lang::en));
  return out;
}

const std::string k_header = "小组,轮次,日期,主队,客队,主队进球,客队进球,主队点球,客队点球\n";

}  // namespace

TEST_SUITE_BEGIN("integrity");

TEST_CASE("check_results: a clean file passes untouched") {
  const Run run = check(k_header + "A,1,2025-07-30,西宁市,海东市,2,1,,\nA,1,2025-07-30,海西州,玉树州,1,1,4,3\n"
                                   "A,2,2025-08-01,西宁市,海西州,0,1,,\nA,2,2025-08-01,海东市,玉树州,3,0,,\n");
  CHECK(run.diags.empty());
  REQUIRE(run.results.groups.size() == 1);
  CHECK(run.results.groups[0].teams == std::vector<std::string>{"西宁市", "海东市", "海西州", "玉树州"});
}

TEST_CASE("check_results: one match, one row") {
  SUBCASE("a row pasted twice names both lines") {
    const Run run = check(k_header + "A,1,2025-07-30,西宁市,海东市,2,1,,\nA,1,2025-07-30,海西州,玉树州,1,1,4,3\n"
                                     "A,1,2025-07-30,西宁市,海东市,2,1,,\n");
    REQUIRE(run.diags.size() == 1);
    CHECK(said(run)[0] ==
          "meets_too_often: a.csv:2: 西宁市 and 海东市 meet 2 times in this group, but the rules allow 1 (a.csv:2, "
          "a.csv:4): a match entered twice counts twice. Delete the copy, or mark the replaced match cancelled in the "
          "status column");
  }
  SUBCASE("entered again with home and away swapped and another score") {
    const Run run = check(k_header + "A,1,,西宁市,海东市,2,1,,\nA,,,海东市,西宁市,0,3,,\n");
    REQUIRE(run.diags.size() == 1);
    CHECK(run.diags[0].code == "meets_too_often");
    CHECK(run.diags[0].args.at(4) == "a.csv:2, a.csv:3");
  }
  SUBCASE("three copies: every line") {
    const Run run = check(k_header + "A,1,,B队,C队,1,0,,\nA,1,,B队,C队,1,0,,\nA,1,,C队,B队,1,0,,\n");
    REQUIRE(run.diags.size() == 1);
    CHECK(run.diags[0].args.at(2) == "3");
    CHECK(run.diags[0].args.at(4) == "a.csv:2, a.csv:3, a.csv:4");
  }
  SUBCASE("last week's file passed with this week's: both files named") {
    const std::string week2 = k_header + "A,1,,西宁市,海东市,2,1,,\nA,1,,海西州,玉树州,1,1,4,3\n";
    const std::string week3 = week2 + "A,2,,西宁市,海西州,0,1,,\n";
    const Run run = check({{"A组_第2轮.csv", week2}, {"A组_第3轮.csv", week3}});
    REQUIRE(run.diags.size() == 2);
    CHECK(run.diags[0].code == "meets_too_often_files");
    CHECK(run.diags[0].source == "A组_第2轮.csv");
    CHECK(run.diags[0].args.at(4) == "A组_第2轮.csv:2, A组_第3轮.csv:2");
    CHECK(run.diags[1].args.at(4) == "A组_第2轮.csv:3, A组_第3轮.csv:3");
  }
  SUBCASE("a cancelled or postponed row is not a meeting") {
    const Run run = check("group,matchday,home,away,home_goals,away_goals,home_pens,away_pens,status\n"
                          "A,1,B,C,,,,,postponed\nA,3,B,C,2,0,,,\nA,2,D,E,,,,,cancelled\nA,2,D,E,1,0,,,\n");
    CHECK(run.diags.empty());
  }
  SUBCASE("a double round robin: twice is fine, twice on one matchday or date is not") {
    Rules rules = *preset("league");
    rules.max_meetings = 2;
    CHECK(check("matchday,home,away,home_goals,away_goals\n1,B,C,1,0\n2,C,B,1,1\n", rules).diags.empty());
    const Run same_day = check("matchday,home,away,home_goals,away_goals\n1,B,C,1,0\n1,C,B,1,1\n", rules);
    REQUIRE(same_day.diags.size() == 1);
    CHECK(said(same_day)[0] ==
          "meets_twice: a.csv:2: B and C meet twice on matchday or date 1 (a.csv:2, a.csv:3): one match, one row. "
          "Delete the copy, or mark the replaced match cancelled in the status column");
    const Run same_date =
        check("date,home,away,home_goals,away_goals\n2025-08-01,B,C,1,0\n2025/8/1,C,B,1,1\n", rules);
    REQUIRE(same_date.diags.size() == 1);
    CHECK(same_date.diags[0].args.at(2) == "2025-08-01");
  }
  SUBCASE("knockout-stage rows are the bracket's, not group meetings") {
    const Run run = check("stage,home,away,home_goals,away_goals,home_pens,away_pens\n"
                          "半决赛,B,C,1,0,,\n决赛,B,C,1,1,4,2\n");
    CHECK(run.diags.empty());
  }
}

TEST_CASE("check_results: names that cannot be told apart are one team, or an error") {
  SUBCASE("a zero-width space from a chat program: one team, shown clean") {
    const Run run = check(k_header + "A,1,,海东市\u200b,西宁市,1,0,,\nA,2,,海东市,海西州,1,0,,\nA,3,,西宁市,海西州,1,0,,\n");
    CHECK(run.diags.empty());
    CHECK(run.results.groups[0].teams == std::vector<std::string>{"海东市", "西宁市", "海西州"});
    CHECK(run.results.groups[0].matches.at(1).home == 0);
  }
  SUBCASE("a byte-order mark, a no-break space and an escape sequence inside a cell") {
    const Run run = check("home,away,home_goals,away_goals\n\xEF\xBB\xBF" "B,\x1B[31mC\x1B[0m,1,0\nC,D\xC2\xA0,1,0\nB,D,0,0\n",
                          *preset("league"));
    CHECK(run.diags.empty());
    CHECK(run.results.groups[0].teams == std::vector<std::string>{"B", "C", "D"});
  }
  SUBCASE("two names that become one in the same row") {
    const Run run = check("home,away,home_goals,away_goals\n海东市,海东市\u2060,1,0\n", *preset("league"));
    REQUIRE(run.diags.size() == 1);
    CHECK(run.diags[0].code == "same_team_hidden");
    CHECK(run.diags[0].line == 2);
  }
  SUBCASE("西宁 in one row and 西宁市 in the rest: did you mean 西宁市") {
    const Run run = check(k_header + "A,1,,西宁市,海东市,2,1,,\nA,1,,海西州,玉树州,1,0,,\nA,2,,西宁,海西州,0,1,,\n"
                                     "A,2,,海东市,玉树州,3,0,,\nA,3,,玉树州,西宁市,1,0,,\n");
    REQUIRE(run.diags.size() == 1);
    CHECK(said(run)[0] ==
          "team_written_two_ways: a.csv:4: \"西宁\" (a.csv:4) and \"西宁市\" (a.csv:2, a.csv:6) in group A differ only "
          "by an ending, width or case, so they look like one team written two ways; did you mean 西宁市? Write the "
          "name the same way in every row");
  }
  SUBCASE("endings, width and case") {
    for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"海西州", "海西州代表队"}, {"Xining FC", "xining fc"}, {"ＡＢＣ", "abc"}, {"海 东", "海东市"}, {"玉树队", "玉树"}}) {
      CAPTURE(a);
      CAPTURE(b);
      const Run run = check("home,away,home_goals,away_goals\n" + a + ",Z,1,0\nZ," + b + ",1,0\nZ,Y,1,0\n",
                            *preset("league"));
      REQUIRE(run.diags.size() == 1);
      CHECK(run.diags[0].code == "team_written_two_ways");
    }
  }
  SUBCASE("different teams with a common ending are not flagged") {
    const Run run = check("home,away,home_goals,away_goals\n海东市,海西州,1,0\n西宁市,海北州,1,0\n", *preset("league"));
    CHECK(run.diags.empty());
  }
}

TEST_CASE("check_results: groups") {
  SUBCASE("A, Ａ, A组, A 组, 第A组, Group A are one group, shown as A") {
    const Run run = check("小组,主队,客队,主队进球,客队进球\nA,B,C,1,0\nＡ,D,E,1,0\nA组,B,D,1,0\nA 组,C,E,1,0\n"
                          "第A组,B,E,1,0\nGroup A,C,D,1,0\na,E,F,1,0\nB组,X,Y,1,0\n",
                          *preset("league"));
    CHECK_FALSE(has_errors(run.diags));
    REQUIRE(run.results.groups.size() == 2);
    CHECK(run.results.groups[0].name == "A");
    CHECK(run.results.groups[0].matches.size() == 7);
    CHECK(run.results.groups[0].teams == std::vector<std::string>{"B", "C", "D", "E", "F"});
    CHECK(run.results.groups[1].name == "B");
  }
  SUBCASE("a team in two groups") {
    const Run run = check("小组,主队,客队,主队进球,客队进球\nA,西宁市,海东市,1,0\nB,海西州,玉树州,1,0\nB,西宁市,玉树州,1,0\n",
                          *preset("league"));
    REQUIRE(run.diags.size() == 1);
    CHECK(said(run)[0] ==
          "team_in_two_groups: a.csv:4: 西宁市 play(s) in group A (a.csv:2) and in group B (a.csv:4); a team plays in "
          "one group. Correct the group cell; if these are one group written differently, write it the same way, and if "
          "the files have no group column, add one");
  }
  SUBCASE("two files without a group column, each a matchday of the same group") {
    const Run run = check({{"A组_第1轮.csv", "home,away,home_goals,away_goals\nB,C,1,0\nD,E,1,0\n"},
                           {"A组_第2轮.csv", "home,away,home_goals,away_goals\nB,D,1,0\nC,E,1,0\n"}},
                          *preset("league"));
    REQUIRE(run.diags.size() == 1);
    CHECK(run.diags[0].code == "team_in_two_groups");
    CHECK(run.diags[0].args.at(0) == "B, D, C, E");
  }
  SUBCASE("a file named after its group keeps its name") {
    const Run run = check({{"groupA.csv", "home,away,home_goals,away_goals\nB,C,1,0\n"}}, *preset("league"));
    CHECK(run.results.groups.at(0).name == "groupA");
  }
  SUBCASE("a team in far fewer rows than the others: a warning") {
    const Run run = check("home,away,home_goals,away_goals\nB,C,1,0\nB,D,1,0\nB,E,1,0\nC,D,1,0\nC,E,1,0\nD,E,1,0\n"
                          "B,C,,\nB,D,,\nC,E,,\nF,B,0,0\n",
                          *preset("league"));
    REQUIRE(run.diags.size() == 1);
    CHECK(run.diags[0].severity == Severity::warning);
    CHECK(run.diags[0].code == "team_few_rows");
    CHECK(run.diags[0].args.at(0) == "F");
  }
}

TEST_CASE("check_results: errors are capped per file, and the check is linear") {
  std::string csv = "home,away,home_goals,away_goals\n";
  for (int i = 0; i < 200; ++i) csv += "B,C,1,0\n";  // 200 copies: one error naming the first 8 lines
  const Run copies = check(csv, *preset("league"));
  REQUIRE(copies.diags.size() == 1);
  CHECK(copies.diags[0].args.at(4).ends_with("a.csv:9 (+192)"));

  // 60,000 teams in one group (a league without its group column), each pair
  // once: no error, and no square table of the teams.
  std::string big = "home,away,home_goals,away_goals\n";
  for (int i = 0; i < 60000; i += 2) {
    big.append("T").append(std::to_string(i)).append(",T").append(std::to_string(i + 1)).append(",1,0\n");
  }
  const Run run = check(big, *preset("league"));
  CHECK(run.diags.empty());
}

TEST_CASE("resolve_matchdays: a row without a matchday takes it from its date, or is refused") {
  Run run = check(k_header + "A,1,2025-07-30,西宁市,海东市,2,1,,\nA,1,2025-07-30,海西州,玉树州,1,1,4,3\n"
                             "A,,2025-08-01,西宁市,海西州,0,1,,\nA,2,2025-08-01,海东市,玉树州,3,0,,\n"
                             "A,,,玉树州,西宁市,0,2,,\nA,,2025-07-31,海东市,海西州,1,1,2,4\n");
  std::vector<Diagnostic> diags;
  resolve_matchdays(run.results, diags);
  REQUIRE(diags.size() == 3);
  CHECK(diags[0].severity == Severity::warning);
  CHECK(diags[0].code == "matchday_from_date");
  CHECK(diags[0].line == 4);
  CHECK(run.results.groups[0].matches[2].matchday == 2);
  CHECK(diags[1].code == "matchday_missing_through");  // no date
  CHECK(diags[1].line == 6);
  CHECK(diags[2].code == "matchday_missing_through");  // a date no matchday has
  CHECK(diags[2].line == 7);
  SUBCASE("a date two matchdays share decides nothing") {
    Run two = check(k_header + "A,1,2025-07-30,西宁市,海东市,2,1,,\nA,2,2025-07-30,海西州,玉树州,1,1,4,3\n"
                               "A,,2025-07-30,西宁市,海西州,0,1,,\n");
    std::vector<Diagnostic> d;
    resolve_matchdays(two.results, d);
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "matchday_missing_through");
  }
}

TEST_CASE("clean_name, canonical_group_name, team_name_key") {
  CHECK(clean_name("  海东市\u200b ") == "海东市");
  CHECK(clean_name("\u3000西宁\u00a0") == "西宁");
  CHECK(clean_name("A\u200dB") == "AB");
  CHECK(clean_name("\xEF\xBB\xBF" "X") == "X");
  CHECK(clean_name("a\x7f\xC2\x85" "b") == "ab");
  CHECK(clean_name("海 东") == "海 东");
  CHECK(clean_name("\x1B[1;31m玉树州\x1B[0m") == "玉树州");
  CHECK(clean_name("\x1B]0;title\x07X\x1B]8;;http://x\x1B\\Y") == "XY");
  CHECK(clean_name("\x1B") == "");
  CHECK(clean_name("A\x1B") == "A");
  for (const char* g : {"A", "a", "Ａ", "A组", "A 组", "第A组", "Group A", "group a", "A組", "A小组"}) {
    CAPTURE(g);
    CHECK(canonical_group_name(g) == "A");
  }
  CHECK(canonical_group_name("甲组") == "甲");
  CHECK(canonical_group_name("组") == "组");
  CHECK(canonical_group_name("U15") == "U15");
  CHECK(team_name_key("海西州代表队") == "海西");
  CHECK(team_name_key("Xining  FC") == "xiningfc");
  CHECK(team_name_key("市") == "市");
}

TEST_SUITE_END();
