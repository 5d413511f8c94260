#include <doctest/doctest.h>

#include "matchday/rules.hpp"

using namespace matchday;

TEST_SUITE_BEGIN("rules");

TEST_CASE("presets") {
  const auto names = preset_names();
  REQUIRE(names.size() == 4);
  CHECK(names[0] == k_default_preset);
  const Rules q = *preset("qinghai-youth-2025");
  CHECK(q.points.win == 3);
  CHECK(q.points.shootout_win == 2);
  CHECK(q.points.shootout_loss == 0);
  CHECK(q.points.draw_needs_shootout);
  CHECK(q.reapply_h2h);
  CHECK(q.order.size() == 8);
  CHECK(q.eligibility.bands.at(0).born_from == Date{2008, 1, 1});
  CHECK(q.eligibility.bands.at(1).born_to == Date{2011, 12, 31});
  const Rules f = *preset("FIFA-World-Cup");
  CHECK_FALSE(f.points.shootouts);
  CHECK(f.order[1] == Criterion::goal_difference);
  CHECK_FALSE(preset("nope"));
}

TEST_CASE("format_rules reads back as the same rules") {
  for (std::string_view name : preset_names()) {
    CAPTURE(name);
    const Rules r = *preset(name);
    const RulesParse p = parse_rules(format_rules(r), "x.rules");
    CHECK(p.diagnostics.empty());
    CHECK(p.rules.order == r.order);
    CHECK(p.rules.points.win == r.points.win);
    CHECK(p.rules.points.draw == r.points.draw);
    CHECK(p.rules.points.shootouts == r.points.shootouts);
    CHECK(p.rules.points.draw_needs_shootout == r.points.draw_needs_shootout);
    CHECK(p.rules.reapply_h2h == r.reapply_h2h);
    CHECK(p.rules.qualify == r.qualify);
    CHECK(p.rules.eligibility.bands.size() == r.eligibility.bands.size());
    CHECK(p.rules.name == r.name);
  }
}

TEST_CASE("parse_rules: `#` starts a comment at a line's start or as a word of its own") {
  const RulesParse p = parse_rules(
      "   # an indented comment\n"
      "title = Cup #3\n"
      "name = cup#4   # the fourth\n"
      "citation = Rule 7 #\n"
      "points.win = 3\t# tab before\n",
      "cup.rules");
  CHECK(p.diagnostics.empty());
  CHECK(p.rules.title == "Cup #3");
  CHECK(p.rules.name == "cup#4");
  CHECK(p.rules.citation == "Rule 7");
  CHECK(p.rules.points.win == 3);
  // And a title with a `#` in it reads back as it was written.
  Rules r = *preset(k_default_preset);
  r.title = "Cup #3 (2025)";
  CHECK(parse_rules(format_rules(r), "x.rules").rules.title == "Cup #3 (2025)");
  CHECK(comment_start("a = b # c") == 6);
  CHECK(comment_start("#x") == 0);
  CHECK(comment_start("a = #b") == 6);  // no comment: `#b` is the value
}

TEST_CASE("format_rules names no command: the command line adds how to use the file") {
  CHECK(format_rules(*preset(k_default_preset)).find("matchday standings") == std::string::npos);
}

TEST_CASE("parse_rules: values and errors with their lines") {
  const RulesParse p = parse_rules(
      "# a custom cup\n"
      "base = league\n"
      "points.draw = 2   # generous\n"
      "order = points, h2h_points, goals_for\n"
      "reapply_h2h = maybe\n"
      "colour = red\n"
      "order = goal_difference\n"
      "just text\n",
      "cup.rules");
  CHECK(p.rules.points.draw == 2);
  CHECK(p.rules.order == std::vector<Criterion>{Criterion::points, Criterion::h2h_points, Criterion::goals_for});
  REQUIRE(p.diagnostics.size() == 4);
  CHECK(p.diagnostics[0].line == 5);
  CHECK(p.diagnostics[0].code == "rules_not_bool");
  CHECK(p.diagnostics[1].code == "rules_unknown_key");
  CHECK(p.diagnostics[2].code == "rules_order_points_first");
  CHECK(p.diagnostics[3].code == "rules_no_equals");
  CHECK(p.diagnostics[3].line == 8);
}

TEST_CASE("parse_rules: a card's points and every count have a largest value") {
  // A match's fair play must fit a Match (99 cards of each kind at 100 points
  // each), and points summed over a season must not overflow.
  const RulesParse ok = parse_rules("fair_play.yellow = 100\nfair_play.red = 100\npoints.win = 1000000\n", "r.rules");
  CHECK(ok.diagnostics.empty());
  CHECK(ok.rules.red_card_points == 100);
  const RulesParse p = parse_rules("fair_play.yellow = 101\nfair_play.red = 2147483647\npoints.win = 1000001\n", "r.rules");
  REQUIRE(p.diagnostics.size() == 3);
  CHECK(p.diagnostics[0].code == "rules_too_large");
  CHECK(p.diagnostics[0].args == std::vector<std::string>{"100"});
  CHECK(p.diagnostics[1].code == "rules_too_large");
  CHECK(p.diagnostics[2].code == "rules_too_large");
  CHECK(p.diagnostics[2].args == std::vector<std::string>{"1000000"});
  CHECK(p.rules.yellow_card_points == preset("qinghai-youth-2025")->yellow_card_points);  // unchanged
}

TEST_CASE("criterion names round-trip") {
  for (Criterion c : {Criterion::points, Criterion::h2h_points, Criterion::h2h_goal_difference,
                      Criterion::h2h_goals_for, Criterion::goal_difference, Criterion::goals_for, Criterion::wins,
                      Criterion::fair_play, Criterion::lots}) {
    CHECK(criterion_from_name(criterion_name(c)) == c);
  }
}

TEST_SUITE_END();
