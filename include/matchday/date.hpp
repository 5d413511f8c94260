// Calendar dates as people type them in Chinese spreadsheets (docs/spec.md §2).
#pragma once

#include <compare>
#include <cstdint>
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

// A Date in four bytes, for records kept by the hundred thousand (a results
// file's matches, a roster's rows: issues 2 and 3): converts to and from Date.
// Dates read here have years 1 to 9999; year 0 is no date.
struct CompactDate {
  std::int16_t year = 0;
  std::uint8_t month = 0;
  std::uint8_t day = 0;

  CompactDate() = default;
  CompactDate(const Date& d)  // NOLINT(google-explicit-constructor): stands in for a Date
      : year(static_cast<std::int16_t>(d.year)), month(static_cast<std::uint8_t>(d.month)),
        day(static_cast<std::uint8_t>(d.day)) {}
  operator Date() const { return Date{year, month, day}; }  // NOLINT(google-explicit-constructor)
  [[nodiscard]] std::string iso() const { return Date(*this).iso(); }
};

// A date or none in four bytes (CompactDate, year 0 for none), read as a
// std::optional<Date> is.
class OptionalDate {
 public:
  OptionalDate() = default;
  OptionalDate(std::nullopt_t) {}                                        // NOLINT(google-explicit-constructor)
  explicit OptionalDate(const Date& d) : m_date(d) {}
  OptionalDate(const std::optional<Date>& d) : m_date(d.value_or(Date{})) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool has_value() const { return m_date.year != 0; }
  explicit operator bool() const { return has_value(); }
  // REQUIRES: has_value().
  [[nodiscard]] Date operator*() const { return m_date; }
  [[nodiscard]] std::optional<Date> get() const { return has_value() ? std::optional<Date>(m_date) : std::nullopt; }
  bool operator==(const OptionalDate& other) const { return get() == other.get(); }
  // As optionals compare (not std::optional's "== a value": an OptionalDate
  // is not a Date).
  friend bool operator==(const OptionalDate& a, const std::optional<Date>& b) { return a.get() == b; }

 private:
  CompactDate m_date;
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
