// Calendar dates as people type them in Chinese spreadsheets (SPEC §2).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace matchday {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  auto operator<=>(const Date&) const = default;
  // `2009-03-05`.
  [[nodiscard]] std::string iso() const;
};

enum class DateError {
  none,
  missing,       // the cell is empty
  ambiguous,     // 3/5/2009, 09/3/5: day and month (or the century) cannot be told
  invalid,       // no such day: 2009/2/29, month 13, Excel serial 60
  unrecognised,  // not a date in any accepted form, or incomplete (2009-3)
};

struct DateParse {
  std::optional<Date> date;
  DateError error = DateError::none;
};

// Reads 2009-03-05, 2009/3/5, 2009.3.5, 2009年3月5日, 20090305, any of these
// followed by a time (2009/3/5 0:00), and an Excel 1900-system serial number
// (39877). Full-width digits and punctuation are normalised first.
[[nodiscard]] DateParse parse_date(std::string_view cell);

[[nodiscard]] bool is_valid_date(int year, int month, int day);
[[nodiscard]] int days_in_month(int year, int month);

// `d` plus `years` years, the Civil Code way: the same day, or the last day of
// the month where there is no such day (2024-02-29 + 1 year = 2025-02-28).
[[nodiscard]] Date add_years(Date d, int years);

// Days since 1970-01-01 (negative before), and back.
[[nodiscard]] long days_from_civil(Date d);
[[nodiscard]] Date civil_from_days(long days);

}  // namespace matchday
