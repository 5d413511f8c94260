#include <doctest/doctest.h>

#include <map>

#include "matchday/csv.hpp"
#include "matchday/idcard.hpp"
#include "test_util.hpp"

using namespace matchday;

TEST_SUITE_BEGIN("idcard");

// Every row of tests/data/eligibility/idcard-vectors.csv: its expected class,
// and for valid numbers the birth date and sex the detail column states.
TEST_CASE("check_id_number: the vector table, row by row") {
  const std::string text = test::read_source_file("tests/data/eligibility/idcard-vectors.csv");
  const std::map<std::string, IdProblem> k_class{
      {"VALID", IdProblem::none},          {"WARN_FULLWIDTH", IdProblem::none},
      {"WARN_TRIMMED", IdProblem::none},   {"ERR_CHECK", IdProblem::checksum},
      {"ERR_DATE", IdProblem::bad_date},   {"ERR_FUTURE", IdProblem::future_date},
      {"ERR_LENGTH", IdProblem::length},   {"ERR_SCI_NOTATION", IdProblem::sci_notation},
      {"ERR_CHECK_EXCEL15", IdProblem::excel15}, {"ERR_CHARSET", IdProblem::charset},
      {"ERR_LEGACY_15", IdProblem::legacy15},
  };
  CsvReader reader(text);
  CsvRecord rec;
  REQUIRE(reader.next(rec));  // header: case,value,length,expect,group,detail,note
  int rows = 0;
  while (reader.next(rec)) {
    if (rec.blank()) continue;
    ++rows;
    const std::string id_case(rec.fields.at(0));
    const std::string value(rec.fields.at(1));
    const std::string expect(rec.fields.at(3));
    const std::string detail(rec.fields.at(5));
    CAPTURE(id_case);
    CAPTURE(value);
    REQUIRE(k_class.count(expect) == 1);
    const IdCheck c = check_id_number(value, Date{2025, 7, 30});
    CHECK(id_problem_name(c.problem) == id_problem_name(k_class.at(expect)));
    CHECK(c.normalised == (expect.starts_with("WARN_") || id_case == "I8"));
    if (c.ok()) {
      CHECK(c.number().size() == 18);
      CHECK(c.person_key() != 0);
    }
    // "born 2008-01-01 sex M addr 630102"
    if (detail.starts_with("born ") && detail.find(" sex ") != std::string::npos) {
      CHECK(c.birth.iso() == detail.substr(5, 10));
      CHECK(c.sex == detail[detail.find(" sex ") + 5]);
    }
  }
  CHECK(rows == 25);
}

TEST_CASE("check_id_number: normalised forms read as the same number") {
  const Date as_of{2025, 7, 30};
  const IdCheck plain = check_id_number("630102200801010017", as_of);
  for (std::string_view form : {"６３０１０２２００８０１０１００１７", " 630102200801010017 ", "'630102200801010017",
                                "630102 20080101 0017", "\xE3\x80\x80" "630102200801010017"}) {
    CAPTURE(form);
    const IdCheck c = check_id_number(form, as_of);
    CHECK(c.ok());
    CHECK(c.normalised);
    CHECK(c.number() == plain.number());
    CHECK(c.person_key() == plain.person_key());
  }
  CHECK(check_id_number("63252120090615006x", as_of).number() == "63252120090615006X");
}

TEST_CASE("check_id_number: the damaged forms") {
  const Date as_of{2025, 7, 30};
  CHECK(check_id_number("", as_of).problem == IdProblem::empty);
  CHECK(check_id_number("6.30102E+17", as_of).problem == IdProblem::sci_notation);
  CHECK(check_id_number("6.30102e17", as_of).problem == IdProblem::sci_notation);
  CHECK(check_id_number("6E+17", as_of).problem == IdProblem::sci_notation);
  // 15 significant digits kept by Excel: the check fails and the number ends 000.
  const IdCheck cut = check_id_number("630102200801010000", as_of);
  CHECK(cut.problem == IdProblem::excel15);
  CHECK(cut.person_key() == 0);  // twins would share it: never a duplicate key
  const IdCheck legacy = check_id_number("630102850615123", as_of);
  CHECK(legacy.problem == IdProblem::legacy15);
  CHECK(legacy.suggestion() == "630102198506151239");
  // A real number ending 000 (check character 0) is valid, not excel15.
  std::string body = "63010220080101800";
  const std::string v = body + id_check_character(body);
  CHECK(check_id_number(v, as_of).ok());
  const IdCheck wrong = check_id_number("630102200801010010", as_of);
  CHECK(wrong.problem == IdProblem::checksum);
  CHECK(wrong.expected_check == '7');
  CHECK(wrong.person_key() != 0);
  // The birth date is checked before the check character.
  CHECK(check_id_number("630102200902301234", as_of).problem == IdProblem::bad_date);
  // The reference date decides "future".
  CHECK(check_id_number("630102203001011031", Date{2030, 1, 1}).ok());
}

TEST_CASE("fuzz finding: an 18-character number in scientific notation shows as written") {
  // fuzz_idcard, input "63016.30102E+17010": sci_notation with length 18 left
  // number() as 18 NUL characters, so the cell could not be shown or checked again.
  const IdCheck id = check_id_number("63016.30102E+17010", Date{2025, 7, 30});
  CHECK(id.problem == IdProblem::sci_notation);
  CHECK(id.number() == "63016.30102E+17010");
  CHECK(id.person_key() == 0);
  CHECK(check_id_number(id.number(), Date{2025, 7, 30}).problem == IdProblem::sci_notation);
}

TEST_CASE("id_check_character: ISO 7064 MOD 11-2") {
  CHECK(id_check_character("63010220080101001") == '7');
  CHECK(id_check_character("63252120090615006") == 'X');
  CHECK(id_check_character("11010519491231002") == 'X');  // the standard's own example
}

TEST_SUITE_END();
