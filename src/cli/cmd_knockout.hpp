// `matchday knockout RESULTS... --pairing "A1-B2,B1-A2"`: knockout pairings
// from group places, and the bracket round by round from knockout results
// (docs/spec.md §6).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "matchday/knockout.hpp"

namespace matchday::cli {

struct KnockoutCommand {
  CommonOptions common;
  std::vector<std::string> files;
  std::string pairing;  // empty: the rules'
  std::vector<std::string> lots;
  std::vector<std::string> adjust;
  std::string adjustments_file;
};

CLI::App* add_knockout_command(CLI::App& app, KnockoutCommand& cmd);
int run_knockout(const KnockoutCommand& cmd, Output& io);

// One sheet per round (the third-place play-off last), in the context's
// language and format.
std::vector<Sheet> knockout_sheets(const Knockout& k, const Context& ctx);

}  // namespace matchday::cli
