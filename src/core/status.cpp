#include "matchday/status.hpp"

namespace matchday {

void mark_status(GroupTable& table, const Group& group, const Rules& rules, const StandingsOptions& options) {
  // TODO(issue 5): prove clinched/eliminated over the remaining fixtures.
  (void)table;
  (void)group;
  (void)rules;
  (void)options;
}

}  // namespace matchday
