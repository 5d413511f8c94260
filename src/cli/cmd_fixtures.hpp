// `matchday fixtures --group A TEAM...`: a round-robin fixture list, written
// as a results file with empty scores (docs/spec.md §6).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"

namespace matchday::cli {

struct FixturesCommand {
  CommonOptions common;
  std::string group;               // empty: from the teams file, or no group column
  std::vector<std::string> teams;
  std::string teams_file;
  bool double_round = false;
  bool force = false;              // -o over a file with played results
  std::string start;               // first matchday's date; empty: undated
  std::optional<int> every;        // days between matchdays (default 7 with --start)
};

CLI::App* add_fixtures_command(CLI::App& app, FixturesCommand& cmd);
int run_fixtures(const FixturesCommand& cmd, Output& io);

}  // namespace matchday::cli
