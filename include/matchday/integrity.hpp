// Results that add up: the checks made on everything a run read, before any
// table is computed (docs/spec.md §3, "One match, one row").
//
// A secretary's folder holds last week's copy of the results, a row pasted
// twice, a name typed two ways, a zero-width space from a chat program. Each of
// these would give a table that looks right and is wrong; check_results turns
// every one of them into an error that names the lines, or makes the names the
// same where nothing else could have been meant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "matchday/diagnostic.hpp"
#include "matchday/results.hpp"
#include "matchday/rules.hpp"

namespace matchday {

// Checks and tidies the results of all the files of one run (`results` holds
// them together, as parse_results leaves them), in this order:
// 1. Names: invisible and control characters (zero-width spaces, byte-order
//    marks inside a cell, C0/C1 controls, bidirectional marks) are removed from
//    team and group names; teams whose names are then equal are one team.
//    Group names that are one group written differently (`A`, `Ａ`, `A组`,
//    `A 组`, `第A组`, `Group A`) are one group, named by its bare form (`A`).
//    Groups named after their file (no group column) are left as they are.
// 2. Errors, each naming every line involved (file:line):
//    - a match whose teams are the same once the names are cleaned;
//    - two names in a group that differ only by a common suffix (市, 州, 县,
//      区, 队, 代表队 …), by width or by case ("did you mean");
//    - a team that plays group matches in two groups;
//    - a pair of teams meeting more often than rules.max_meetings allows, or
//      twice on one matchday or one date (cancelled and postponed rows, and
//      knockout-stage rows, are not meetings).
// 3. A warning for a team that appears in far fewer rows of its group than
//    the others (a name typed differently, most likely).
// Cost: linear in the matches (pairs are counted in a table that grows with
// the matches of a group, not the square of its teams).
// `threads` > 1: a large run's groups are checked on that many threads.
void check_results(Results& results, const Rules& rules, std::vector<Diagnostic>& diags, unsigned threads = 1);

// For a table "after matchday N" (--through): a group-stage row without a
// matchday takes it from its date when every row of exactly one matchday
// has that date and no other matchday was played on it (a warning says so);
// any other row without a matchday is an error naming it, since it could
// belong before or after N.
void resolve_matchdays(Results& results, std::vector<Diagnostic>& diags);

// `name` without invisible and control characters (listed above) and without
// surrounding white space (ASCII, ideographic and no-break spaces). Never
// longer than `name`.
[[nodiscard]] std::string clean_name(std::string_view name);

// Whether `text` holds a control character other than tab, line feed and
// carriage return (C0, DEL, C1): a terminal would act on it.
[[nodiscard]] bool has_controls(std::string_view text);
// `text` without terminal escape sequences (ESC [ … m, ESC ] … BEL) and the
// other controls has_controls finds: what may be shown on a terminal.
[[nodiscard]] std::string without_controls(std::string_view text);

// The one way a group name is shown (`A组`, `第A组`, `Group A`, `Ａ` → `A`;
// `甲组` → `甲`); names that are no such form are returned cleaned only.
[[nodiscard]] std::string canonical_group_name(std::string_view name);

// The key under which two team names are the same team written two ways:
// widths folded, ASCII lower case, spaces removed and common suffixes (市, 州,
// 县, 区, 队, 代表队 …) taken off.
[[nodiscard]] std::string team_name_key(std::string_view name);

}  // namespace matchday
