// The command line: parses arguments, runs one subcommand, returns its exit code.
#pragma once

#include <string>
#include <vector>

#include "common.hpp"

namespace matchday::cli {

// Runs matchday with `args` (args[0] is the program name: called as
// `standings` or `eligibility` it runs that subcommand). Output goes to `io`.
int run_cli(std::vector<std::string> args, Output& io);

// The help texts of every command that have no catalogue entry, or whose
// entry's English is not the text in the code (one line each: code and text);
// empty when all is well. For tests/test_help.cpp.
std::vector<std::string> untranslated_help();

// The name the program was called by (args[0]) without its folder or a
// ".exe" ending: "matchday", "standings", "eligibility".
std::string called_name(const std::vector<std::string>& args);

}  // namespace matchday::cli
