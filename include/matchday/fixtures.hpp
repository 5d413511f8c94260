// Round-robin fixture lists by the circle method (docs/spec.md §6): every team plays
// once per matchday (one team rests where the count is odd), home and away as
// balanced as the format allows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matchday/date.hpp"
#include "matchday/diagnostic.hpp"

namespace matchday {

// Team counts a fixture list is made for (the 3 to 20).
inline constexpr std::size_t k_min_fixture_teams = 3;
inline constexpr std::size_t k_max_fixture_teams = 20;

// One match of a fixture list. Teams are indices into the caller's team list.
struct Fixture {
  int matchday = 0;  // 1-based
  std::uint32_t home = 0;
  std::uint32_t away = 0;
  bool operator==(const Fixture&) const = default;
};

struct RoundRobin {
  int matchdays = 0;
  // By matchday, and within a matchday in the circle's order (the pair with
  // the fixed team first).
  std::vector<Fixture> fixtures;
  // Per matchday (index matchday - 1): the team that rests; nullopt when the
  // team count is even.
  std::vector<std::optional<std::uint32_t>> byes;
};

// The circle method for `teams` teams: team 0 stays put (or, for an odd
// count, an empty "bye" seat does) while the others rotate one seat per
// matchday; n - 1 matchdays for even n, n for odd. Home and away: in a single
// round robin every team's home count is within one of every other's (exactly
// half for an odd count) and no team has three home or three away matches in
// a row. `double_round`: a second half that repeats the first, matchday by
// matchday, with home and away swapped (so every team is at home exactly as
// often as away). Deterministic: the same count gives the same list.
// REQUIRES: teams >= 2.
[[nodiscard]] RoundRobin round_robin(std::size_t teams, bool double_round);

// The date of `matchday` (1-based): `start` plus (matchday - 1) * `every` days.
[[nodiscard]] Date matchday_date(Date start, int every, int matchday);

// One team of a teams file, with the group it is in.
struct TeamEntry {
  std::string group;  // empty: no group column (or an empty cell)
  std::string name;
  std::size_t line = 0;
};

// Reads a teams file (decoded text): a header with a `team` column (队名,
// 代表队, 球队) and optionally `group` (小组, 分组); or, without such a header,
// a list of names, one per line (the first cell of each row). Blank rows are
// skipped. A name given twice in one group is an error with both lines.
[[nodiscard]] std::vector<TeamEntry> parse_team_list(std::string_view text, std::string_view source,
                                                     std::vector<Diagnostic>& diags);

}  // namespace matchday
