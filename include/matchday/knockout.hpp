// The knockout stage (docs/spec.md §6): pairings from group places, then the bracket
// round by round from knockout results.
//
// A pairing is a comma-separated list of matches `SLOT-SLOT`, e.g.
// `A1-B2,B1-A2`. A slot is a group and a place, `A1` (the group's name, then
// the place: `groupA1` is place 1 of group "groupA"), or a best-placed team
// across groups, `3rd1` (the best of the third-placed teams), `3rd2` (the
// second best), `2nd1` (the best runner-up), ... The matches are the first
// round in bracket order: the winners of matches 1 and 2 meet in the next
// round, then those of 3 and 4, and so on, to the final. So the count of
// matches is 1, 2, 4, 8 or 16.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matchday/diagnostic.hpp"
#include "matchday/results.hpp"
#include "matchday/rules.hpp"
#include "matchday/standings.hpp"

namespace matchday {

// One side of a pairing match.
struct Slot {
  std::string text;   // as written, normalised: "A1", "3rd2"
  std::string group;  // the group; empty for a best-placed slot
  int place = 0;      // 1-based place in a group table (3 for "3rd2")
  int best = 0;       // 0: a group slot; k: the k-th best of the teams at `place`
  bool operator==(const Slot&) const = default;
};

struct Pairing {
  std::vector<std::array<Slot, 2>> matches;  // in bracket order
};

struct PairingParse {
  Pairing pairing;
  std::vector<Diagnostic> diagnostics;
};

// Reads a pairing spec. Full-width forms and the Chinese commas (，、) are
// read as ASCII. Errors name `source` (empty: an option) and `column` (the
// option or key, e.g. "--pairing") with the offending item: an empty spec, a
// match that is not two slots joined by '-', a slot without a place, a slot
// given twice, a match count that is not a power of two (at most 16).
[[nodiscard]] PairingParse parse_pairing(std::string_view spec, std::string_view source,
                                         std::string_view column);

// A team at a given place of its group, ranked against the teams at the same
// place in the other groups.
struct PlacedTeam {
  std::string group;
  std::string team;
  int rank = 0;              // 1-based among the groups' teams at this place
  bool shared_rank = false;  // level after every criterion, no --lots order
  int played = 0;
  int points = 0;            // with adjustments, as in the group table
  int goal_difference = 0;
  int goals_for = 0;
  int fair_play = 0;
};

// The teams at `place` in every table of `standings` that has one (a table
// whose team at that place shares its rank is still listed, marked shared),
// best first. Groups may differ in size, so the order is by points per match,
// then goal difference per match, then goals scored per match, then fewer
// fair-play points per match, all compared exactly (cross-multiplied
// integers, no floating point); then by a --lots list (`lots`) that names
// every level team; teams still level share a rank (listed in group order).
[[nodiscard]] std::vector<PlacedTeam> rank_placed(const Standings& standings, int place,
                                                  const std::vector<std::vector<std::string>>& lots);

// Where a side of a knockout match comes from.
enum class SideFrom { slot, winner, loser };

struct KnockoutSide {
  std::string team;  // empty: not decided yet
  SideFrom from = SideFrom::slot;
  Slot slot;         // from == slot
  int round = 0;     // from == winner/loser: the match (0-based round and index)
  int match = 0;
  // from == slot: the slot's group (any group, for a best-placed slot) still
  // has fixtures to play, so the team at that place may change.
  bool provisional = false;
};

// One match of the bracket, oriented as the bracket lists it (the first slot
// of a pairing match is `home`), whichever way round the results row has it.
struct KnockoutMatch {
  KnockoutSide home;
  KnockoutSide away;
  bool has_result = false;  // a results row for this match was found
  bool decided = false;     // it has a winner
  int home_goals = -1;      // -1: not played yet
  int away_goals = -1;
  int home_pens = -1;       // -1: no shootout
  int away_pens = -1;
  MatchStatus status = MatchStatus::played;
  Date date{};
  std::string stage;        // the row's stage cell
  std::string source;       // the row's file and line
  std::uint32_t line = 0;
  int winner = -1;          // 0: home, 1: away, -1: none yet

  [[nodiscard]] const std::string& winner_team() const { return winner == 0 ? home.team : away.team; }
  [[nodiscard]] const std::string& loser_team() const { return winner == 0 ? away.team : home.team; }
};

struct Knockout {
  // rounds[0] is the pairing; every later round pairs the winners of
  // consecutive matches; the last round is the final (one match).
  std::vector<std::vector<KnockoutMatch>> rounds;
  // A play-off for third place, when a knockout row pairs the two losing
  // semi-finalists.
  std::optional<KnockoutMatch> third_place;
  // For each best-placed slot's place (ascending): the ranking used.
  std::vector<std::pair<int, std::vector<PlacedTeam>>> best;
  std::vector<Diagnostic> diagnostics;  // errors block the result
};

// The knockout stage from `results`: group places from the tables of the
// group-stage matches (stage 0, as compute_standings gives them under
// `rules` and `options`), then every knockout row (stage != 0) placed in the
// bracket by its two teams. Errors (each with the row's file:line where
// there is one): a slot naming no group or a place the group lacks; a place
// shared by teams level after every criterion (the message names --lots, or,
// while fixtures of the group remain, says the place is still open); a
// team in two slots; a drawn knockout match without a shootout; two rows for
// one match; a row that is no match of the bracket. Warnings: groups with
// fixtures not yet played (the places may still change).
[[nodiscard]] Knockout compute_knockout(const Results& results, const Rules& rules,
                                        const StandingsOptions& options, const Pairing& pairing);

// `results` with the group stage only: knockout rows dropped, then teams that
// played no group match, then groups left empty.
[[nodiscard]] Results group_stage_only(const Results& results);

}  // namespace matchday
