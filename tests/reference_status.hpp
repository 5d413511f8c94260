// The clinched/eliminated check before it was split (tests/reference_status.cpp).
#pragma once

#include "matchday/standings.hpp"

namespace matchday::reference {

// mark_status as it was: sets the marks and notes of `table`.
void mark_status_before_split(GroupTable& table, const Group& group, const Rules& rules,
                              const StandingsOptions& options);

}  // namespace matchday::reference
