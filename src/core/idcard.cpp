#include "matchday/idcard.hpp"

#include <algorithm>

#include "matchday/text.hpp"

namespace matchday {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `6.30102E+17`, `6.30102e17`, `6E+17`: what Excel's General format writes.
bool looks_scientific(std::string_view s) {
  std::size_t e = 0;  // a loop: find_first_of calls memchr per character
  while (e < s.size() && s[e] != 'E' && s[e] != 'e') ++e;
  if (e == s.size() || e == 0 || e + 1 >= s.size()) return false;
  std::size_t i = 0;
  bool dot = false;
  for (; i < e; ++i) {
    if (s[i] == '.' && !dot) {
      dot = true;
    } else if (!is_digit(s[i])) {
      return false;
    }
  }
  i = e + 1;
  if (s[i] == '+') ++i;
  if (i >= s.size()) return false;
  for (; i < s.size(); ++i) {
    if (!is_digit(s[i])) return false;
  }
  return true;
}

}  // namespace

std::string_view id_problem_name(IdProblem p) {
  switch (p) {
    case IdProblem::none: return "none";
    case IdProblem::empty: return "empty";
    case IdProblem::sci_notation: return "sci_notation";
    case IdProblem::excel15: return "excel15";
    case IdProblem::legacy15: return "legacy15";
    case IdProblem::length: return "length";
    case IdProblem::charset: return "charset";
    case IdProblem::bad_date: return "bad_date";
    case IdProblem::future_date: return "future_date";
    case IdProblem::checksum: return "checksum";
  }
  return "?";
}

char id_check_character(std::string_view first17) {
  static constexpr int k_weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char k_check[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * k_weights[i];
  return k_check[sum % 11];
}

std::uint64_t IdCheck::person_key() const {
  if (length != 18 || problem == IdProblem::excel15 || problem == IdProblem::sci_notation ||
      problem == IdProblem::charset || problem == IdProblem::empty) {
    return 0;
  }
  // Two independent halves (9 and 8 digits), not one chain of 17 steps.
  std::uint64_t high = 0, low = 0;
  for (std::size_t i = 0; i < 9; ++i) high = high * 10 + static_cast<std::uint64_t>(digits[i] - '0');
  for (std::size_t i = 9; i < 17; ++i) low = low * 10 + static_cast<std::uint64_t>(digits[i] - '0');
  const std::uint64_t k = high * 100000000 + low;
  const char c = digits[17];
  return k * 11 + (c == 'X' ? 10 : static_cast<std::uint64_t>(c - '0')) + 1;
}

IdCheck check_id_number(std::string_view cell, Date as_of) {
  IdCheck r;
  std::string scratch;
  // The usual cell, 18 digits (or X) as typed, needs none of the normalising
  // below: nothing to trim, widen, unquote or unspace, and no exponent.
  const bool plain18 = cell.size() == 18 && std::all_of(cell.begin(), cell.end(), [](char c) {
    return is_digit(c) || c == 'X' || c == 'x';
  });
  std::string_view s = cell;
  std::string compact;
  if (plain18) {
    r.length = 18;
  } else {
    s = normalize_cell(cell, scratch);
    if (s.size() != cell.size()) r.normalised = true;
    // Excel's text marker, and spaces typed inside the number.
    if (!s.empty() && (s.front() == '\'' || s.front() == '`')) {
      s.remove_prefix(1);
      r.normalised = true;
    }
    if (s.find(' ') != std::string_view::npos) {
      for (char c : s) {
        if (c != ' ') compact += c;
      }
      s = compact;
      r.normalised = true;
    }
    if (s.empty()) {
      r.problem = IdProblem::empty;
      return r;
    }
    r.length = static_cast<std::uint8_t>(std::min<std::size_t>(s.size(), 255));
    if (looks_scientific(s)) {
      r.problem = IdProblem::sci_notation;
      // 18 characters of it: number() shows them as written, not 18 NULs.
      if (s.size() == 18) std::copy_n(s.data(), 18, r.digits.data());
      return r;
    }
    bool all_digits = true;
    for (char c : s) all_digits = all_digits && is_digit(c);
    if (s.size() == 15 && all_digits) {
      r.problem = IdProblem::legacy15;
      // The 18-digit form: century 19 inserted before the year, check computed.
      char* d = r.digits.data();
      std::copy_n(s.data(), 6, d);
      d[6] = '1';
      d[7] = '9';
      std::copy_n(s.data() + 6, 9, d + 8);
      d[17] = id_check_character(std::string_view(d, 17));
      return r;
    }
  }
  if (s.size() != 18) {
    r.problem = IdProblem::length;
    return r;
  }
  for (std::size_t i = 0; i < 18; ++i) r.digits[i] = s[i];
  if (r.digits[17] == 'x') {
    r.digits[17] = 'X';
    r.normalised = true;
  }
  for (std::size_t i = 0; i < 17; ++i) {
    if (!is_digit(r.digits[i])) {
      r.problem = IdProblem::charset;
      return r;
    }
  }
  if (!is_digit(r.digits[17]) && r.digits[17] != 'X') {
    r.problem = IdProblem::charset;
    return r;
  }
  r.sex = (r.digits[16] - '0') % 2 == 1 ? 'M' : 'F';
  const auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (r.digits[i] - '0');
    return v;
  };
  const Date birth{num(6, 4), num(10, 2), num(12, 2)};
  if (birth.year < 1900 || !is_valid_date(birth.year, birth.month, birth.day)) {
    r.problem = IdProblem::bad_date;
    return r;
  }
  r.birth = birth;
  if (birth > as_of) {
    r.problem = IdProblem::future_date;
    return r;
  }
  r.expected_check = id_check_character(std::string_view(r.digits.data(), 17));
  if (r.expected_check != r.digits[17]) {
    // Excel keeps 15 significant digits: the last three become 000.
    r.problem = std::string_view(r.digits.data() + 15, 3) == "000" ? IdProblem::excel15 : IdProblem::checksum;
    return r;
  }
  r.problem = IdProblem::none;
  return r;
}

}  // namespace matchday
