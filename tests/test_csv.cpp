#include <doctest/doctest.h>

#include <array>

#include "matchday/csv.hpp"

using namespace matchday;
using Fields = std::vector<std::string>;

namespace {

std::vector<std::pair<std::size_t, Fields>> read_all(std::string_view text, char delim = ',') {
  CsvReader r(text, delim);
  CsvRecord rec;
  std::vector<std::pair<std::size_t, Fields>> out;
  while (r.next(rec)) out.emplace_back(rec.line, Fields(rec.fields.begin(), rec.fields.end()));
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("csv");

TEST_CASE("CsvReader: RFC 4180") {
  struct Case {
    std::string_view text;
    std::vector<std::pair<std::size_t, Fields>> expect;
  };
  const Case cases[] = {
      {"a,b\n1,2\n", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"a,b\r\n1,2", {{1, {"a", "b"}}, {2, {"1", "2"}}}},  // CRLF, no final newline
      {"a,\n,\n", {{1, {"a", ""}}, {2, {"", ""}}}},
      {"\"x,y\",z\n", {{1, {"x,y", "z"}}}},
      {"\"say \"\"hi\"\"\",2\n", {{1, {"say \"hi\"", "2"}}}},
      {"\"two\nlines\",b\nnext,row\n", {{1, {"two\nlines", "b"}}, {3, {"next", "row"}}}},
      {"\"a\"\"\nb\",c\n", {{1, {"a\"\nb", "c"}}}},
      {"a,b,", {{1, {"a", "b", ""}}}},
      {"\"\"\n", {{1, {""}}}},
      {"\"q\"tail,b\n", {{1, {"qtail", "b"}}}},  // text after a closing quote is kept
      {"\r\n\r\nx\n", {{1, {""}}, {2, {""}}, {3, {"x"}}}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(read_all(c.text) == c.expect);
  }
}

TEST_CASE("CsvReader: an unclosed quote runs to the end and is flagged") {
  CsvReader r("a,\"open\nmore\n", ',');
  CsvRecord rec;
  REQUIRE(r.next(rec));
  CHECK(rec.unterminated_quote);
  CHECK(rec.fields.size() == 2);
  CHECK_FALSE(r.next(rec));
}

TEST_CASE("CsvReader::next_nonblank skips blank lines and rows of bare commas") {
  CsvReader r("\n,,\r\n a , b\n,\nx,y", ',');
  CsvRecord rec;
  REQUIRE(r.next_nonblank(rec));
  CHECK(rec.line == 3);
  REQUIRE(r.next_nonblank(rec));
  CHECK(rec.line == 5);
  CHECK_FALSE(r.next_nonblank(rec));
}

TEST_CASE("CsvReader: tab and semicolon files read the same way") {
  CHECK(read_all("a\tb\n\"x\ty\"\tz\n", '\t') == read_all("a,b\n\"x\ty\",z\n"));
  CHECK(read_all("a;b\n1;\"2;3\"\n", ';') == read_all("a,b\n1,\"2;3\"\n"));
  CHECK(sniff_delimiter("x.tsv", "a,b") == '\t');
  CHECK(sniff_delimiter("x.txt", "a\tb\n") == '\t');
  CHECK(sniff_delimiter("x.csv", "a;b\n") == ';');
  CHECK(sniff_delimiter("x.csv", "a,b;c\n") == ',');
}

TEST_CASE("match_header: aliases, case, spaces, full-width forms") {
  constexpr std::array<ColumnSpec, 3> specs{{
      {"home", "主队", true},
      {"home_goals", "主队进球", true},
      {"group", "小组"},
  }};
  CsvReader r(" Home ,主队进球,other,ＨＯＭＥ\n", ',');
  CsvRecord rec;
  REQUIRE(r.next(rec));
  const HeaderMatch m = match_header(rec, specs);
  CHECK(m.index == std::vector<int>{0, 1, -1});
  CHECK(m.missing.empty());
  CHECK(m.duplicated == std::vector<std::string>{"ＨＯＭＥ"});
  CsvReader r2("小组\n", ',');
  REQUIRE(r2.next(rec));
  const HeaderMatch m2 = match_header(rec, specs);
  CHECK(m2.missing == std::vector<std::string_view>{"home", "home_goals"});
}

TEST_SUITE_END();
