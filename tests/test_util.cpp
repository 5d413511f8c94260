#include "test_util.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace matchday::test {

Results results_from(std::string_view csv, const Rules& rules, std::vector<Diagnostic>* diags_out) {
  Results r;
  std::vector<Diagnostic> diags;
  parse_results(csv, "test.csv", rules, ResultsOptions{}, r, diags);
  for (const Diagnostic& d : diags) {
    INFO(format_diagnostic(d, Lang::en));
    CHECK(d.severity == Severity::warning);
  }
  if (diags_out) *diags_out = diags;
  return r;
}

std::vector<std::string> result_errors(std::string_view csv, const Rules& rules) {
  Results r;
  std::vector<Diagnostic> diags;
  parse_results(csv, "test.csv", rules, ResultsOptions{}, r, diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags) {
    std::string s = std::to_string(d.line) + ": " + std::string(d.code);
    if (!d.column.empty()) s += " " + d.column + " \"" + d.value + "\"";
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> order_of(const Standings& s, std::size_t g) {
  std::vector<std::string> out;
  for (const StandingRow& r : s.groups.at(g).rows) out.push_back(r.name);
  return out;
}

std::string read_source_file(const std::string& relative) {
  return read_file(std::string(MATCHDAY_SOURCE_DIR) + "/" + relative);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TempDir::TempDir() {
  namespace fs = std::filesystem;
  std::random_device seed;
  std::mt19937_64 rng(seed());
  for (int attempt = 0; attempt < 100 && path.empty(); ++attempt) {
    const fs::path p = fs::temp_directory_path() / ("matchday-test." + std::to_string(rng() % 1000000000));
    std::error_code ec;
    if (fs::create_directory(p, ec)) path = p.string();
  }
  REQUIRE(!path.empty());
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::set<std::string> TempDir::files() const {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(path, ec)) {
    const auto name = e.path().filename().u8string();
    out.insert(std::string(name.begin(), name.end()));
  }
  return out;
}

}  // namespace matchday::test
