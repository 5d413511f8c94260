#include <doctest/doctest.h>

#include <random>

#include "matchday/events.hpp"
#include "matchday/messages.hpp"
#include "test_util.hpp"

using namespace matchday;
using matchday::test::results_from;

namespace {

Events events_from(std::string_view csv, std::vector<Diagnostic>* diags_out = nullptr) {
  Events ev;
  std::vector<Diagnostic> diags;
  parse_events(csv, "events.csv", {}, ev, diags);
  if (diags_out) {
    *diags_out = diags;
  } else {
    for (const Diagnostic& d : diags) FAIL_CHECK(format_diagnostic(d, Lang::en));
  }
  return ev;
}

// `line: code` of each diagnostic.
std::vector<std::string> codes(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) out.push_back(std::to_string(d.line) + ": " + std::string(d.code));
  return out;
}

constexpr std::string_view k_results =
    "group,matchday,date,home,away,home_goals,away_goals,home_pens,away_pens\n"
    "A,1,2025-07-30,X,Y,2,1,,\n"
    "A,1,2025-07-30,Z,W,1,1,4,3\n"
    "A,2,2025-08-01,X,Z,0,0,3,2\n"
    "A,2,2025-08-01,Y,W,,,,\n"
    "A,3,2025-08-03,W,X,,,,\n"
    "A,3,2025-08-03,Y,Z,,,,\n";

}  // namespace

TEST_SUITE_BEGIN("events");

TEST_CASE("parse_event_kind: English and Chinese") {
  const std::pair<std::string_view, std::optional<EventKind>> cases[] = {
      {"goal", EventKind::goal},          {"进球", EventKind::goal},
      {"Penalty_Goal", EventKind::penalty_goal}, {"点球", EventKind::penalty_goal},
      {"own goal", EventKind::own_goal},  {"乌龙球", EventKind::own_goal},
      {"yellow", EventKind::yellow},      {"黄牌", EventKind::yellow},
      {"second_yellow", EventKind::second_yellow}, {"两黄变红", EventKind::second_yellow},
      {"red", EventKind::red},            {"红牌", EventKind::red},
      {"corner", std::nullopt},           {"", std::nullopt},
  };
  for (const auto& [text, want] : cases) {
    CAPTURE(text);
    CHECK(parse_event_kind(text) == want);
  }
  CHECK(event_kind_name(EventKind::second_yellow) == "second_yellow");
}

TEST_CASE("parse_events: Chinese headers, minutes, officials by name") {
  const Events ev = events_from(
      "小组,轮次,比赛日期,主队,客队,球队,号码,姓名,事件,时间\n"
      "A,1,2025/7/30,X,Y,X,9,张三,进球,90+3\n"
      "A,1,2025年7月30日,X,Y,Y,,教练：李四,红牌,67'\n"
      "A,1,20250730,X,Y,Y,７,,黄牌,\n");
  REQUIRE(ev.events.size() == 3);
  CHECK(ev.events[0].minute == 90);
  CHECK(ev.events[0].added == 3);
  CHECK(ev.events[0].shirt == 9);
  CHECK(ev.events[1].role == Role::coach);
  CHECK(ev.events[1].name == "李四");
  CHECK(ev.events[1].minute == 67);
  CHECK(ev.events[2].shirt == 7);
  CHECK(*ev.events[2].date == Date{2025, 7, 30});
}

TEST_CASE("parse_events: every bad cell is an error with its line and column") {
  std::vector<Diagnostic> diags;
  const Events ev = events_from(
      "home,away,team,shirt_number,name,event,minute,role\n"
      "X,Y,Q,9,a,goal,,\n"
      "X,Y,X,,,goal,,\n"
      "X,Y,X,9,a,corner,,\n"
      "X,Y,X,9,a,goal,x,\n"
      "X,Y,X,abc,a,goal,,\n"
      ",Y,X,9,a,goal,,\n"
      "X,Y,X,,王五,goal,,coach\n"
      "X,Y,X,9,a,yellow,,cook\n"
      "X,Y,X,9,a,goal,12,\n",
      &diags);
  CHECK(codes(diags) == std::vector<std::string>{
                            "2: event_team_not_in_match", "3: event_person_missing", "4: event_kind_unknown",
                            "5: event_minute_bad", "6: event_shirt_bad", "7: event_match_missing",
                            "8: event_official_goal", "9: event_role_bad"});
  CHECK(diags[0].column == "team");
  CHECK(diags[0].value == "Q");
  CHECK(ev.events.size() == 1);
  std::vector<Diagnostic> missing;
  events_from("home,away,event\nX,Y,goal\n", &missing);
  CHECK(codes(missing) == std::vector<std::string>{"1: missing_column", "1: events_no_person_column"});
}

