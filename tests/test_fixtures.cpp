#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app.hpp"
#include "matchday/fixtures.hpp"
#include "matchday/standings.hpp"
#include "test_util.hpp"

using namespace matchday;
using Lines = std::vector<std::string>;

TEST_SUITE_BEGIN("fixtures");

namespace {

// The longest run of home (or away) matches in a row of one team.
int longest_run(const std::string& pattern) {
  int best = 0;
  int run = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    run = i > 0 && pattern[i] == pattern[i - 1] ? run + 1 : 1;
    best = std::max(best, run);
  }
  return best;
}

cli::Output run(std::vector<std::string> args) {
  cli::Output io;
  io.env_lang = "C.UTF-8";
  cli::run_cli(std::move(args), io);
  return io;
}

}  // namespace

TEST_CASE("round_robin: 3 to 20 teams, single and double") {
  for (std::size_t n = 3; n <= 20; ++n) {
    for (const bool twice : {false, true}) {
      CAPTURE(n);
      CAPTURE(twice);
      const RoundRobin rr = round_robin(n, twice);
      const int half = static_cast<int>(n % 2 == 0 ? n - 1 : n);
      CHECK(rr.matchdays == (twice ? 2 * half : half));
      CHECK(rr.fixtures.size() == n * (n - 1) / 2 * (twice ? 2 : 1));
      CHECK(rr.byes.size() == static_cast<std::size_t>(rr.matchdays));

      // Every pair meets once (twice: once at each ground).
      std::map<std::pair<std::uint32_t, std::uint32_t>, int> meetings;
      std::map<std::pair<std::uint32_t, std::uint32_t>, int> ordered;
      for (const Fixture& f : rr.fixtures) {
        REQUIRE(f.home < n);
        REQUIRE(f.away < n);
        REQUIRE(f.home != f.away);
        ++meetings[{std::min(f.home, f.away), std::max(f.home, f.away)}];
        ++ordered[{f.home, f.away}];
      }
      CHECK(meetings.size() == n * (n - 1) / 2);
      for (const auto& [pair, count] : meetings) CHECK(count == (twice ? 2 : 1));
      if (twice) {
        for (const auto& [pair, count] : ordered) CHECK(count == 1);
      }

      // Every team once per matchday; the team left out is the bye.
      std::vector<std::string> pattern(n);
      std::vector<int> byes(n, 0);
      for (int md = 1; md <= rr.matchdays; ++md) {
        std::vector<int> seen(n, 0);
        for (const Fixture& f : rr.fixtures) {
          if (f.matchday != md) continue;
          ++seen[f.home];
          ++seen[f.away];
          pattern[f.home] += 'H';
          pattern[f.away] += 'A';
        }
        const auto& bye = rr.byes[static_cast<std::size_t>(md - 1)];
        for (std::size_t t = 0; t < n; ++t) {
          const bool resting = bye && *bye == t;
          CHECK(seen[t] == (resting ? 0 : 1));
          if (resting) ++byes[t];
        }
        CHECK(bye.has_value() == (n % 2 == 1));
      }
      // Odd: each team rests once per round robin.
      for (std::size_t t = 0; t < n; ++t) CHECK(byes[t] == (n % 2 == 1 ? (twice ? 2 : 1) : 0));

      // Home and away.
      std::vector<int> home(n, 0);
      for (const Fixture& f : rr.fixtures) ++home[f.home];
      const auto [lo, hi] = std::ranges::minmax(home);
      if (twice) {
        CHECK(lo == static_cast<int>(n - 1));  // exactly half of 2(n - 1)
        CHECK(hi == static_cast<int>(n - 1));
        // The second half mirrors the first.
        const std::size_t first = rr.fixtures.size() / 2;
        for (std::size_t i = 0; i < first; ++i) {
          CHECK(rr.fixtures[first + i] ==
                Fixture{rr.fixtures[i].matchday + half, rr.fixtures[i].away, rr.fixtures[i].home});
        }
      } else {
        CHECK(hi - lo <= 1);
        if (n % 2 == 1) CHECK(lo == static_cast<int>((n - 1) / 2));
        for (std::size_t t = 0; t < n; ++t) {
          CAPTURE(pattern[t]);
          CHECK(longest_run(pattern[t]) <= 2);
        }
      }
      // Deterministic.
      CHECK(round_robin(n, twice).fixtures == rr.fixtures);
    }
  }
}

TEST_CASE("round_robin: four teams by the circle method") {
  const RoundRobin rr = round_robin(4, false);
  CHECK(rr.fixtures == std::vector<Fixture>{{1, 0, 1}, {1, 2, 3}, {2, 2, 0}, {2, 3, 1}, {3, 0, 3}, {3, 1, 2}});
}

TEST_CASE("round_robin: three teams, one bye per matchday") {
  const RoundRobin rr = round_robin(3, false);
  CHECK(rr.fixtures == std::vector<Fixture>{{1, 1, 2}, {2, 2, 0}, {3, 0, 1}});
  CHECK(rr.byes == std::vector<std::optional<std::uint32_t>>{0u, 1u, 2u});
}

TEST_CASE("matchday_date") {
  CHECK(matchday_date({2025, 7, 30}, 2, 1) == Date{2025, 7, 30});
  CHECK(matchday_date({2025, 7, 30}, 2, 3) == Date{2025, 8, 3});
  CHECK(matchday_date({2024, 12, 25}, 7, 2) == Date{2025, 1, 1});
}

