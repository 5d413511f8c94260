#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "test_util.hpp"
#include "xlsx.hpp"

using namespace matchday::cli;

TEST_SUITE_BEGIN("xlsx");

namespace {

std::vector<Sheet> titled(std::vector<std::string> titles) {
  std::vector<Sheet> sheets;
  for (std::string& t : titles) {
    Sheet s;
    s.title = std::move(t);
    sheets.push_back(std::move(s));
  }
  return sheets;
}

}  // namespace

TEST_CASE("sheet names follow Excel's rules") {
  SUBCASE("forbidden characters become _, apostrophes at the ends go") {
    CHECK(xlsx_sheet_names(titled({"A/B: [1]*?\\", "'quoted'"})) ==
          std::vector<std::string>{"A_B_ _1____", "quoted"});
  }
  SUBCASE("at most 31 characters, counted as characters, not bytes") {
    const std::string long_ascii(40, 'x');
    // 20 Chinese characters are 60 bytes but 20 characters: kept whole.
    std::string chinese;
    for (int i = 0; i < 20; ++i) chinese += "海";
    std::string chinese40;
    for (int i = 0; i < 40; ++i) chinese40 += "海";
    const auto names = xlsx_sheet_names(titled({long_ascii, chinese, chinese40}));
    CHECK(names[0] == std::string(31, 'x'));
    CHECK(names[1] == chinese);
    CHECK(names[2] == chinese40.substr(0, 31 * 3));
  }
  SUBCASE("unique ignoring case; History is reserved; empty titles numbered") {
    CHECK(xlsx_sheet_names(titled({"Group A", "group a", "A/B", "A_B", "History", "", ""})) ==
          std::vector<std::string>{"Group A", "group a (2)", "A_B", "A_B (2)", "History (2)", "Sheet6", "Sheet7"});
  }
  SUBCASE("Sheet::name, when given, rather than the title") {
    auto sheets = titled({"西宁市 · 甲组男子 — rosters/西宁市.csv", "汇总（参照日期 2025-07-30）"});
    sheets[0].name = "西宁市";
    CHECK(xlsx_sheet_names(sheets) == std::vector<std::string>{"西宁市", "汇总（参照日期 2025-07-30）"});
  }
  SUBCASE("a suffix on a name of 31 characters keeps it at 31") {
    const auto names = xlsx_sheet_names(titled({std::string(35, 'y'), std::string(35, 'y')}));
    CHECK(names[1] == std::string(27, 'y') + " (2)");
    CHECK(names[1].size() == 31);
  }
}

TEST_CASE("column widths fit Chinese names by display width") {
  Sheet s;
  s.columns = {Column{.key = "team", .label = "球队"}, Column{.key = "note", .label = "note"}};
  s.rows = {{"海西蒙古族藏族自治州", std::string(100, 'n')}, {"西宁市", ""}};
  CHECK(xlsx_column_width(s, 0) == 22);  // 10 wide characters, 2 columns each, + 2
  CHECK(xlsx_column_width(s, 1) == 60);  // capped
}

TEST_CASE("write_xlsx writes a zip file, and reports a path it cannot write") {
  const matchday::test::TempDir temp;
  const std::string& dir = temp.path;
  Sheet s;
  s.title = "A组";
  s.columns = {Column{.key = "team", .label = "球队"}, Column{.key = "points", .label = "积分", .numeric = true}};
  s.rows = {{"西宁市", "6"}};
  std::string error;
  REQUIRE(write_xlsx({s}, dir + "/out.xlsx", error));
  std::ifstream in(dir + "/out.xlsx", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  CHECK(bytes.str().substr(0, 4) == std::string("PK\x03\x04", 4));
  std::remove((dir + "/out.xlsx").c_str());
  CHECK_FALSE(write_xlsx({s}, dir + "/no/such/dir/out.xlsx", error));
  CHECK_FALSE(error.empty());
}

TEST_SUITE_END();
