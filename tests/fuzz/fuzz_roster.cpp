// Fuzzes the roster parser and the eligibility check over what it reads.
//
// The first byte picks the encoding choice and whether --category A-M is
// given; the rest is the file. Invariants besides "no crash":
// - every diagnostic names line 0 or the line of a record;
// - no error: the rows are non-blank records after the header, each once,
//   in input order, each with a known team;
// - the report has one verdict per row, and a row is eligible exactly when
//   it has no finding; the summary adds up (rows = eligible + ineligible);
// - every row appears in exactly one team, and each team's rows are in input
//   order ("no row is ever dropped").
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "matchday/csv.hpp"
#include "matchday/eligibility.hpp"
#include "matchday/roster.hpp"
#include "matchday/rules.hpp"
#include "matchday/text.hpp"

using namespace matchday;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t selector = data[0];
  const auto choice = static_cast<EncodingChoice>(selector % 3);
  const DecodedText decoded = decode_text(fuzz::as_text(data + 1, size - 1), choice);
  if (decoded.error_offset) return 0;
  const std::string_view text = decoded.text;
  const std::string source = "roster.csv";
  static const Rules rules = *preset(k_default_preset);

  RosterOptions options;
  if ((selector / 3) % 2) options.category = Category{'A', Sex::male};
  options.default_team = "roster";
  options.province = rules.eligibility.province;
  options.province_aliases = rules.eligibility.province_aliases;
  options.as_of = rules.eligibility.as_of;
  Roster roster;
  std::vector<Diagnostic> diags;
  parse_roster(text, source, options, roster, diags);

  std::vector<std::size_t> record_lines, data_lines;
  {
    matchday::fuzz::scan_records(text, source, record_lines, data_lines);
  }
  for (const Diagnostic& d : diags) {
    FUZZ_CHECK(d.line == 0 || std::ranges::binary_search(record_lines, d.line));
    FUZZ_CHECK(!d.code.empty());
  }
  if (has_errors(diags)) {
    FUZZ_CHECK(roster.rows.empty());
    return 0;
  }
  std::uint32_t last = 0;
  for (const RosterRow& r : roster.rows) {
    FUZZ_CHECK(r.line > last);
    last = r.line;
    FUZZ_CHECK(std::ranges::binary_search(data_lines, std::size_t{r.line}));
    FUZZ_CHECK(r.team < roster.teams.size());
    FUZZ_CHECK(r.source == 0);
  }

  const EligibilityReport report = check_eligibility(roster, rules, EligibilityOptions{});
  FUZZ_CHECK(report.rows.size() == roster.rows.size());
  int eligible = 0;
  for (const RowVerdict& v : report.rows) {
    FUZZ_CHECK(v.eligible == v.findings.empty());
    eligible += v.eligible;
  }
  FUZZ_CHECK(report.summary.rows == static_cast<int>(roster.rows.size()));
  FUZZ_CHECK(report.summary.eligible == eligible);
  FUZZ_CHECK(report.summary.eligible + report.summary.ineligible == report.summary.rows);
  std::vector<int> seen(roster.rows.size(), 0);
  for (const TeamVerdict& t : report.teams) {
    FUZZ_CHECK(t.team < roster.teams.size());
    FUZZ_CHECK(std::ranges::is_sorted(t.rows));
    for (std::uint32_t i : t.rows) {
      FUZZ_CHECK(i < roster.rows.size());
      FUZZ_CHECK(roster.rows[i].team == t.team);
      ++seen[i];
    }
  }
  for (int s : seen) FUZZ_CHECK(s == 1);
  return 0;
}
