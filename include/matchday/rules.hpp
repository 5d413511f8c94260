// A rule set: points, tie-breaking order, eligibility bands and team limits,
// knockout pairing. Four presets are built in (docs/spec.md §4); a rules file
// (`key = value` lines, `#` comments) can state any of it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matchday/date.hpp"
#include "matchday/diagnostic.hpp"

namespace matchday {

// One tie-breaking criterion (docs/spec.md §4). The h2h_* ones look only at the
// matches among the teams level at that point.
enum class Criterion {
  points,
  h2h_points,
  h2h_goal_difference,
  h2h_goals_for,
  goal_difference,
  goals_for,
  wins,
  fair_play,
  lots,
};

[[nodiscard]] std::string_view criterion_name(Criterion c);
[[nodiscard]] std::optional<Criterion> criterion_from_name(std::string_view name);
[[nodiscard]] bool is_h2h(Criterion c);

// Points for each kind of result. A draw decided by a shootout earns
// shootout_win / shootout_loss; an undecided draw earns `draw`.
struct PointsRule {
  int win = 3;
  int draw = 1;
  int loss = 0;
  int shootout_win = 1;  // default: a shootout does not change the draw
  int shootout_loss = 1;
  // Qinghai: "平局则直接进行点球决胜" — every draw goes to a shootout, so a draw
  // with no shootout result is an error. Default false.
  bool draw_needs_shootout = false;
  // Whether shootout points apply at all; false: a recorded shootout leaves
  // the match a draw (FIFA, UEFA group stages). Default false.
  bool shootouts = false;
};

// An age band of one category letter: A 2008-01-01..2009-12-31 (2025).
struct AgeBand {
  std::string letter;  // "A", "B"
  Date born_from;
  Date born_to;
};

struct EligibilityRule {
  int season = 2025;                   // the season the bands are stated for
  Date as_of{2025, 7, 30};             // reference date: the opening day
  std::vector<AgeBand> bands;          // per category letter
  std::string province = "青海";       // residency province (Chinese short name)
  std::vector<std::string> province_aliases{"青海省", "Qinghai", "QH"};
  int residency_years = 1;             // "一年以上"
  int min_players = 16;                // "16名至22名运动员"
  int max_players = 22;
  int max_leaders = 1;                 // 领队
  int max_coaches = 1;                 // 教练
  int max_doctors = 1;                 // 队医
};

// Suspensions from cards (SPEC §8). Defaults: the common practice of Chinese
// youth competitions (中国足协 青少年比赛 纪律规定 as the Qinghai notice applies
// them): a red card or a second yellow, one match; yellows in different
// matches, one match at the second, the count starting again after it; cards
// reset before the knockout stage.
struct DisciplineRule {
  int yellow_threshold = 2;        // yellows in different matches for a suspension; 0: none
  int yellow_matches = 1;          // matches for reaching the threshold
  int red_matches = 1;             // matches for a direct red card
  int second_yellow_matches = 1;   // matches for a second yellow (sent off)
  bool reset_before_knockout = true;  // yellows counting toward a suspension start at 0
};

// The largest number parse_rules takes for a count (points, limits, years),
// and for a card's fair-play points: a season's points add up without
// overflow, and 99 cards of each kind fit a Match's fair play.
inline constexpr int k_max_rules_count = 1000000;
inline constexpr int k_max_card_points = 100;

struct Rules {
  std::string name;        // preset name or file name
  std::string title;       // one line: the competition and its regulation
  std::string citation;    // the article the order follows
  PointsRule points;
  std::vector<Criterion> order;
  // UEFA criterion (d): a subset still level after the whole head-to-head
  // block goes through the block again with a mini-table of its own matches.
  bool reapply_h2h = false;
  int yellow_card_points = 1;  // fair play: fewer is better; at most k_max_card_points
  int red_card_points = 3;
  // Fair play from match events (standings --events), per person and match:
  // two yellows (sent off), and a yellow followed by a direct red. FIFA:
  // yellow 1, second yellow 3, red 4, yellow then red 5.
  int second_yellow_card_points = 3;
  int yellow_red_card_points = 4;
  int max_meetings = 1;        // pairs meeting more often than this: an error (check_results)
  int qualify = 2;             // qualifying places per group (clinched/eliminated)
  std::string pairing;         // knockout pairing, e.g. "A1-B2,B1-A2"
  EligibilityRule eligibility;
  DisciplineRule discipline;
};

// The preset names, default first.
[[nodiscard]] std::vector<std::string_view> preset_names();
// The preset called `name`; nullopt when there is none.
[[nodiscard]] std::optional<Rules> preset(std::string_view name);
inline constexpr std::string_view k_default_preset = "qinghai-youth-2025";

// Parses a rules file. Keys not given keep the value of the preset named by
// `base = NAME` (default qinghai-youth-2025). Every bad line is a diagnostic.
struct RulesParse {
  Rules rules;
  std::vector<Diagnostic> diagnostics;
};
[[nodiscard]] RulesParse parse_rules(std::string_view text, std::string_view source);

// Where the comment of a rules-file line starts (line.size() when it has none):
// at a `#` that is the line's first non-blank character, or at a `#` standing
// as a word of its own (a blank before it, and a blank or the line's end after
// it). So `title = Cup #3` keeps its `#3`, and `win = 3   # points` is a comment.
[[nodiscard]] std::size_t comment_start(std::string_view line);

// `rules` in the rules-file format, commented, so it can be edited and read back.
// (A value holding ` # ` would be cut when read back: no preset's does.)
[[nodiscard]] std::string format_rules(const Rules& rules);

}  // namespace matchday