TEST_CASE("check_events: matches exist, goals add up, own goals for the other side, shootouts not goals") {
  const Results results = results_from(k_results);
  SUBCASE("all adds up") {
    const Events ev = events_from(
        "matchday,home,away,team,shirt_number,event\n"
        "1,X,Y,X,9,goal\n"
        "1,X,Y,Y,4,own_goal\n"
        "1,X,Y,Y,10,penalty_goal\n"
        "1,Z,W,W,3,goal\n"
        "1,Z,W,Z,5,goal\n"
        "2,X,Z,X,5,yellow\n");
    const EventsCheck c = check_events(ev, &results, nullptr);
    CHECK(codes(c.diagnostics).empty());
    CHECK(c.matches[0] == MatchRef{0, 0});
    CHECK(c.matches[5] == MatchRef{0, 2});
  }
  SUBCASE("failures name both lines") {
    const Events ev = events_from(
        "matchday,home,away,team,shirt_number,event\n"
        "1,X,Y,X,9,goal\n"
        "1,Y,X,X,9,goal\n"
        "2,Y,W,Y,9,goal\n"
        "1,Z,W,Z,5,goal\n");
    const EventsCheck c = check_events(ev, &results, nullptr);
    CHECK(codes(c.diagnostics) == std::vector<std::string>{"2: event_goals_mismatch", "2: event_goals_mismatch",
                                                           "3: event_no_match", "4: event_match_not_played",
                                                           "5: event_goals_mismatch"});
    CHECK(format_diagnostic(c.diagnostics[0], Lang::en) ==
          "events.csv:2: X scored 2 in X v Y by the results (test.csv:2), but the events give 1 (own goals count "
          "for the other side, shootout kicks not at all); add or correct the goal rows, or the score");
  }
}

TEST_CASE("check_events: a person's events in a match are consistent") {
  const Events ev = events_from(
      "matchday,home,away,team,shirt_number,name,event,minute\n"
      "1,X,Y,X,9,a,second_yellow,50\n"
      "1,X,Y,X,8,b,yellow,10\n"
      "1,X,Y,X,8,b,yellow,20\n"
      "1,X,Y,X,7,c,red,30\n"
      "1,X,Y,X,7,c,goal,80\n"
      "1,X,Y,X,6,d,yellow,70\n"
      "1,X,Y,X,6,,second_yellow,60\n");
  const EventsCheck c = check_events(ev, nullptr, nullptr);
  // d: the second yellow (60') comes before the yellow (70') by the minutes.
  CHECK(codes(c.diagnostics) == std::vector<std::string>{"2: event_second_yellow_alone", "4: event_two_yellows",
                                                         "6: event_after_sending_off", "7: event_after_sending_off",
                                                         "8: event_second_yellow_alone"});
}

TEST_CASE("top_scorers: own goals never count, level players share a rank") {
  Events ev = events_from(
      "group,matchday,home,away,team,shirt_number,name,event\n"
      "A,1,X,Y,X,9,甲,goal\n"
      "A,1,X,Y,X,9,,penalty_goal\n"
      "A,1,X,Y,Y,4,乙,own_goal\n"
      "A,2,X,Y,Y,10,丙,goal\n"
      "A,2,X,Y,Y,10,丙,goal\n"
      "B,2,Z,W,Z,11,丁,goal\n");
  const auto rows = top_scorers(ev, {});
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].name == "甲");  // team X before Y
  CHECK(rows[0].goals == 2);
  CHECK(rows[0].penalties == 1);
  CHECK(rows[0].rank == 1);
  CHECK(rows[1].name == "丙");
  CHECK(rows[1].rank == 1);
  CHECK(rows[2].rank == 3);
  CHECK(top_scorers(ev, {.groups = {"B组"}, .through = std::nullopt}).size() == 1);
  const auto md1 = top_scorers(ev, {.groups = {}, .through = 1});
  REQUIRE(md1.size() == 1);
  CHECK(md1[0].goals == 2);
}

