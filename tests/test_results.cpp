#include <doctest/doctest.h>

#include <mutex>
#include <sys/resource.h>
#include <random>

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

TEST_CASE("parse_results: every error of docs/spec.md §3, all at once, with line and column") {
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
  CHECK(result_errors("home,home_goals,away_goals\nA,1,2\n") ==
        Lines{"1: header_not_found", "1: missing_column"});
  CHECK(result_errors("home,away\nA,B\n") == Lines{"1: header_not_found", "1: missing_column"});
  CHECK(result_errors("home,away,home_goals,away_goals,主队\nA,B,1,0,C\n") == Lines{"1: duplicate_column 主队 \"\""});
  CHECK(result_errors("") == Lines{"0: empty_file"});
}

TEST_CASE("parse_results: the physical line of a record after a quoted line break") {
  const Lines errors = result_errors("home,away,home_goals,away_goals\n\"A\nteam\",B,1,0\nC,D,x,0\n",
                                     *preset("league"));
  CHECK(errors == Lines{"4: goals_not_count home_goals \"x\""});
}

TEST_CASE("parse_results: a pair meeting too often is check_results' to judge, not the reader's") {
  // One place counts meetings (integrity.cpp, over every file of a run):
  // the reader keeps both rows and says nothing.
  std::vector<Diagnostic> diags;
  const Results r = results_from("home,away,home_goals,away_goals,home_pens,away_pens\nA,B,1,0,,\nB,A,2,0,,\n",
                                 *preset("qinghai-youth-2025"), &diags);
  CHECK(diags.empty());
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


// The fast row parser and the reading of a file in parts must give what the
// general reader gives on one thread, row for row and report for report: on
// random files full of what sends a row to the general reader (quotes, spaces,
// full-width digits, other date forms, CRLF, blank and short rows, errors).
namespace {

std::string random_results_file(std::mt19937& rng, bool with_quotes, bool with_errors) {
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  // Names with a space inside, and one with a comma (quoted, or without it
  // in a file without quotes).
  const std::vector<std::string> teams = {"西宁一中", "海东市", "玉树州", "Old Harbour", "海北青训队", "Riverside, North"};
  const bool crlf = pick(4) == 0;
  const std::string nl = crlf ? "\r\n" : "\n";
  const bool has_group = pick(5) != 0;
  const bool blocks = pick(2) == 0;
  // Rows of a matchday that share its date (and so start with the same bytes
  // as the row before: the fast parser takes those as they were), a group
  // column after the teams, group names too long for that.
  const bool matchday_dates = pick(2) == 0;
  const bool group_after = has_group && pick(4) == 0;
  const bool long_groups = pick(6) == 0;
  // Without the remarks column the row ends with its counts, which the fast
  // parser reads in a loop of their own.
  const bool remarks = pick(2) == 0;
  // Other shapes: English headers, a status column at the end.
  const bool english = pick(3) == 0;
  const bool status_col = pick(3) == 0;
  // The group's cell, moved after the teams' when group_after.
  const auto place_group = [&](std::string line) {
    if (!group_after) return line;
    const std::size_t cell = line.find(',');
    const std::string group = line.substr(0, cell + 1);
    line.erase(0, cell + 1);
    std::size_t at = 0;
    for (int k = 0; k < 4 && at != std::string::npos; ++k) at = line.find(',', at + 1);
    return at == std::string::npos ? line + "," + group.substr(0, group.size() - 1)
                                   : line.insert(at + 1, group);
  };
  std::string out =
      place_group(english ? std::string(has_group ? "group," : "") +
                                "round,date,home_team,away_team,home_score,away_score,home_penalties,away_penalties,"
                                "home_yellows,away_yellows,home_reds,away_reds"
                          : std::string(has_group ? "小组," : "") +
                                "轮次,日期,主队,客队,主队进球,客队进球,主队点球,客队点球,主队黄牌,客队黄牌,主队红牌,客队红牌") +
      (remarks ? ",备注" : "") + (status_col ? ",状态" : "") + nl;
  const int rows = 20 + pick(200);
  for (int r = 0; r < rows; ++r) {
    if (pick(40) == 0) {
      out += pick(2) ? nl : ",,,,,,,,,,,," + nl;  // blank rows
      continue;
    }
    const int h = pick(6);
    int a = pick(6);
    if (a == h && !(with_errors && pick(10) == 0)) a = (a + 1) % 6;
    int hg = pick(4), ag = pick(4);
    std::string hp, ap;
    if (hg == ag) {
      const int p = pick(5);
      hp = std::to_string(p);
      ap = std::to_string(p + 1 + pick(2));
      if (pick(2)) std::swap(hp, ap);
    }
    std::string group = has_group ? (pick(3) ? "A" : pick(2) ? "第二组" : "") : "";
    if (has_group && blocks) group = "B" + std::to_string(r / 25);  // groups one after another
    if (long_groups && !group.empty()) group = "青海省第十七届青少年足球锦标赛" + group;
    std::string date = "2025-07-" + std::to_string(10 + (matchday_dates ? r / 3 % 20 : pick(20)));
    if (pick(8) == 0) date = "2025/7/" + std::to_string(1 + pick(28));
    if (pick(10) == 0) date = "";
    const auto name = [&](std::string n) {
      if (n.find(',') == std::string::npos) return n;
      return with_quotes ? "\"" + n + "\"" : n.erase(n.find(','), 1);
    };
    std::string home = name(teams[static_cast<std::size_t>(h)]), away = name(teams[static_cast<std::size_t>(a)]);
    if (pick(15) == 0) home = " " + home;
    if (with_quotes && pick(15) == 0 && away[0] != '"') away = "\"" + away + "\"";
    if (with_quotes && pick(40) == 0 && away[0] != '"') away = "\"" + away + "\n(续)\"";
    if (with_quotes && pick(60) == 0 && away[0] != '"') away = "\"" + away + " \"\"B\"\"\"";
    std::string hgs = std::to_string(hg), ags = std::to_string(ag);
    if (pick(20) == 0) hgs = hg == 1 ? "１" : hgs;  // full-width digit
    if (pick(25) == 0) { hgs = ""; ags = ""; hp = ""; ap = ""; }  // not played yet
    std::string status;
    if (status_col) {
      static const char* const k_status[] = {"", "已赛", "played", "Played", "延期", "awarded", "已赛", "取消"};
      status = k_status[pick(8)];
      if ((status == "延期" || status == "取消") && !(with_errors && pick(5) == 0)) {
        hgs = ""; ags = ""; hp = ""; ap = "";
      }
    }
    if (pick(30) == 0 && hg != ag) { hgs = "1" + hgs + "0"; ags = "0" + ags; }  // three digits, a leading zero
    if (with_errors && pick(30) == 0) ags = "x";
    if (with_errors && pick(30) == 0) hp = "";
    const std::string md = pick(10) == 0 ? "" : std::to_string(1 + r / 3);
    std::string row = place_group((has_group ? group + "," : "") + md + "," + date + "," + home + "," + away + "," +
                                  hgs + "," + ags + "," + hp + "," + ap + "," + std::to_string(pick(3)) + "," +
                                  std::to_string(pick(3)) + "," + std::to_string(pick(10) == 0) + "," +
                                  (pick(3) ? "0" : "") + (remarks ? (pick(6) == 0 ? ",备注 x" : ",") : "") +
                                  (status_col ? "," + status : ""));
    if (pick(50) == 0) row += ",extra";
    if (pick(50) == 0) row = row.substr(0, row.rfind(','));
    out += row + nl;
  }
  if (pick(3) == 0 && out.size() >= nl.size()) out.resize(out.size() - nl.size());  // no final line break
  return out;
}

void check_same_results(const Results& a, const Results& b) {
  REQUIRE(a.groups.size() == b.groups.size());
  for (std::size_t g = 0; g < a.groups.size(); ++g) {
    CHECK(a.groups[g].name == b.groups[g].name);
    CHECK(a.groups[g].named_after_file == b.groups[g].named_after_file);
    CHECK(a.groups[g].teams == b.groups[g].teams);
    REQUIRE(a.groups[g].matches.size() == b.groups[g].matches.size());
    for (std::size_t k = 0; k < a.groups[g].matches.size(); ++k) {
      const Match& x = a.groups[g].matches[k];
      const Match& y = b.groups[g].matches[k];
      const bool same = x.home == y.home && x.away == y.away && x.matchday == y.matchday && x.line == y.line &&
                        x.home_fair_play == y.home_fair_play && x.away_fair_play == y.away_fair_play &&
                        x.home_goals == y.home_goals && x.away_goals == y.away_goals &&
                        x.home_pens == y.home_pens && x.away_pens == y.away_pens && x.source == y.source &&
                        Date(x.date) == Date(y.date) && x.stage == y.stage && x.status == y.status;
      CHECK_MESSAGE(same, "match " << k << " of group " << g << " (line " << x.line << " / " << y.line << ")");
    }
  }
}

}  // namespace

TEST_CASE("parse_results: the fast row parser and reading in parts change nothing") {
  std::mt19937 rng(20261124);
  Rules rules = *preset("qinghai-youth-2025");
  int parted = 0;
  for (int i = 0; i < 600; ++i) {
    const bool quotes = i % 3 == 0, errors = i % 4 == 0;
    const std::string text = random_results_file(rng, quotes, errors);
    rules.max_meetings = i % 2 ? 1 : 100;
    ResultsOptions general;
    general.execution.fast_rows = false;
    general.default_group = "file";
    Results expected;
    std::vector<Diagnostic> expected_diags;
    parse_results(text, "r.csv", rules, general, expected, expected_diags);
    for (unsigned threads : {1U, 2U, 3U, 5U}) {
      CAPTURE(i);
      CAPTURE(threads);
      ResultsOptions fast;
      fast.default_group = "file";
      fast.execution.threads = threads;
      fast.execution.min_bytes_per_thread = 64;
      std::vector<std::pair<std::size_t, std::size_t>> dropped;
      std::mutex lock;
      fast.execution.consumed = [&](std::size_t begin, std::size_t end) {
        const std::scoped_lock hold(lock);
        dropped.emplace_back(begin, end);
      };
      Results got;
      std::vector<Diagnostic> diags;
      parse_results(text, "r.csv", rules, fast, got, diags);
      check_same_results(expected, got);
      CHECK(diags == expected_diags);
      for (const auto& [begin, end] : dropped) CHECK((begin <= end && end <= text.size()));
      // Bytes that are not UTF-8 (GBK 西宁), anywhere: the file is read as
      // GB18030 (the UTF-8 check inside the rows finds them, the parse starts
      // again on the decoded text), as the general reader reads it.
      std::string gbk = text;
      gbk.insert(rng() % (gbk.size() + 1), "\xCE\xF7\xC4\xFE");
      Results gbk_expected, gbk_got;
      std::vector<Diagnostic> gbk_expected_diags, gbk_diags;
      parse_results(gbk, "r.csv", rules, general, gbk_expected, gbk_expected_diags);
      parse_results(gbk, "r.csv", rules, fast, gbk_got, gbk_diags);
      check_same_results(gbk_expected, gbk_got);
      CHECK(gbk_got.sources.size() == gbk_expected.sources.size());
      CHECK(gbk_diags == gbk_expected_diags);
      parted += threads > 1 && !quotes && !errors;
    }
  }
  CHECK(parted > 300);
}

TEST_CASE("parse_results: names that differ in one byte, anywhere, are different teams") {
  // The team lookup holds a name of up to 24 bytes in three words and
  // compares longer ones in full: every length either side of 8, 16 and 24,
  // every position of the differing byte.
  std::string text = "group,home,away,home_goals,away_goals\n";
  std::vector<std::vector<std::string>> want;
  for (std::size_t n = 1; n <= 40; ++n) {
    const std::string base(n, 'a');
    std::vector<std::string> teams{base};
    for (std::size_t k = 0; k < n; ++k) {
      std::string other = base;
      other[k] = 'b';
      teams.push_back(other);
      text += "L" + std::to_string(n) + "," + base + "," + other + ",1,0\n";
      text += "L" + std::to_string(n) + "," + other + "," + base + ",2,0\n";  // seen before: the same id
    }
    want.push_back(teams);
  }
  Rules rules = *preset("uefa-euro");
  rules.max_meetings = 2;
  for (unsigned threads : {1U, 2U}) {
    ResultsOptions o;
    o.execution.threads = threads;
    o.execution.min_bytes_per_thread = 64;
    Results r;
    std::vector<Diagnostic> diags;
    parse_results(text, "r.csv", rules, o, r, diags);
    CHECK(diags.empty());
    REQUIRE(r.groups.size() == want.size());
    for (std::size_t g = 0; g < want.size(); ++g) {
      CAPTURE(g);
      CHECK(r.groups[g].teams == want[g]);
      for (std::size_t k = 0; k < r.groups[g].matches.size(); ++k) {
        const Match& m = r.groups[g].matches[k];
        CHECK((k % 2 == 0 ? m.away : m.home) == k / 2 + 1);
      }
    }
  }
}

TEST_CASE("parse_results: groups that come back after many others keep their teams") {
  // The loader keeps team lookups for the groups it read last only (64): a
  // file in matchday order cycles through all its groups, every group's
  // lookup is made again each time, and the groups share team names in
  // other orders (a lookup left from another group would give wrong ids).
  const std::vector<std::string> names = {"西宁一中", "海东市", "玉树州", "Golmud", "海北青训队", "格尔木二中"};
  std::string text = "轮次,小组,主队,客队,主队进球,客队进球\n";
  const std::size_t groups = 150;
  for (std::size_t md = 1; md <= 5; ++md) {
    for (std::size_t g = 0; g < groups; ++g) {
      const std::size_t h = (g + md) % names.size(), a = (g + 2 * md + 1) % names.size();
      if (h == a) continue;
      text += std::to_string(md) + ",G" + std::to_string(g) + "," + names[h] + "," + names[a] + "," +
              std::to_string(md % 3) + "," + std::to_string(g % 4) + "\n";
    }
  }
  const Rules rules = *preset("uefa-euro");
  ResultsOptions general;
  general.execution.fast_rows = false;
  Results expected;
  std::vector<Diagnostic> expected_diags;
  parse_results(text, "r.csv", rules, general, expected, expected_diags);
  REQUIRE(expected.groups.size() == groups);
  for (unsigned threads : {1U, 2U}) {
    ResultsOptions o;
    o.execution.threads = threads;
    o.execution.min_bytes_per_thread = 64;
    Results got;
    std::vector<Diagnostic> diags;
    parse_results(text, "r.csv", rules, o, got, diags);
    check_same_results(expected, got);
    CHECK(diags == expected_diags);
  }
}

TEST_CASE("parse_results: a second file adds to the groups of the first, in parts too") {
  const std::string a = "小组,主队,客队,主队进球,客队进球\nA,甲,乙,1,0\nB,丙,丁,2,0\nA,乙,戊,0,3\n";
  const std::string b = "小组,主队,客队,主队进球,客队进球\nB,丁,己,1,0\nA,戊,甲,1,2\nC,庚,辛,1,0\nA,庚,甲,4,0\n";
  const Rules rules = *preset("uefa-euro");
  Results one, parted;
  std::vector<Diagnostic> d1, d2;
  ResultsOptions o;
  parse_results(a, "a.csv", rules, o, one, d1);
  parse_results(b, "b.csv", rules, o, one, d1);
  o.execution.threads = 2;
  o.execution.min_bytes_per_thread = 8;
  parse_results(a, "a.csv", rules, o, parted, d2);
  parse_results(b, "b.csv", rules, o, parted, d2);
  check_same_results(one, parted);
  CHECK(d1 == d2);
  CHECK(parted.groups[0].teams == std::vector<std::string>{"甲", "乙", "戊", "庚"});
}


TEST_CASE("parse_results: the most cards at the most points a card fit a match") {
  Rules rules = *preset("uefa-euro");
  rules.yellow_card_points = k_max_card_points;
  rules.red_card_points = k_max_card_points;
  for (bool fast : {false, true}) {
    ResultsOptions o;
    o.execution.fast_rows = fast;
    Results r;
    std::vector<Diagnostic> diags;
    parse_results("home,away,home_goals,away_goals,home_yellow,home_red,away_yellow\nA,B,1,0,99,99,1\n", "r.csv",
                  rules, o, r, diags);
    CHECK(diags.empty());
    CHECK(r.groups.at(0).matches.at(0).home_fair_play == 99 * 100 + 99 * 100);
    CHECK(r.groups.at(0).matches.at(0).away_fair_play == 100);
  }
}

// What a Match keeps its team ids, file index and stage in (results.hpp):
// past them, an error with the line, not ids that wrap.
TEST_CASE("parse_results: a group of more than 65,535 teams is an error, on one thread or in parts") {
  // Two halves of one group, 40,000 new teams each: together past the limit,
  // each alone within it (so reading in parts finds it only when joining).
  std::string text = "group,home,away,home_goals,away_goals\n";
  // (Appended piece by piece: g++ 12 warns, wrongly, of overlapping copies in
  // "A,T" + std::to_string(t) + ...)
  const auto add_pair = [](std::string& to, std::size_t t) {
    to.append("A,T").append(std::to_string(t)).append(",T").append(std::to_string(t + 1)).append(",1,0\n");
  };
  for (std::size_t t = 0; t < 80000; t += 2) add_pair(text, t);
  const std::size_t past = 2 + k_max_teams_per_group / 2;  // the line of team 65,536 (T65535, an away team)
  for (unsigned threads : {1U, 2U}) {
    for (bool fast : {false, true}) {
      CAPTURE(threads);
      CAPTURE(fast);
      ResultsOptions o;
      o.execution.threads = threads;
      o.execution.fast_rows = fast;
      o.execution.min_bytes_per_thread = 64;
      Results r;
      std::vector<Diagnostic> diags;
      parse_results(text, "r.csv", *preset("uefa-euro"), o, r, diags);
      REQUIRE_FALSE(diags.empty());
      CHECK(diags[0].code == "too_many_teams");
      CHECK(diags[0].line == past);
      CHECK(diags[0].column == "away");
      CHECK(diags[0].value == "T65535");
      CHECK(diags[0].args == std::vector<std::string>{"A", "65535"});
    }
  }
  // 65,535 teams are not too many.
  std::string most = "group,home,away,home_goals,away_goals\n";
  for (std::size_t t = 0; t + 1 < k_max_teams_per_group; t += 2) add_pair(most, t);
  most += "A,T0,T65534,1,0\n";
  Results r;
  std::vector<Diagnostic> diags;
  parse_results(most, "r.csv", *preset("uefa-euro"), ResultsOptions{}, r, diags);
  CHECK(diags.empty());
  CHECK(r.groups.at(0).teams.size() == k_max_teams_per_group);
  CHECK(r.groups.at(0).matches.back().away == k_max_teams_per_group - 1);
  // Memory grows with the matches, not the square of the teams: counting the
  // meetings of 65,535 teams as a triangle took 11 GB. (The peak of the whole
  // test process so far: under a gigabyte.)
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  CHECK(usage.ru_maxrss < 1024L * 1024);  // kB
}

TEST_CASE("parse_results: more than 65,535 files, or 255 stages, is an error") {
  Results r;
  r.sources.assign(k_max_result_files, "earlier.csv");
  std::vector<Diagnostic> diags;
  parse_results("home,away,home_goals,away_goals\nA,B,1,0\n", "one_more.csv", *preset("uefa-euro"), ResultsOptions{},
                r, diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "too_many_files");
  CHECK(diags[0].source == "one_more.csv");
  CHECK(r.groups.empty());

  std::string text = "stage,home,away,home_goals,away_goals\n";
  for (std::size_t k = 0; k <= k_max_stages; ++k) text.append("S").append(std::to_string(k)).append(",A,B,1,0\n");
  const Lines errors = result_errors(text, *preset("uefa-euro"));
  CHECK(errors == Lines{std::to_string(2 + k_max_stages) + ": too_many_stages stage \"S255\""});
}

TEST_CASE("parse_results: a count of many digits is an error, and reading it overflows nothing") {
  // Found by fuzz_results: the fast row parser multiplied its way past INT_MAX
  // before it counted the digits (undefined behaviour; UBSan says so).
  const std::string text =
      "group,matchday,home,away,home_goals,away_goals\n"
      "A,1,甲,乙,99999999999999999999,0\n"
      "A,22222222222,乙,甲,1,0\n"
      "A,3,甲,乙,999999999,1\n";
  for (bool fast : {false, true}) {
    ResultsOptions o;
    o.execution.fast_rows = fast;
    Results r;
    std::vector<Diagnostic> diags;
    parse_results(text, "r.csv", *preset("uefa-euro"), o, r, diags);
    REQUIRE(diags.size() == 3);
    CHECK(diags[0].code == "goals_not_count");
    CHECK(diags[0].line == 2);
    CHECK(diags[1].code == "matchday_not_count");
    CHECK(diags[2].code == "goals_not_count");  // nine digits, but more than 999
  }
}


// Issue 13: scores and matchdays as notices write them.
TEST_CASE("parse_results: a score cell as notices write it") {
  for (const char* cell : {"2:1", "2：1", "2∶1", "2-1", "2比1", " 2 : 1 ", "2 比 1"}) {
    CAPTURE(cell);
    std::vector<Diagnostic> diags;
    const Results r = results_from(std::string("home,away,score\nA,B,") + cell + "\n", *preset("uefa-euro"), &diags);
    CHECK(diags.empty());
    const Match& m = r.groups.at(0).matches.at(0);
    CHECK(m.home_goals == 2);
    CHECK(m.away_goals == 1);
    CHECK_FALSE(m.has_shootout());
  }
}

TEST_CASE("parse_results: a score cell with its shootout") {
  for (const char* cell : {"1:1(4:3)", "1-1 (4-3)", "1-1（4-3）", "1:1（点球4:3）", "1比1(点球4比3)", "1：1（4：3）",
                           "1:1 (pens 4:3)", "1∶1（4∶3）"}) {
    CAPTURE(cell);
    std::vector<Diagnostic> diags;
    const Results r = results_from(std::string("主队,客队,比分\nA,B,") + cell + "\n", *preset("qinghai-youth-2025"),
                                   &diags);
    CHECK(diags.empty());
    const Match& m = r.groups.at(0).matches.at(0);
    CHECK(m.home_goals == 1);
    CHECK(m.away_goals == 1);
    CHECK(m.home_pens == 4);
    CHECK(m.away_pens == 3);
  }
  // The same shootout in the shootout column too is fine; another is an error.
  CHECK(result_errors("主队,客队,比分,点球\nA,B,1:1(4:3),4:3\n").empty());
  CHECK(result_errors("主队,客队,比分,点球\nA,B,1:1(4:3),5:4\n") == Lines{"2: score_pens_differ 点球 \"5:4\""});
  // A shootout on a match not drawn: the rule of the shootout columns.
  CHECK(result_errors("主队,客队,比分\nA,B,2:1(4:3)\n") == Lines{"2: pens_not_drawn 比分 \"2:1(4:3)\""});
}

TEST_CASE("parse_results: a shootout cell in brackets") {
  const Results r = results_from("home,away,home_goals,away_goals,home_pens,away_pens\nA,B,1,1,(4),(3)\n");
  CHECK(r.groups.at(0).matches.at(0).home_pens == 4);
  CHECK(r.groups.at(0).matches.at(0).away_pens == 3);
  const Results joint = results_from("主队,客队,比分,点球\nA,B,1:1,(4:3)\nC,D,2:2,（5-4）\n");
  CHECK(joint.groups.at(0).matches.at(0).home_pens == 4);
  CHECK(joint.groups.at(0).matches.at(1).away_pens == 4);
}

TEST_CASE("parse_results: a message about a score cell quotes the whole cell") {
  CHECK(result_errors("主队,客队,比分\nA,B,1:x\n") == Lines{"2: bad_score 比分 \"1:x\""});
  CHECK(result_errors("主队,客队,比分\nA,B,1:1(4:x)\n") == Lines{"2: bad_score 比分 \"1:1(4:x)\""});
  CHECK(result_errors("主队,客队,比分\nA,B,1:1(4:3\n") == Lines{"2: bad_score 比分 \"1:1(4:3\""});
  CHECK(result_errors("主队,客队,比分\nA,B,1000:1\n") == Lines{"2: bad_score 比分 \"1000:1\""});
  CHECK(result_errors("主队,客队,比分\nA,B,2:\n") == Lines{"2: bad_score 比分 \"2:\""});
  CHECK(result_errors("主队,客队,比分,点球\nA,B,1:1,4:x\n") == Lines{"2: bad_score 点球 \"4:x\""});
  CHECK(result_errors("主队,客队,比分\nA,B,-1:2\n") == Lines{"2: bad_score 比分 \"-1:2\""});
}

TEST_CASE("parse_results: matchday cells as notices write them") {
  for (const char* cell : {"3", "第3轮", "3轮", "R3", "r3", "Round 3", "round 3", "第三轮", "第 3 轮", "３", "第３轮", "MD3"}) {
    CAPTURE(cell);
    const Results r = results_from(std::string("轮次,主队,客队,主队进球,客队进球\n") + cell + ",A,B,1,0\n");
    CHECK(r.groups.at(0).matches.at(0).matchday == 3);
  }
  for (const auto& [cell, want] : std::vector<std::pair<const char*, int>>{
           {"第十轮", 10}, {"第十二轮", 12}, {"第二十轮", 20}, {"第二十一轮", 21}, {"第一百轮", 100}, {"第38轮", 38}}) {
    CAPTURE(cell);
    const Results r = results_from(std::string("轮次,主队,客队,主队进球,客队进球\n") + cell + ",A,B,1,0\n");
    CHECK(r.groups.at(0).matches.at(0).matchday == want);
  }
  for (const char* cell : {"第轮", "第3", "3.5", "R", "Round", "第三组", "x3"}) {
    CAPTURE(cell);
    CHECK(result_errors(std::string("轮次,主队,客队,主队进球,客队进球\n") + cell + ",A,B,1,0\n") ==
          Lines{std::string("2: matchday_not_count 轮次 \"") + cell + "\""});
  }
}

TEST_SUITE_END();
