// `matchday rules [NAME|FILE]`: the rule presets, one of them in the
// rules-file format, or a rules file checked and printed in full.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "common.hpp"

namespace matchday::cli {

struct RulesCommand {
  CommonOptions common;  // --format, -o, --bom, --encoding, --lang (no --rules)
  std::string name;      // empty: list the presets
};

CLI::App* add_rules_command(CLI::App& app, RulesCommand& cmd);
int run_rules(const RulesCommand& cmd, Output& io);

}  // namespace matchday::cli
