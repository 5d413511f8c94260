// Clinched and eliminated (docs/spec.md §7): where fixtures remain, a team is
// `clinched` when no result of the remaining matches can push it out of the
// qualifying places, `eliminated` when none can bring it into them, with the
// rule set's tie-breaking applied. A mark is set only when it is proven.
#pragma once

#include "matchday/results.hpp"
#include "matchday/rules.hpp"
#include "matchday/standings.hpp"

namespace matchday {

// Sets StandingRow::status in `table` (the table of `group`), for
// `rules.qualify` places; adds to table.status_notes where an answer could
// not be proven because it hinges on goal margins.
void mark_status(GroupTable& table, const Group& group, const Rules& rules, const StandingsOptions& options);

}  // namespace matchday
