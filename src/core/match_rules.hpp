// Internal: which matches of a group count in its table, and which are still
// to play (docs/spec.md §3, §4). Standings and the clinched/eliminated check both
// decide it here.
#pragma once

#include <optional>

#include "matchday/results.hpp"

namespace matchday::detail {

// A match that counts: of the group stage, with a score, played or awarded,
// and (with `through`) of matchday `through` or earlier.
[[nodiscard]] inline bool counts(const Match& m, std::optional<int> through) {
  if (!m.has_score() || m.stage != 0) return false;
  if (m.status != MatchStatus::played && m.status != MatchStatus::awarded) return false;
  return !through || m.matchday <= *through;
}

// A fixture still to play: of the group stage, not cancelled, and not
// counted (no score yet, postponed, or later than `through`).
[[nodiscard]] inline bool still_to_play(const Match& m, std::optional<int> through) {
  return m.stage == 0 && m.status != MatchStatus::cancelled && !counts(m, through);
}

}  // namespace matchday::detail
