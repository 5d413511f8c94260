// Fuzzes the rules-file parser.
//
// Invariants besides "no crash":
// - every diagnostic names a line of the file;
// - a file read without errors keeps a usable rule set (the order starts
//   with `points`), and format_rules() of it reads back without errors to
//   the same rule set (format_rules of both is the same text).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "matchday/rules.hpp"

using namespace matchday;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const RulesParse parsed = parse_rules(text, "fuzz.rules");
  const std::size_t lines = static_cast<std::size_t>(std::ranges::count(text, '\n')) + 1;
  for (const Diagnostic& d : parsed.diagnostics) {
    FUZZ_CHECK(d.source == "fuzz.rules");
    FUZZ_CHECK(d.line >= 1 && d.line <= lines);
    FUZZ_CHECK(!d.code.empty());
  }
  if (!parsed.diagnostics.empty()) return 0;
  FUZZ_CHECK(!parsed.rules.order.empty() && parsed.rules.order.front() == Criterion::points);
  const std::string written = format_rules(parsed.rules);
  const RulesParse again = parse_rules(written, "fuzz.rules");
  FUZZ_CHECK(again.diagnostics.empty());
  FUZZ_CHECK(format_rules(again.rules) == written);
  return 0;
}
