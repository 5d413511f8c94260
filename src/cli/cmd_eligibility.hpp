// `matchday eligibility FILE|DIR...`: a verdict for every roster row and team.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "matchday/eligibility.hpp"
#include "matchday/roster.hpp"

namespace matchday::cli {

struct EligibilityCommand {
  CommonOptions common;
  std::vector<std::string> inputs;  // files and directories
  std::string category;             // --category for rows without one
  std::string teams_file;           // --teams
  std::optional<int> season;
  std::string as_of;
};

// Every roster of `inputs` (files, and folders: their .csv/.tsv/.txt files by
// name) read into one Roster; problems go to `diags` (also used by the
// events commands' --rosters).
Roster read_roster_inputs(const std::vector<std::string>& inputs, const RosterOptions& ro, const Context& ctx,
                          std::vector<Diagnostic>& diags);

CLI::App* add_eligibility_command(CLI::App& app, EligibilityCommand& cmd);
int run_eligibility(const EligibilityCommand& cmd, Output& io);

// The docs/spec.md §5 sheet: one row per roster row in input order, then one per team
// (columns file, line, team, category, role, name, verdict, reasons; JSON adds
// `details`, the findings in words). For CSV, TSV and JSON.
Sheet eligibility_sheet(const Roster& roster, const EligibilityReport& report, const Context& ctx);

// The CSV/TSV text of eligibility_sheet() (the same bytes render() makes of
// it), written straight from the report without a cell string per value (a
// million-row check stays a few times one pass over the bytes: issue 3). With
// `threads` > 1 and at least twice `min_rows_per_thread` rows, a helper thread
// writes blocks of rows too; the text is the same. With `sink`, the text is
// given to it piece by piece, in order, as it is made (and the result is empty).
std::string eligibility_delimited(const Roster& roster, const EligibilityReport& report, const Context& ctx,
                                  char delimiter, unsigned threads = 1, std::size_t min_rows_per_thread = 50000,
                                  const PieceSink* sink = nullptr);

// One sheet per team (every row, each finding in words with its column, value
// and what to do, then the team's own findings), then the summary sheet (a row
// per team and a total), then a notes sheet. For the text table, Markdown and
// a workbook.
std::vector<Sheet> eligibility_team_sheets(const Roster& roster, const EligibilityReport& report,
                                           const Rules& rules, const Context& ctx);

}  // namespace matchday::cli
