// Uses the installed matchday library: a group table from CSV text.
#include <iostream>
#include <string>
#include <vector>

#include "matchday/messages.hpp"
#include "matchday/results.hpp"
#include "matchday/rules.hpp"
#include "matchday/standings.hpp"
#include "matchday/text.hpp"

int main() {
  const std::string csv =
      "小组,主队,客队,主队进球,客队进球\n"
      "A,西宁市,海东市,2,1\n"
      "A,海西州,玉树州,3,0\n"
      "A,西宁市,海西州,1,1\n";
  const matchday::Rules rules = *matchday::preset("league");
  matchday::Results results;
  std::vector<matchday::Diagnostic> diags;
  matchday::parse_results(csv, "inline.csv", rules, matchday::ResultsOptions{}, results, diags);
  for (const matchday::Diagnostic& d : diags) std::cerr << matchday::format_diagnostic(d, matchday::Lang::en) << "\n";
  const matchday::Standings s = matchday::compute_standings(results, rules, matchday::StandingsOptions{});
  for (const matchday::StandingRow& r : s.groups.at(0).rows) {
    std::cout << r.rank << " " << matchday::pad(r.name, 8) << r.points << "\n";
  }
  return diags.empty() ? 0 : 1;
}
