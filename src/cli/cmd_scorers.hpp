// `matchday scorers EVENTS...`: the top-scorer table from match events (SPEC §8),
// and what the events commands share: reading events with their results and
// rosters, and checking that they add up.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "matchday/events.hpp"
#include "matchday/results.hpp"
#include "matchday/roster.hpp"

namespace matchday::cli {

// The inputs of an events command: the events, and the results and rosters
// they were checked against (when given).
struct EventInputs {
  Events events;
  Results results;
  bool has_results = false;
  Roster roster;
  bool has_roster = false;
  EventsCheck check;
};

// Reads every events file (and the --results, --rosters given), checks the
// events (check_events) and fills their blanks (complete_events). Problems
// go to `diags`; the inputs are only meaningful when none is an error.
EventInputs read_event_inputs(const std::vector<std::string>& events, const std::vector<std::string>& results,
                              const std::vector<std::string>& rosters, const Rules& rules, const Context& ctx,
                              std::vector<Diagnostic>& diags);

// --through N on events: every event needs a matchday (from its row or its
// match in the results); the first without one is an error.
void check_through(const EventInputs& in, const std::optional<int>& through, std::vector<Diagnostic>& diags);

// standings --events: the matches' fair-play points from the card events of
// `files` (apply_fair_play); problems go to `diags`.
void fair_play_from_events(const std::vector<std::string>& files, const Rules& rules, const Context& ctx,
                           Results& results, std::vector<Diagnostic>& diags);

// "2025-08-03 西宁市 v 海北州" (the date, else the matchday).
std::string match_text(const Context& ctx, int matchday, const OptionalDate& date, const std::string& home,
                       const std::string& away);

struct ScorersCommand {
  CommonOptions common;
  std::vector<std::string> files;
  std::vector<std::string> results;
  std::vector<std::string> rosters;
  std::vector<std::string> groups;
  std::optional<int> through;
};

CLI::App* add_scorers_command(CLI::App& app, ScorersCommand& cmd);
int run_scorers(const ScorersCommand& cmd, Output& io);

}  // namespace matchday::cli