TEST_CASE("compute_discipline: the Qinghai practice") {
  const Rules rules = *preset("qinghai-youth-2025");
  const Results results = results_from(k_results);
  const Events ev = events_from(
      "matchday,home,away,team,shirt_number,name,event\n"
      "1,X,Y,X,9,a,yellow\n"
      "2,X,Z,X,9,a,yellow\n"
      "1,X,Y,X,8,b,yellow\n"
      "1,X,Y,X,8,b,second_yellow\n"
      "2,X,Z,X,8,b,yellow\n"
      "2,X,Z,Z,,教练 c,red\n");
  // No goal rows: the check reports the scores (event_goals_mismatch); the
  // matches are found all the same, and they are all discipline needs.
  const EventsCheck check = check_events(ev, &results, nullptr);
  for (const Diagnostic& diag : check.diagnostics) CHECK(diag.code == "event_goals_mismatch");
  const Discipline d = compute_discipline(ev, check, &results, rules, {});
  REQUIRE(d.people.size() == 3);
  const PersonRecord& b = d.people[0];  // X, shirt 8 before 9
  CHECK(b.shirt == 8);
  REQUIRE(b.suspensions.size() == 1);
  CHECK(b.suspensions[0].cause == Suspension::Cause::second_yellow);
  CHECK(b.suspensions[0].served == 1);   // served at matchday 2 (X v Z)...
  CHECK(b.played_while_suspended.size() == 1);  // ...where b has a yellow: a warning
  CHECK(d.warnings.size() == 1);
  CHECK(b.yellows_counting == 1);        // that yellow is on the record all the same
  const PersonRecord& a = d.people[1];
  REQUIRE(a.suspensions.size() == 1);
  CHECK(a.suspensions[0].cause == Suspension::Cause::yellows);
  CHECK(a.suspensions[0].pending());
  CHECK(a.yellows_counting == 0);
  const TeamSchedule* x = nullptr;
  for (const TeamSchedule& t : d.teams) {
    if (t.team == "X") x = &t;
  }
  REQUIRE(x);
  REQUIRE(x->next == 2);
  CHECK(a.suspensions[0].served_in == std::vector<std::int32_t>{2});  // W v X, matchday 3
  const PersonRecord& c = d.people[2];
  CHECK(c.role == Role::coach);
  CHECK(c.reds == 1);
  REQUIRE(c.suspensions.size() == 1);
  CHECK(c.suspensions[0].pending());

  SUBCASE("--through 1: the second yellow's match is still to play") {
    DisciplineOptions o;
    o.through = 1;
    const Discipline d1 = compute_discipline(ev, check, &results, rules, o);
    CHECK(d1.people[0].suspensions[0].pending());
    CHECK(d1.people[1].yellows_counting == 1);
    CHECK(d1.people[1].suspensions.empty());
  }
  SUBCASE("a threshold of 3, two matches for a red") {
    Rules r = rules;
    r.discipline.yellow_threshold = 3;
    r.discipline.red_matches = 2;
    const Discipline d3 = compute_discipline(ev, check, &results, r, {});
    CHECK(d3.people[1].suspensions.empty());
    CHECK(d3.people[1].yellows_counting == 2);
    CHECK(d3.people[2].suspensions[0].matches == 2);
  }
  SUBCASE("an extra suspension from the committee") {
    DisciplineOptions o;
    o.extra.push_back({1, "extra.csv", "Y", 5, "e", Role::player, 1, 0, "spitting"});
    const Discipline dx = compute_discipline(ev, check, &results, rules, o);
    bool found = false;
    for (const PersonRecord& p : dx.people) {
      if (p.team == "Y" && p.shirt == 5) {
        found = true;
        REQUIRE(p.suspensions.size() == 1);
        CHECK(p.suspensions[0].cause == Suspension::Cause::extra);
        CHECK(p.suspensions[0].pending());
      }
    }
    CHECK(found);
  }
}

TEST_CASE("compute_discipline: yellows reset before the knockout stage") {
  const Results results = results_from(
      "matchday,date,home,away,home_goals,away_goals,stage\n"
      "1,2025-07-30,X,Y,1,0,\n"
      ",2025-08-06,X,Z,1,0,semi\n"
      ",2025-08-08,X,W,,,final\n");
  const Events ev = events_from(
      "date,home,away,team,shirt_number,event\n"
      "2025-07-30,X,Y,X,9,yellow\n"
      "2025-08-06,X,Z,X,9,yellow\n");
  const EventsCheck check = check_events(ev, &results, nullptr);
  for (const Diagnostic& diag : check.diagnostics) CHECK(diag.code == "event_goals_mismatch");
  Rules rules = *preset("qinghai-youth-2025");
  CHECK(compute_discipline(ev, check, &results, rules, {}).people[0].suspensions.empty());
  rules.discipline.reset_before_knockout = false;
  const Discipline d = compute_discipline(ev, check, &results, rules, {});
  REQUIRE(d.people[0].suspensions.size() == 1);
  CHECK(d.people[0].suspensions[0].served_in == std::vector<std::int32_t>{2});  // the final
}

