// `matchday discipline EVENTS...`: cards and suspensions, and who may not play
// in each team's next match (SPEC §8); `matchday lineup LINEUP...`: the
// players a team names for a match, each checked against the rosters and the
// suspensions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"

namespace matchday::cli {

struct DisciplineCommand {
  CommonOptions common;
  std::vector<std::string> files;
  std::vector<std::string> results;
  std::vector<std::string> rosters;
  std::string extra;
  std::optional<int> through;
  std::string list = "all";
};

CLI::App* add_discipline_command(CLI::App& app, DisciplineCommand& cmd);
int run_discipline(const DisciplineCommand& cmd, Output& io);

struct LineupCommand {
  CommonOptions common;
  std::vector<std::string> files;   // lineup files
  std::vector<std::string> rosters;
  std::vector<std::string> events;
  std::vector<std::string> results;
  std::string extra;
  std::optional<int> matchday;
  std::string category;
};

CLI::App* add_lineup_command(CLI::App& app, LineupCommand& cmd);
int run_lineup(const LineupCommand& cmd, Output& io);

}  // namespace matchday::cli
