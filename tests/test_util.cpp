#include "test_util.hpp"

#include <doctest/doctest.h>

#include <dirent.h>
#include <unistd.h>

#include <fstream>
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
  std::string t = "/tmp/matchday-test.XXXXXX";
  REQUIRE(mkdtemp(t.data()) != nullptr);
  path = t;
}

TempDir::~TempDir() {
  for (const std::string& f : files()) ::unlink((path + "/" + f).c_str());
  ::rmdir(path.c_str());
}

std::set<std::string> TempDir::files() const {
  std::set<std::string> out;
  if (DIR* d = ::opendir(path.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      const std::string name = e->d_name;
      if (name != "." && name != "..") out.insert(name);
    }
    ::closedir(d);
  }
  return out;
}

}  // namespace matchday::test
