// Fuzzes the ID-number validator (GB 11643-1999 as spreadsheets damage it).
//
// Invariants besides "no crash":
// - an accepted number has 18 characters, 17 digits and the check character
//   id_check_character() gives, a real birth date not after the reference
//   date, the sex of its 17th digit, and a person key;
// - a `checksum` problem names the character the 17 digits would give, which
//   is not the one written;
// - number() holds characters of the cell (never NUL filler); a normalised
//   number of digits checks the same way as the cell it came from, and needs
//   no more normalising;
// - with a later reference date a number is never less acceptable.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "matchday/idcard.hpp"

using namespace matchday;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view cell = fuzz::as_text(data, size);
  const Date as_of{2025, 7, 30};
  const IdCheck id = check_id_number(cell, as_of);
  FUZZ_CHECK(id.number().empty() || id.number().size() == 18);
  if (id.ok()) {
    const std::string_view n = id.number();
    FUZZ_CHECK(n.size() == 18);
    for (std::size_t i = 0; i < 17; ++i) FUZZ_CHECK(n[i] >= '0' && n[i] <= '9');
    FUZZ_CHECK(id_check_character(n.substr(0, 17)) == n[17]);
    FUZZ_CHECK(is_valid_date(id.birth.year, id.birth.month, id.birth.day));
    FUZZ_CHECK(id.birth <= as_of);
    FUZZ_CHECK(id.sex == ((n[16] - '0') % 2 == 1 ? 'M' : 'F'));
    FUZZ_CHECK(id.person_key() != 0);
  }
  if (id.problem == IdProblem::checksum) {
    const std::string_view n = id.number();
    FUZZ_CHECK(n.size() == 18);
    FUZZ_CHECK(id.expected_check == id_check_character(n.substr(0, 17)));
    FUZZ_CHECK(id.expected_check != n[17]);
  }
  // number() holds characters of the cell, never filler.
  if (cell.find('\0') == std::string_view::npos) FUZZ_CHECK(id.number().find('\0') == std::string_view::npos);
  // A number of digits (the check character aside) checks the same again.
  if (!id.number().empty() && id.problem != IdProblem::charset && id.problem != IdProblem::sci_notation) {
    const std::string normalised(id.number());
    const IdCheck again = check_id_number(normalised, as_of);
    FUZZ_CHECK(again.problem == id.problem);
    FUZZ_CHECK(!again.normalised);
    FUZZ_CHECK(again.number() == id.number());
    FUZZ_CHECK(again.person_key() == id.person_key());
  }
  const IdCheck later = check_id_number(cell, Date{9999, 12, 31});
  if (id.ok()) FUZZ_CHECK(later.ok());
  if (id.problem == IdProblem::future_date) FUZZ_CHECK(later.problem != IdProblem::future_date);
  return 0;
}