TEST_CASE("parse_team_list") {
  std::vector<Diagnostic> diags;
  SUBCASE("a header with team and group") {
    const auto teams = parse_team_list("小组,球队\nA,西宁市\nA, 海东市 \nB,海南州\n", "teams.csv", diags);
    CHECK(diags.empty());
    REQUIRE(teams.size() == 3);
    CHECK(teams[1].name == "海东市");
    CHECK(teams[1].group == "A");
    CHECK(teams[2].group == "B");
    CHECK(teams[2].line == 4);
  }
  SUBCASE("a plain list, one name per line") {
    const auto teams = parse_team_list("西宁市\n\n海东市\r\n海西州", "teams.txt", diags);
    CHECK(diags.empty());
    REQUIRE(teams.size() == 3);
    CHECK(teams[0].name == "西宁市");
    CHECK(teams[2].line == 4);
  }
  SUBCASE("a name twice in one group, and a missing name") {
    const auto teams = parse_team_list("group,team\nA,X\nB,X\nA,X\nA,\n", "t.csv", diags);
    CHECK(teams.size() == 2);
    REQUIRE(diags.size() == 2);
    CHECK(diags[0].line == 4);
    CHECK(diags[0].code == "team_duplicate");
    CHECK(diags[0].args == std::vector<std::string>{"2"});
    CHECK(diags[1].code == "team_missing");
  }
  SUBCASE("no team column") {
    (void)parse_team_list("group,name\nA,X\n", "t.csv", diags);
    REQUIRE(diags.size() == 2);
    CHECK(diags[0].code == "header_not_found");  // shows the row looked at
    CHECK(diags[0].value == "group,name");
    CHECK(diags[1].code == "missing_column");
  }
  SUBCASE("empty") {
    (void)parse_team_list("\n\n", "t.csv", diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "teams_file_empty");
  }
}

TEST_CASE("fixtures: the CSV is a results file that standings reads back unchanged") {
  const std::vector<std::string> five{"西宁市", "海东市", "海西州", "玉树州", "海南州"};
  for (const char* lang : {"en", "zh"}) {
    for (const bool twice : {false, true}) {
      CAPTURE(lang);
      CAPTURE(twice);
      std::vector<std::string> args{"matchday", "fixtures", "--group", "B", "--format", "csv", "--lang", lang,
                                    "--start", "2025-07-30", "--every", "2"};
      // A double round robin under rules that allow two meetings (league).
      const Rules rules = *preset(twice ? "league" : "qinghai-youth-2025");
      if (twice) args.insert(args.end(), {"--double", "--rules", "league"});
      args.insert(args.end(), five.begin(), five.end());
      const cli::Output io = run(args);
      CHECK(io.err.empty());
      Results results;
      std::vector<Diagnostic> diags;
      parse_results(io.out, "fixtures.csv", rules, ResultsOptions{}, results, diags);
      CHECK(diags.empty());
      REQUIRE(results.groups.size() == 1);
      const Group& g = results.groups[0];
      CHECK(g.name == "B");
      std::vector<std::string> teams = g.teams;
      std::ranges::sort(teams);
      std::vector<std::string> expected = five;
      std::ranges::sort(expected);
      CHECK(teams == expected);
      // The same fixtures as round_robin, in its order, with no score.
      const RoundRobin rr = round_robin(five.size(), twice);
      REQUIRE(g.matches.size() == rr.fixtures.size());
      for (std::size_t i = 0; i < rr.fixtures.size(); ++i) {
        const Match& m = g.matches[i];
        CHECK_FALSE(m.has_score());
        CHECK(m.matchday == rr.fixtures[i].matchday);
        CHECK(g.teams[m.home] == five[rr.fixtures[i].home]);
        CHECK(g.teams[m.away] == five[rr.fixtures[i].away]);
        CHECK(m.date == matchday_date({2025, 7, 30}, 2, m.matchday));
      }
      const Standings s = compute_standings(results, rules, {});
      REQUIRE(s.groups.size() == 1);
      CHECK(s.groups[0].remaining == static_cast<int>(rr.fixtures.size()));
      for (const StandingRow& r : s.groups[0].rows) CHECK(r.record.played == 0);
    }
  }
}

TEST_CASE("fixtures: shootout columns only where the rules give shootouts points") {
  const cli::Output q = run({"matchday", "fixtures", "--format", "csv", "A", "B", "C"});
  CHECK(q.out.starts_with("matchday,date,home,away,home_goals,away_goals,home_pens,away_pens\n"));
  const cli::Output f = run({"matchday", "fixtures", "--rules", "fifa-world-cup", "--group", "A", "--format", "csv", "A", "B", "C"});
  CHECK(f.out.starts_with("group,matchday,date,home,away,home_goals,away_goals\n"));
}

TEST_CASE("fixtures: usage errors") {
  CHECK(run({"matchday", "fixtures", "A", "B"}).err ==
        "matchday: a round robin needs 3 to 20 teams, 2 given; add or remove teams\n");
  CHECK(run({"matchday", "fixtures", "A", "B", "A"}).err ==
        "matchday: \"A\": this team is given twice; name each team once\n");
  CHECK(run({"matchday", "fixtures", "--every", "3", "A", "B", "C"}).err ==
        "matchday: --every \"3\": --every needs --start DATE (the first matchday's date)\n");
  CHECK(run({"matchday", "fixtures", "--start", "3/5/2025", "A", "B", "C"}).err ==
        "matchday: --start \"3/5/2025\": not a date; write it as 2025-07-30\n");
  std::vector<std::string> many{"matchday", "fixtures"};
  for (int i = 1; i <= 21; ++i) many.push_back("T" + std::to_string(i));
  CHECK(run(many).err.find("21 given") != std::string::npos);
}

TEST_SUITE_END();
