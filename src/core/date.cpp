#include "matchday/date.hpp"

#include <charconv>
#include <vector>

#include "matchday/text.hpp"

namespace matchday {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

DateParse make(int y, int m, int d) {
  if (!is_valid_date(y, m, d)) return {std::nullopt, DateError::invalid};
  return {Date{y, m, d}, DateError::none};
}

}  // namespace

std::string Date::iso() const {
  char buf[16];
  const auto r = std::to_chars(buf, buf + 4, year);
  std::string y(buf, r.ptr);
  while (y.size() < 4) y.insert(y.begin(), '0');
  auto two = [](int v) {
    return std::string{static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)};
  };
  return y + "-" + two(month) + "-" + two(day);
}

int days_in_month(int year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : k_days[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

Date add_years(Date d, int years) {
  Date r{d.year + years, d.month, d.day};
  r.day = std::min(r.day, days_in_month(r.year, r.month));
  return r;
}

// Howard Hinnant's days_from_civil / civil_from_days.
long days_from_civil(Date d) {
  const long y = d.year - (d.month <= 2);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (d.month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(y + (m <= 2)), m, d};
}

DateParse parse_date(std::string_view cell) {
  std::string scratch;
  std::string_view s = normalize_cell(cell, scratch);
  if (s.empty()) return {std::nullopt, DateError::missing};

  // A trailing time: "2009/3/5 0:00", "2009-03-05T00:00:00".
  if (const std::size_t sp = s.find_first_of(" T"); sp != std::string_view::npos) {
    const std::string_view time = trim(s.substr(sp + 1));
    if (time.find(':') == std::string_view::npos) return {std::nullopt, DateError::unrecognised};
    for (char c : time) {
      if (!((c >= '0' && c <= '9') || c == ':' || c == '.')) {
        return {std::nullopt, DateError::unrecognised};
      }
    }
    s = trim(s.substr(0, sp));
    if (s.empty()) return {std::nullopt, DateError::unrecognised};  // a time and no date: "T:", " 0:00"
  }

  if (all_digits(s)) {
    if (s.size() == 8) return make(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)));
    if (s.size() <= 7) {
      // Excel 1900 date system: serial 1 is 1900-01-01; 60 is the fictitious
      // 1900-02-29 (Lotus's bug), so serials from 61 on are one day ahead.
      const long serial = std::stol(std::string(s));
      if (serial == 60 || serial < 1 || serial > 2958465) return {std::nullopt, DateError::invalid};
      const long base = days_from_civil(Date{1899, 12, serial < 60 ? 31 : 30});
      return {civil_from_days(base + serial), DateError::none};
    }
    return {std::nullopt, DateError::unrecognised};
  }

  // Split into digit runs and the separators between them.
  std::vector<std::string_view> parts;
  std::vector<std::string_view> seps;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j == i) return {std::nullopt, DateError::unrecognised};
    parts.push_back(s.substr(i, j - i));
    std::size_t k = j;
    while (k < s.size() && !(s[k] >= '0' && s[k] <= '9')) ++k;
    seps.push_back(s.substr(j, k - j));
    i = k;
  }
  const bool chinese = parts.size() == 3 && seps[0] == "年" && seps[1] == "月" &&
                       (seps[2] == "日" || seps[2] == "号" || seps[2].empty());
  if (chinese) return make(to_int(parts[0]), to_int(parts[1]), to_int(parts[2]));
  if (parts.size() == 2 && seps[0] == "年" && seps[1] == "月") {
    return {std::nullopt, DateError::unrecognised};  // a month, not a day
  }
  const std::string_view sep = seps[0];
  const bool plain_sep = sep == "-" || sep == "/" || sep == ".";
  if (!plain_sep) return {std::nullopt, DateError::unrecognised};
  if (parts.size() != 3 || seps[1] != sep || !seps[2].empty()) {
    return {std::nullopt, DateError::unrecognised};
  }
  if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2) {
    return make(to_int(parts[0]), to_int(parts[1]), to_int(parts[2]));
  }
  if (parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() == 4) {
    // 7/30/2025 and 13/12/2009 can be read one way only, 3/3/2009 reads the
    // same both ways; 3/5/2009 is ambiguous (a row's ID number may settle it).
    const int y = to_int(parts[2]), a = to_int(parts[0]), b = to_int(parts[1]);
    const bool month_first = is_valid_date(y, a, b), day_first = is_valid_date(y, b, a);
    if (month_first && day_first && a != b) return {std::nullopt, DateError::ambiguous};
    if (month_first) return {Date{y, a, b}, DateError::none};
    if (day_first) return {Date{y, b, a}, DateError::none};
    return {std::nullopt, DateError::invalid};
  }
  if (parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() <= 2) {
    return {std::nullopt, DateError::ambiguous};  // 09/3/5: the century and the order
  }
  return {std::nullopt, DateError::unrecognised};
}

}  // namespace matchday
