// Helpers shared by the unit tests.
#pragma once

#include <set>
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

// A fresh directory under the temporary folder (/tmp), removed with its files at the end of the test.
struct TempDir {
  std::string path;
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // The names of the files in it.
  [[nodiscard]] std::set<std::string> files() const;
};

// The contents of a file under the source tree (tests/data/...).
std::string read_source_file(const std::string& relative);
// The contents of the file at `path`.
std::string read_file(const std::string& path);

}  // namespace matchday::test
