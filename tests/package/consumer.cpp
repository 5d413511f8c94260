// Uses the installed matchday library as a user's program would: a results
// file's bytes (here GB18030, as a Chinese Excel saves "CSV"), read with the
// encoding found from the bytes, then a group table.
#include <iostream>
#include <string>
#include <vector>

#include "matchday/messages.hpp"
#include "matchday/results.hpp"
#include "matchday/rules.hpp"
#include "matchday/standings.hpp"
#include "matchday/text.hpp"

int main() {
  // 小组,主队,客队,比分 / A,西宁市,海东市,2:1 / ... in GB18030 bytes.
  const std::string bytes =
      "\xD0\xA1\xD7\xE9,\xD6\xF7\xB6\xD3,\xBF\xCD\xB6\xD3,\xB1\xC8\xB7\xD6\n"
      "A,\xCE\xF7\xC4\xFE\xCA\xD0,\xBA\xA3\xB6\xAB\xCA\xD0,2:1\n"
      "A,\xBA\xA3\xCE\xF7\xD6\xDD,\xD3\xF1\xCA\xF7\xD6\xDD,3:0\n"
      "A,\xCE\xF7\xC4\xFE\xCA\xD0,\xBA\xA3\xCE\xF7\xD6\xDD,1:1\n";
  const matchday::Rules rules = *matchday::preset("league");
  matchday::ResultsOptions options;  // encoding: found from the bytes; one thread
  options.execution.threads = 2;     // a large file would be read in two parts at once
  matchday::Results results;
  std::vector<matchday::Diagnostic> diags;
  matchday::parse_results(bytes, "groupA.csv", rules, options, results, diags);
  for (const matchday::Diagnostic& d : diags) std::cerr << matchday::format_diagnostic(d, matchday::Lang::en) << "\n";
  if (matchday::has_errors(diags)) return 1;
  const matchday::Standings s = matchday::compute_standings(results, rules, matchday::StandingsOptions{});
  for (const matchday::StandingRow& r : s.groups.at(0).rows) {
    std::cout << r.rank << " " << matchday::pad(r.name, 8) << r.points << "\n";
  }
  return diags.empty() ? 0 : 1;
}
