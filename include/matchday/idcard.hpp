// Resident identity numbers (GB 11643-1999) as they arrive from spreadsheets:
// normalised, checked, and classified so each kind of damage gets its own
// message (docs/spec.md §5). The first six digits say where the number was issued,
// not where the holder's household registration is now: nothing here decides
// residency.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "matchday/date.hpp"

namespace matchday {

// What is wrong with an ID number, most specific first. Each has its own
// message; the eligibility reason is id_checksum for `checksum` and
// id_malformed for every other problem.
enum class IdProblem : std::uint8_t {
  none,
  empty,         // the cell is empty
  sci_notation,  // Excel's General format: 6.30102E+17 (the digits are lost)
  excel15,       // cut to 15 significant digits by Excel: ends 000, check fails
  legacy15,      // a first-generation 15-digit number
  length,        // neither 18 nor 15 characters
  charset,       // a non-digit in the first 17, or a last character not 0-9/X
  bad_date,      // digits 7-14 are not a real date
  future_date,   // the birth date is after the reference date
  checksum,      // the ISO 7064 MOD 11-2 check character does not match
};

[[nodiscard]] std::string_view id_problem_name(IdProblem p);

struct IdCheck {
  IdProblem problem = IdProblem::empty;
  // Full-width digits, spaces, a leading apostrophe or a lower-case x were
  // normalised away (the number is accepted; the row is not wrong for it).
  bool normalised = false;
  std::uint8_t length = 0;        // characters after normalisation (capped at 255)
  // The normalised number, when it has 18 characters; for legacy15, the
  // 18-digit form (see suggestion()).
  std::array<char, 18> digits{};
  CompactDate birth{};            // digits 7-14, when they are a real date
  char sex = 0;                   // 'M' (odd 17th digit) or 'F', when it is a digit
  char expected_check = 0;        // for excel15/checksum: the character the 17 digits give

  [[nodiscard]] bool ok() const { return problem == IdProblem::none; }
  // legacy15: the 18-digit form (century 19 inserted, check computed); else
  // empty. Kept in `digits` (unused then), so a check stays small: a row of
  // a roster holds one (a million rows: issue 3).
  [[nodiscard]] std::string_view suggestion() const {
    return problem == IdProblem::legacy15 ? std::string_view(digits.data(), 18) : std::string_view();
  }
  // The 18 normalised characters; empty when the number does not have 18.
  [[nodiscard]] std::string_view number() const {
    return length == 18 ? std::string_view(digits.data(), 18) : std::string_view();
  }
  // A key for finding the same person twice: the 17 digits and the check
  // character, for numbers of 18 well-formed characters whose digits were not
  // lost (no excel15, sci_notation); 0 when there is no reliable key.
  [[nodiscard]] std::uint64_t person_key() const;
};

// The ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of 17 digits.
// REQUIRES: the 17 characters are ASCII digits.
[[nodiscard]] char id_check_character(std::string_view first17);

// Normalises and checks one ID cell. `as_of` is the reference date: a birth
// date after it is `future_date`.
[[nodiscard]] IdCheck check_id_number(std::string_view cell, Date as_of);

}  // namespace matchday