TEST_CASE("apply_fair_play: per person and match, FIFA weights") {
  Results results = results_from(k_results);
  const Events ev = events_from(
      "matchday,home,away,team,shirt_number,event\n"
      "1,X,Y,X,9,yellow\n"
      "1,X,Y,X,8,yellow\n"
      "1,X,Y,X,8,second_yellow\n"
      "1,X,Y,Y,7,yellow\n"
      "1,X,Y,Y,7,red\n"
      "1,X,Y,Y,6,red\n");
  // The goal rows are not given: only the cards are needed for fair play.
  EventsCheck check = check_events(ev, &results, nullptr);
  Rules rules = *preset("fifa-world-cup");
  rules.yellow_card_points = 1;
  rules.second_yellow_card_points = 3;
  rules.red_card_points = 4;
  rules.yellow_red_card_points = 5;
  apply_fair_play(ev, check, rules, results);
  CHECK(results.groups[0].matches[0].home_fair_play == 1 + 3);
  CHECK(results.groups[0].matches[0].away_fair_play == 5 + 4);
  CHECK(results.groups[0].matches[1].home_fair_play == 0);
}

TEST_CASE("rules: suspension settings read and written back") {
  const RulesParse p = parse_rules(
      "suspension.yellow_threshold = 3\nsuspension.red_matches = 2\nsuspension.reset_before_knockout = no\n"
      "fair_play.second_yellow = 3\nfair_play.yellow_red = 5\n",
      "x.rules");
  CHECK(p.diagnostics.empty());
  CHECK(p.rules.discipline.yellow_threshold == 3);
  CHECK(p.rules.discipline.red_matches == 2);
  CHECK_FALSE(p.rules.discipline.reset_before_knockout);
  CHECK(p.rules.yellow_red_card_points == 5);
  const RulesParse back = parse_rules(format_rules(p.rules), "y.rules");
  CHECK(back.diagnostics.empty());
  CHECK(back.rules.discipline.yellow_threshold == 3);
  CHECK_FALSE(back.rules.discipline.reset_before_knockout);
  CHECK(back.rules.yellow_red_card_points == 5);
  CHECK(parse_rules("suspension.red_matches = x\n", "z").diagnostics.size() == 1);
}

TEST_CASE("property: every event row is accounted for") {
  // Generated seasons: every row read is an event (or an error naming its
  // line); every goal is in a scorer's total or is an own goal; every card is
  // in a person's tally.
  std::mt19937 rng(17);
  const char* kinds[] = {"goal", "penalty_goal", "own_goal", "yellow", "second_yellow", "red", "进球", "黄牌", "bad"};
  for (int round = 0; round < 200; ++round) {
    std::string csv = "matchday,home,away,team,shirt_number,event\n";
    const int rows = static_cast<int>(rng() % 60);
    int bad = 0, goals = 0, own = 0, cards = 0;
    for (int r = 0; r < rows; ++r) {
      const int md = 1 + static_cast<int>(rng() % 5);
      const bool home = rng() % 2 == 0;
      const int k = static_cast<int>(rng() % 9);
      csv += std::to_string(md) + ",T" + std::to_string(md) + ",U" + std::to_string(md) + "," +
             (home ? "T" : "U") + std::to_string(md) + "," + std::to_string(rng() % 4) + "," + kinds[k] + "\n";
      if (k == 8) {
        ++bad;
      } else if (k == 2) {
        ++own;
      } else if (k <= 1 || k == 6) {
        ++goals;
      } else {
        ++cards;
      }
    }
    std::vector<Diagnostic> diags;
    Events ev;
    parse_events(csv, "g.csv", {}, ev, diags);
    CAPTURE(csv);
    REQUIRE(ev.events.size() + diags.size() == static_cast<std::size_t>(rows));
    CHECK(diags.size() == static_cast<std::size_t>(bad));
    int scored = 0;
    for (const ScorerRow& s : top_scorers(ev, {})) scored += s.goals;
    CHECK(scored == goals);
    const EventsCheck check = check_events(ev, nullptr, nullptr);
    const Discipline d = compute_discipline(ev, check, nullptr, *preset("qinghai-youth-2025"), {});
    int tallied = 0;
    for (const PersonRecord& p : d.people) tallied += p.yellows + p.second_yellows + p.reds;
    CHECK(tallied == cards);
    (void)own;
  }
}

TEST_SUITE_END();
