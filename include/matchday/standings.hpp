// Group tables from results (docs/spec.md §4): points for the five kinds of result,
// then the rule set's tie-breaking criteria, with head-to-head blocks.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "matchday/diagnostic.hpp"
#include "matchday/results.hpp"
#include "matchday/rules.hpp"

namespace matchday {

// A points adjustment (a deduction for fielding an ineligible player, say).
// It changes `points` only, never a head-to-head mini-table.
struct Adjustment {
  std::string group;  // empty: the team's group, found by name
  std::string team;
  int points = 0;
  std::string reason;
};

struct StandingsOptions {
  // Only matches of matchday <= through count (the table as it stood then);
  // later ones are treated as not yet played.
  std::optional<int> through;
  std::vector<Adjustment> adjustments;
  // Each: team names in the order a drawing of lots gave (--lots, once per tie).
  std::vector<std::vector<std::string>> lots;
  // Only these groups (by name); empty: all.
  std::vector<std::string> groups;
  // Threads to rank groups on (groups are independent; the result is the
  // same for any number). 1: the calling thread only.
  unsigned threads = 1;
};

// Reads `TEAM=-3:reason` (--adjust); nullopt when it is not of that form.
[[nodiscard]] std::optional<Adjustment> parse_adjustment(std::string_view text);

// Reads an adjustments file (columns group, team, points, reason; Chinese
// aliases 小组, 球队, 积分, 原因). Problems go to `diags` with line and column.
[[nodiscard]] std::vector<Adjustment> parse_adjustments(std::string_view text, std::string_view source,
                                                        std::vector<Diagnostic>& diags);

enum class TeamStatus { none, clinched, eliminated };

// Totals of one team over a set of matches.
struct TeamRecord {
  int played = 0;
  int won = 0;
  int drawn = 0;  // draws not decided by a shootout
  int lost = 0;
  int shootout_won = 0;
  int shootout_lost = 0;
  int goals_for = 0;
  int goals_against = 0;
  int points = 0;      // from results only (adjustments are separate)
  int fair_play = 0;   // disciplinary points; fewer is better
  int awarded = 0;     // awarded matches among `played`

  [[nodiscard]] int goal_difference() const { return goals_for - goals_against; }
  bool operator==(const TeamRecord&) const = default;
};

struct StandingRow {
  std::uint32_t team = 0;  // id in the group
  std::string name;
  int rank = 0;            // 1-based; teams level after every criterion share one
  bool shared_rank = false;
  TeamRecord record;
  int adjustment = 0;      // sum of adjustments
  std::vector<std::string> adjustment_reasons;
  int points = 0;          // record.points + adjustment
  TeamStatus status = TeamStatus::none;
  // The criterion that decided this team's place within a tie, and its value
  // for this team (nullopt: no tie, or still level).
  std::optional<Criterion> decided_by;
  int decided_value = 0;
};

// One decisive step of tie-breaking, for --explain: `teams` were level, and
// `criterion` (with `values`, one per team, same order) split them.
struct TieStep {
  std::vector<std::uint32_t> teams;
  Criterion criterion = Criterion::points;
  std::vector<int> values;
  bool decisive = false;         // the values were not all equal
  bool reapplied = false;        // a re-application of the head-to-head block
  int h2h_matches = 0;           // matches in the mini-table (h2h criteria)
  int h2h_awarded = 0;           // awarded matches among them
};

// A result of one remaining fixture, in a way through for --explain.
enum class Outcome : std::uint8_t { home_win, away_win, draw, home_shootout, away_shootout };
struct FixtureResult {
  std::size_t match = 0;  // index into Group::matches
  Outcome outcome = Outcome::home_win;
  int home_goals = -1;    // -1 (both): any score with this outcome
  int away_goals = -1;
};

// What --explain says about the clinched/eliminated check of a group (docs/spec.md §7).
struct StatusNote {
  enum class Kind : std::uint8_t {
    path,               // `results` would put `team` in the top `places`
    clinched_hinges,    // `team` is not marked clinched: the answer hinges on goal margins
    eliminated_hinges,  // `team` is not marked eliminated: likewise
    points_only,        // too many results to check (`fixtures` remain): marks from points alone
    unchecked,          // too many results to check and no points bound applies: no marks
  };
  Kind kind = Kind::path;
  std::uint32_t team = 0;
  int places = 0;                      // qualifying places
  int fixtures = 0;                    // points_only, unchecked: fixtures still to play
  std::vector<FixtureResult> results;  // path: in file order
  bool others_free = false;            // path: whatever the results not listed
  bool by_lots = false;                // path: and then a drawing of lots in its favour
};

struct GroupTable {
  std::string name;
  std::size_t group = 0;          // index into Results::groups
  bool named_after_file = false;  // Group::named_after_file
  std::vector<StandingRow> rows;  // in rank order
  std::vector<TieStep> steps;     // in the order tie-breaking took them
  std::vector<std::vector<std::uint32_t>> unresolved;  // level after every criterion
  int remaining = 0;              // fixtures not yet played (status marks need them)
  // Set by the clinched/eliminated analysis (mark_status), for --explain: a
  // way through for each team neither clinched nor eliminated, and where a
  // mark could not be proven because it hinges on goal margins.
  std::vector<StatusNote> status_notes;
};

struct Standings {
  std::vector<GroupTable> groups;
  std::vector<Diagnostic> diagnostics;  // adjustments or lots naming unknown teams
};

// Totals per team (indexed by team id) over the matches of `group` that count:
// played or awarded, of the group stage, and with matchday <= through.
[[nodiscard]] std::vector<TeamRecord> team_records(const Group& group, const Rules& rules,
                                                   std::optional<int> through = std::nullopt);

// The tables of every group of `results` (in the order groups first appear).
[[nodiscard]] Standings compute_standings(const Results& results, const Rules& rules,
                                          const StandingsOptions& options);

// Ranks `group` alone (no adjustments, lots or status): team ids in rank
// order, for callers that simulate results (clinched/eliminated).
struct Ranking {
  std::vector<std::uint32_t> order;
  std::vector<int> rank;  // per position in `order`; shared where still level
};
[[nodiscard]] Ranking rank_group(const Group& group, const Rules& rules,
                                 std::optional<int> through = std::nullopt);

// For simulations of results not yet known (clinched/eliminated): ranks
// every match of `group` that has a score, with points `adjustment` (by team
// id) and no lots. Where `open(c, set, mini)` is true, criterion `c` would
// order `set` (`mini`: the teams of the head-to-head mini-table) by results
// not yet known: it does not split `set`, which stays one bucket, flagged
// open. A bucket of more than one not flagged open is level after every
// criterion. A null `open` ranks as compute_standings does.
using OpenCriterion = std::function<bool(Criterion c, std::span<const std::uint32_t> set,
                                         std::span<const std::uint32_t> mini)>;
struct OpenRanking {
  std::vector<std::vector<std::uint32_t>> buckets;  // in rank order
  std::vector<char> open;                           // per bucket
};
[[nodiscard]] OpenRanking rank_group_open(const Group& group, const Rules& rules, std::span<const int> adjustment,
                                          const OpenCriterion* open);

}  // namespace matchday
