// Clinched and eliminated (docs/spec.md §7): where fixtures remain, a team is
// `clinched` when no result of the remaining matches can push it out of the
// qualifying places, `eliminated` when none can bring it into them, with the
// rule set's tie-breaking applied. A mark is set only when it is proven.
#pragma once

#include <cstdint>

#include "matchday/results.hpp"
#include "matchday/rules.hpp"
#include "matchday/standings.hpp"

namespace matchday {

// How much of the check's reasoning mark_status keeps, besides the marks.
enum class StatusDetail : std::uint8_t {
  // The marks only (GroupTable::status_notes left empty): the same marks,
  // for less work.
  marks,
  // The marks and every note (for --explain): where a mark could not be
  // proven because it hinges on goal margins (clinched_hinges,
  // eliminated_hinges) or there were too many results to check
  // (points_only, unchecked), and a way into the top places for each team
  // neither clinched nor eliminated (path).
  explained,
};

// Sets StandingRow::status in `table` (the table of `group`), for
// `rules.qualify` places, and table.status_notes (see StatusDetail).
// `options`: the `through` the table was computed with.
void mark_status(GroupTable& table, const Group& group, const Rules& rules, const StandingsOptions& options,
                 StatusDetail detail = StatusDetail::explained);

// The same for every table of `standings` (computed from `results`), groups
// on up to options.threads threads; the marks are the same for any number.
void mark_status(Standings& standings, const Results& results, const Rules& rules, const StandingsOptions& options,
                 StatusDetail detail = StatusDetail::explained);

}  // namespace matchday
