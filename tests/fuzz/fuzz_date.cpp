// Fuzzes the date parser (every accepted form, full-width input, Excel
// serials) and the calendar arithmetic the eligibility rules use.
//
// Invariants besides "no crash":
// - a date is returned exactly when there is no error;
// - a returned date is a real day, and reading its iso() back gives it again;
// - an 8-digit cell is read as YYYYMMDD and nothing else;
// - days_from_civil / civil_from_days round-trip, one day later is the next
//   day, and add_years (the Civil Code year) gives a real day in the right
//   year, never later in the month than the original day.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "matchday/date.hpp"

using namespace matchday;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view cell = fuzz::as_text(data, size);
  const DateParse parsed = parse_date(cell);
  FUZZ_CHECK(parsed.date.has_value() == (parsed.error == DateError::none));
  if (cell.size() == 8 && cell.find_first_not_of("0123456789") == std::string_view::npos) {
    FUZZ_CHECK(!parsed.date || parsed.date->iso() == std::string(cell.substr(0, 4)) + "-" +
                                                       std::string(cell.substr(4, 2)) + "-" +
                                                       std::string(cell.substr(6, 2)));
  }
  if (!parsed.date) return 0;
  const Date d = *parsed.date;
  FUZZ_CHECK(is_valid_date(d.year, d.month, d.day));
  const DateParse again = parse_date(d.iso());
  FUZZ_CHECK(again.date && *again.date == d);

  const long days = days_from_civil(d);
  FUZZ_CHECK(civil_from_days(days) == d);
  const Date next = civil_from_days(days + 1);
  FUZZ_CHECK(next > d && is_valid_date(next.year, next.month, next.day));
  for (int years : {1, -1, 3}) {
    if (d.year + years < 1 || d.year + years > 9999) continue;
    const Date later = add_years(d, years);
    FUZZ_CHECK(is_valid_date(later.year, later.month, later.day));
    FUZZ_CHECK(later.year == d.year + years && later.month == d.month && later.day <= d.day);
    FUZZ_CHECK(later.day == d.day || (d.month == 2 && d.day == 29 && later.day == 28));
  }
  return 0;
}
