// `matchday standings FILE...`: group tables from results files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "matchday/standings.hpp"

namespace matchday::cli {

struct StandingsCommand {
  CommonOptions common;
  std::vector<std::string> files;
  std::vector<std::string> groups;
  std::optional<int> through;
  std::vector<std::string> lots;
  std::vector<std::string> adjust;
  std::string adjustments_file;
  std::optional<int> qualify;
  bool explain = false;
  std::vector<std::string> events;  // --events: fair play from card events
};

// Every results file of `files` ("-": standard input), decoded and parsed
// into one Results; a file without a group column is named after its stem.
// Each file's bytes are released as soon as it is parsed. Problems go to `diags`.
Results read_results(const std::vector<std::string>& files, const Rules& rules, const Context& ctx,
                     std::vector<Diagnostic>& diags);

// The adjustments of --adjust options and an --adjustments file; problems go
// to `diags` (shared by standings and knockout).
std::vector<Adjustment> read_adjustments(const std::vector<std::string>& options, const std::string& file,
                                         const Context& ctx, std::vector<Diagnostic>& diags);

CLI::App* add_standings_command(CLI::App& app, StandingsCommand& cmd);
int run_standings(const StandingsCommand& cmd, Output& io);

// --lots values ("A,B,C", also with ，or 、) as lists of team names, one per
// option; shared with `knockout`.
std::vector<std::vector<std::string>> parse_lots(const std::vector<std::string>& specs);

// The sheets of `standings` (one per group), in the context's language and format.
std::vector<Sheet> standings_sheets(const Standings& standings, const Context& ctx);
// CSV (or TSV) of `standings`: the bytes render_delimited gives for
// standings_sheets, written straight from the tables (blocks of groups on
// two threads when `threads` > 1).
std::string standings_delimited(const Standings& standings, const Context& ctx, char delimiter,
                                unsigned threads = 1);
// The --explain text: for every tie, the deciding criterion and its values.
std::string explain_standings(const Standings& standings, const Results& results, const Context& ctx);

}  // namespace matchday::cli
