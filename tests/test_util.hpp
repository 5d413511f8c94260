// Helpers shared by the unit tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "matchday/messages.hpp"
#include "matchday/results.hpp"
#include "matchday/rules.hpp"
#include "matchday/standings.hpp"

namespace matchday::test {

// A results file from CSV text, under `rules` (default: the Qinghai preset).
// Fails the test on any error diagnostic.
Results results_from(std::string_view csv, const Rules& rules = *preset("qinghai-youth-2025"),
                     std::vector<Diagnostic>* diags_out = nullptr);

// The diagnostics of parsing `csv` as one lines each: `line: code [column "value"]`.
std::vector<std::string> result_errors(std::string_view csv, const Rules& rules = *preset("qinghai-youth-2025"));

// Team names of group `g` of `s`, in rank order.
std::vector<std::string> order_of(const Standings& s, std::size_t g = 0);

// The contents of a file under the source tree (tests/data/...).
std::string read_source_file(const std::string& relative);
// The contents of the file at `path`.
std::string read_file(const std::string& path);

}  // namespace matchday::test
