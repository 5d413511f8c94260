#include <doctest/doctest.h>

#include "matchday/csv.hpp"
#include "matchday/date.hpp"
#include "test_util.hpp"

using namespace matchday;

TEST_SUITE_BEGIN("date");

TEST_CASE("parse_date: the shared date vectors") {
  const std::string text = test::read_source_file("tests/data/eligibility/date-vectors.csv");
  CsvReader reader(text);
  CsvRecord rec;
  REQUIRE(reader.next(rec));  // header
  int n = 0;
  while (reader.next(rec)) {
    const std::string input(rec.fields.at(0));
    const std::string expect(rec.fields.at(1));
    CAPTURE(input);
    const DateParse p = parse_date(input);
    if (expect == "ERROR") {
      CHECK_FALSE(p.date);
      CHECK(p.error != DateError::missing);
    } else if (expect == "MISSING") {
      CHECK(p.error == DateError::missing);
    } else {
      REQUIRE(p.date);
      CHECK(p.date->iso() == expect);
    }
    ++n;
  }
  CHECK(n == 19);
}

TEST_CASE("parse_date: error kinds") {
  CHECK(parse_date("3/5/2009").error == DateError::ambiguous);
  CHECK(parse_date("09/3/5").error == DateError::ambiguous);
  CHECK(parse_date("2009/2/29").error == DateError::invalid);
  CHECK(parse_date("60").error == DateError::invalid);
  CHECK(parse_date("2009-3").error == DateError::unrecognised);
  CHECK(parse_date("soon").error == DateError::unrecognised);
  CHECK(parse_date("2009-03-05T00:00:00").date->iso() == "2009-03-05");
  CHECK(parse_date("1").date->iso() == "1900-01-01");
  CHECK(parse_date("59").date->iso() == "1900-02-28");
  CHECK(parse_date("61").date->iso() == "1900-03-01");
}

TEST_CASE("fuzz finding: a time with no date before it is unrecognised (was an out-of-bounds read)") {
  // fuzz_date, input "T:": the date part was empty and parse_date read the
  // separator of a digit run that did not exist.
  CHECK(parse_date("T:").error == DateError::unrecognised);
  CHECK(parse_date("T0:00").error == DateError::unrecognised);
  CHECK(parse_date("\xE3\x80\x80T12:30").error == DateError::unrecognised);  // ideographic space first
  CHECK(parse_date("2009/3/5T0:00").date->iso() == "2009-03-05");
}

TEST_CASE("add_years: the Civil Code's one year") {
  CHECK(add_years({2024, 2, 29}, 1) == Date{2025, 2, 28});
  CHECK(add_years({2024, 7, 30}, 1) == Date{2025, 7, 30});
  CHECK(add_years({2023, 12, 31}, 1) == Date{2024, 12, 31});
  CHECK(add_years({2020, 2, 29}, 4) == Date{2024, 2, 29});
}

TEST_CASE("days_from_civil round-trips") {
  for (long d = -800000; d < 800000; d += 997) CHECK(days_from_civil(civil_from_days(d)) == d);
  CHECK(days_from_civil({1970, 1, 1}) == 0);
}

TEST_CASE("OptionalDate: a date or none in four bytes, compared as optionals are") {
  static_assert(sizeof(OptionalDate) == 4);
  const OptionalDate none;
  const OptionalDate some(Date{2009, 3, 5});
  CHECK_FALSE(none.has_value());
  CHECK(some.has_value());
  CHECK(*some == Date{2009, 3, 5});
  CHECK((*some).iso() == "2009-03-05");
  // Against a std::optional: none equals nullopt only, a date equals that date only.
  CHECK(none == std::optional<Date>());
  CHECK_FALSE(none == std::optional<Date>(Date{2009, 3, 5}));
  CHECK(some == std::optional<Date>(Date{2009, 3, 5}));
  CHECK_FALSE(some == std::optional<Date>());
  CHECK_FALSE(some == std::optional<Date>(Date{2009, 3, 6}));
  // From what parse_date gives, and back; the years it reads (1 to 9999) fit.
  for (const Date d : {Date{1, 1, 1}, Date{1900, 2, 28}, Date{9999, 12, 31}}) {
    const OptionalDate o = std::optional<Date>(d);
    CHECK(o.get() == std::optional<Date>(d));
    CHECK(CompactDate(d).iso() == d.iso());
  }
  CHECK_FALSE(OptionalDate(std::optional<Date>()).has_value());
}

TEST_SUITE_END();
