// Workbooks read as CSV text (matchday/workbook.hpp): files made by
// libxlsxwriter, and by hand (a few lines of ZIP below) for what Excel does
// not write but WPS or damaged files do.
#include <doctest/doctest.h>

#include <xlsxwriter.h>
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <functional>
#include <sstream>

#include "matchday/workbook.hpp"
#include "test_util.hpp"

using namespace matchday;

TEST_SUITE_BEGIN("workbook");

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A workbook made by libxlsxwriter: `fill` writes its sheets.
std::string made_by_xlsxwriter(const std::function<void(lxw_workbook*)>& fill, bool constant_memory = false) {
  test::TempDir dir;
  const std::string path = dir.path + "/book.xlsx";
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? 1 : 0;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  REQUIRE(wb != nullptr);
  fill(wb);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  return slurp(path);
}

// A ZIP file of stored (or deflated) parts, as a writer might make it.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts, bool packs = false) {
  std::string out;
  std::string directory;
  const auto put16 = [](std::string& s, unsigned v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
  };
  const auto put32 = [&](std::string& s, std::uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
  };
  for (const auto& [name, data] : parts) {
    std::string packed = data;
    if (packs) {
      z_stream z{};
      deflateInit2(&z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
      packed.resize(deflateBound(&z, data.size()) + 16);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
      z.avail_in = static_cast<uInt>(data.size());
      z.next_out = reinterpret_cast<Bytef*>(packed.data());
      z.avail_out = static_cast<uInt>(packed.size());
      deflate(&z, Z_FINISH);
      packed.resize(z.total_out);
      deflateEnd(&z);
    }
    const auto crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()),
                                                      static_cast<uInt>(data.size())));
    const auto offset = static_cast<std::uint32_t>(out.size());
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, 0);
    put16(out, packs ? 8 : 0);
    put32(out, 0);
    put32(out, crc);
    put32(out, static_cast<std::uint32_t>(packed.size()));
    put32(out, static_cast<std::uint32_t>(data.size()));
    put16(out, static_cast<unsigned>(name.size()));
    put16(out, 0);
    out += name;
    out += packed;
    put32(directory, 0x02014b50);
    put16(directory, 20);
    put16(directory, 20);
    put16(directory, 0);
    put16(directory, packs ? 8 : 0);
    put32(directory, 0);
    put32(directory, crc);
    put32(directory, static_cast<std::uint32_t>(packed.size()));
    put32(directory, static_cast<std::uint32_t>(data.size()));
    put16(directory, static_cast<unsigned>(name.size()));
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, 0);
    put32(directory, offset);
    directory += name;
  }
  const auto at = static_cast<std::uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<unsigned>(parts.size()));
  put16(out, static_cast<unsigned>(parts.size()));
  put32(out, static_cast<std::uint32_t>(directory.size()));
  put32(out, at);
  put16(out, 0);
  return out;
}

constexpr std::string_view k_ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                                  R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

// A hand-made workbook of one sheet (`sheet_xml` inside <worksheet>), the
// way WPS writes them: absolute targets, no styles unless given.
std::string hand_made(std::string_view sheet_xml, std::string_view styles = {}, std::string_view workbook_pr = {},
                      std::string_view strings = {}) {
  std::vector<std::pair<std::string, std::string>> parts;
  parts.emplace_back("_rels/.rels",
                     R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                     R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>)");
  std::string rels =
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>)";
  if (!styles.empty()) {
    rels += R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)";
    parts.emplace_back("xl/styles.xml", "<styleSheet " + std::string(k_ns) + ">" + std::string(styles) + "</styleSheet>");
  }
  if (!strings.empty()) {
    rels += R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="./sharedStrings.xml"/>)";
    parts.emplace_back("xl/sharedStrings.xml", "<sst " + std::string(k_ns) + ">" + std::string(strings) + "</sst>");
  }
  rels += "</Relationships>";
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels);
  parts.emplace_back("xl/workbook.xml", "<workbook " + std::string(k_ns) + ">" + std::string(workbook_pr) +
                                            R"(<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>)");
  parts.emplace_back("xl/worksheets/sheet1.xml", sheet_xml.starts_with("<x:worksheet")
                                                     ? std::string(sheet_xml)
                                                     : "<worksheet " + std::string(k_ns) + ">" + std::string(sheet_xml) +
                                                           "</worksheet>");
  return zip_of(parts, true);
}

struct Read {
  Workbook wb;
  std::vector<std::string> texts;
  std::vector<Diagnostic> diags;
};

Read read(const std::string& bytes) {
  Read r;
  if (!open_workbook(bytes, "book.xlsx", r.wb, r.diags)) return r;
  for (std::size_t k = 0; k < r.wb.sheets.size(); ++k) {
    std::string text;
    if (sheet_text(r.wb, k, "book.xlsx", text, r.diags)) r.texts.push_back(text);
  }
  return r;
}

std::string error_code(const std::string& bytes) {
  const Read r = read(bytes);
  return r.diags.empty() ? std::string() : std::string(r.diags[0].code);
}

}  // namespace

TEST_CASE("a workbook's cells as CSV text: strings, numbers, booleans, formulas, dates by their style") {
  const std::string bytes = made_by_xlsxwriter([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "A组");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
    lxw_format* builtin = workbook_add_format(wb);
    format_set_num_format_index(builtin, 14);
    lxw_format* chinese = workbook_add_format(wb);
    format_set_num_format_index(chinese, 31);  // yyyy"年"m"月"d"日" in a Chinese Excel
    lxw_format* stamp = workbook_add_format(wb);
    format_set_num_format(stamp, "yyyy-mm-dd hh:mm");
    lxw_format* clock = workbook_add_format(wb);
    format_set_num_format(clock, "h:mm");
    worksheet_write_string(ws, 0, 0, "主队", nullptr);
    worksheet_write_string(ws, 0, 1, "a, \"quoted\"", nullptr);
    worksheet_write_number(ws, 0, 2, 2, nullptr);
    worksheet_write_number(ws, 0, 3, 0.5, nullptr);
    worksheet_write_number(ws, 0, 4, 630102200901011234.0, nullptr);  // an ID stored as a number
    worksheet_write_boolean(ws, 0, 5, 1, nullptr);
    worksheet_write_formula_num(ws, 0, 6, "=1+2", nullptr, 3);
    lxw_datetime d{2009, 3, 5, 0, 0, 0};
    worksheet_write_datetime(ws, 1, 0, &d, date);
    worksheet_write_datetime(ws, 1, 1, &d, builtin);
    worksheet_write_datetime(ws, 1, 2, &d, chinese);
    lxw_datetime t{2025, 7, 30, 15, 0, 0};
    worksheet_write_datetime(ws, 1, 3, &t, stamp);
    lxw_datetime hm{0, 0, 0, 9, 30, 0};
    worksheet_write_datetime(ws, 1, 4, &hm, clock);
    worksheet_write_string(ws, 3, 1, "第二\n行", nullptr);  // row 4; row 3 empty
  });
  const Read r = read(bytes);
  REQUIRE(r.diags.empty());
  REQUIRE(r.wb.sheets.size() == 1);
  CHECK(r.wb.sheets[0].name == "A组");
  REQUIRE(r.texts.size() == 1);
  CHECK(r.texts[0] ==
        "主队,\"a, \"\"quoted\"\"\",2,0.5,6.30102E+17,TRUE,3\n"
        "2009-03-05,2009-03-05,2009-03-05,2025-07-30 15:00,09:30\n"
        "\n"
        ",第二 行\n");
}

TEST_CASE("constant-memory workbooks (inline strings), hidden sheets, merged cells") {
  const std::string bytes = made_by_xlsxwriter(
      [](lxw_workbook* wb) {
        lxw_worksheet* a = workbook_add_worksheet(wb, "说明");
        worksheet_write_string(a, 0, 0, "填表说明", nullptr);
        lxw_worksheet* b = workbook_add_worksheet(wb, "海北州");
        worksheet_write_string(b, 0, 0, "户籍", nullptr);
        worksheet_write_string(b, 1, 0, "所在地", nullptr);
        worksheet_write_string(b, 1, 1, "类型", nullptr);
        worksheet_write_string(b, 2, 0, "青海", nullptr);
        worksheet_activate(b);
        worksheet_hide(a);
      },
      true);
  const Read r = read(bytes);
  REQUIRE(r.diags.empty());
  REQUIRE(r.wb.sheets.size() == 2);
  CHECK_FALSE(r.wb.sheets[0].visible);
  CHECK(r.wb.sheets[1].visible);
  CHECK(r.texts[1] == "户籍\n所在地,类型\n青海\n");

  const std::string merged = made_by_xlsxwriter([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_merge_range(ws, 0, 0, 0, 1, "户籍", nullptr);  // a group header over two columns
    worksheet_write_string(ws, 1, 0, "所在地", nullptr);
    worksheet_write_string(ws, 1, 1, "类型", nullptr);
    worksheet_merge_range(ws, 2, 2, 4, 2, "海北州", nullptr);  // a team cell over three rows
  });
  const Read m = read(merged);
  REQUIRE(m.texts.size() == 1);
  CHECK(m.texts[0] == "户籍,户籍\n所在地,类型\n,,海北州\n,,海北州\n,,海北州\n");
}

TEST_CASE("WPS's workbooks: absolute part names, no <dimension>, no styles, prefixes, cells without references") {
  const std::string sheet =
      R"(<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>姓名</t></is></c><c t="s"><v>0</v></c></row>)"
      R"(<row><c><v>42</v></c><c r="C3" t="str"><f>A3&amp;"x"</f><v>42x</v></c><c r="D3" t="e"><v>#N/A</v></c></row></sheetData>)";
  const Read r = read(hand_made(sheet, {}, {}, R"(<si><r><t>身份</t></r><r><rPr/><t>证号</t></r><rPh><t>shen</t></rPh></si>)"));
  REQUIRE(r.diags.empty());
  REQUIRE(r.texts.size() == 1);
  CHECK(r.texts[0] == "\n姓名,身份证号\n42,,42x,#N/A\n");

  // x: prefixes (as .NET writers make them) and a style with a date format.
  const std::string prefixed =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:Z9"/><x:sheetData>)"
      R"(<x:row r="1"><x:c r="A1" s="1"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>)";
  const std::string styles = R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>)";
  const Read p = read(hand_made(prefixed, styles, R"(<workbookPr date1904="1"/>)"));
  REQUIRE(p.diags.empty());
  REQUIRE(p.texts.size() == 1);
  CHECK(p.texts[0] == "1904-01-01\n");
}

TEST_CASE("a merged range over rows that have no <row> of their own still fills them") {
  const std::string sheet =
      R"(<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>队</t></is></c><c r="B1" t="inlineStr"><is><t>名</t></is></c></row>)"
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>海北州</t></is></c><c r="B2" t="inlineStr"><is><t>甲</t></is></c></row>)"
      R"(<row r="5"><c r="B5" t="inlineStr"><is><t>乙</t></is></c></row></sheetData>)"
      R"(<mergeCells count="2"><mergeCell ref="A2:A5"/><mergeCell ref="C7:D8"/></mergeCells>)";
  const Read r = read(hand_made(sheet));
  REQUIRE(r.texts.size() == 1);
  CHECK(r.texts[0] == "队,名\n海北州,甲\n海北州\n海北州\n海北州,乙\n");
}

TEST_CASE("damaged, encrypted, empty and hostile workbooks are errors, not crashes") {
  const std::string good = made_by_xlsxwriter([](lxw_workbook* wb) {
    worksheet_write_string(workbook_add_worksheet(wb, nullptr), 0, 0, "x", nullptr);
  });
  CHECK(error_code("") == "workbook.empty");
  CHECK(error_code("name,team\n") == "workbook.not_zip");
  CHECK(error_code(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0')) == "workbook.encrypted");
  CHECK(error_code(good.substr(0, good.size() / 2)) == "workbook.corrupt");
  // Every truncation and every flipped byte: an error or a text, never a crash.
  for (std::size_t n = 0; n < good.size(); n += 97) {
    (void)read(good.substr(0, n));
    std::string flipped = good;
    flipped[n] = static_cast<char>(flipped[n] ^ 0x5A);
    (void)read(flipped);
  }
  // A part that says it is larger than any table: refused before inflating.
  std::string big = zip_of({{"xl/workbook.xml", "<workbook/>"}});
  const std::size_t dir = big.find("PK\x01\x02");
  big[dir + 24] = '\xFF', big[dir + 25] = '\xFF', big[dir + 26] = '\xFF', big[dir + 27] = '\x7F';
  CHECK(error_code(big) == "workbook.too_large");
  // No sheets; malformed XML.
  CHECK(error_code(zip_of({{"xl/workbook.xml", "<workbook><sheets/></workbook>"}})) == "workbook.no_sheets");
  CHECK(error_code(hand_made("<sheetData><row><c><v>1</v></row></sheetData>")) == "workbook.corrupt");
  // Elements nested a million deep (rapidxml recurses): refused, no stack overflow.
  std::string deep = "<sheetData><row>";
  for (int i = 0; i < 200000; ++i) deep += "<a>";
  CHECK(error_code(hand_made(deep + "</row></sheetData>")) == "workbook.corrupt");
}

TEST_CASE("Excel's General format, date serials, number formats, column letters") {
  CHECK(general_number(2) == "2");
  CHECK(general_number(-3) == "-3");
  CHECK(general_number(0.5) == "0.5");
  CHECK(general_number(1.0 / 3) == "0.333333333");
  CHECK(general_number(12345678901.0) == "12345678901");
  CHECK(general_number(123456789012.0) == "1.23457E+11");
  CHECK(general_number(630102200901011234.0) == "6.30102E+17");
  CHECK(general_number(630102200901011.0) == "6.30102E+14");  // a 15-digit ID too
  CHECK(general_number(0.00001) == "1E-05");
  CHECK(serial_date_text(45868, 1, false) == "2025-07-30");
  CHECK(serial_date_text(1, 1, false) == "1900-01-01");
  CHECK(serial_date_text(61, 1, false) == "1900-03-01");
  CHECK(serial_date_text(0, 1, true) == "1904-01-01");
  CHECK(serial_date_text(45868.625, 3, false) == "2025-07-30 15:00");
  CHECK(serial_date_text(0.5, 2, false) == "12:00");
  CHECK(serial_date_text(-1, 1, false).empty());
  CHECK(number_format_kind("yyyy-mm-dd") == 1);
  CHECK(number_format_kind("yyyy\"年\"m\"月\"d\"日\"") == 1);
  CHECK(number_format_kind("[$-F800]dddd, mmmm dd, yyyy") == 1);
  CHECK(number_format_kind("h:mm") == 2);
  CHECK(number_format_kind("yyyy/m/d h:mm") == 3);
  CHECK(number_format_kind("0.00E+00") == 0);
  CHECK(number_format_kind("General") == 0);
  CHECK(number_format_kind("#,##0\"元\"") == 0);
  CHECK(number_format_kind("[Red]0.00") == 0);
  CHECK(column_letters(0) == "A");
  CHECK(column_letters(25) == "Z");
  CHECK(column_letters(26) == "AA");
  CHECK(column_letters(16383) == "XFD");
}

TEST_CASE("place_in_sheet: a diagnostic's line and column become the cell") {
  const std::string text = "报名表\n\n姓名,身份证号\n张三,6.30102E+17\n李四,x\n";
  std::vector<Diagnostic> diags{
      {Severity::error, "b.xlsx[名单]", 4, "身份证号", "6.30102E+17", "x", {}},
      {Severity::error, "b.xlsx[名单]", 5, "", "x", "y", {}},
      {Severity::error, "b.xlsx[名单]", 5, "", "", "z", {}},
      {Severity::error, "b.xlsx[名单]", 0, "", "", "w", {}},
      {Severity::error, "other.csv", 4, "身份证号", "", "v", {}},
  };
  place_in_sheet(text, "b.xlsx[名单]", diags, 0);
  CHECK(diags[0].source == "b.xlsx[名单]:B4");
  CHECK(diags[0].line == 0);
  CHECK(diags[1].source == "b.xlsx[名单]:B5");
  CHECK(diags[2].source == "b.xlsx[名单]:5");
  CHECK(diags[3].source == "b.xlsx[名单]");
  CHECK(diags[4].source == "other.csv");
  CHECK(diags[4].line == 4);
}

TEST_CASE("SheetTextWriter: cells in any order, the last one at a place wins") {
  SheetTextWriter w;
  w.cell(3, 1, "b");
  w.cell(1, 0, "a");
  w.cell(3, 1, "c");
  CHECK(w.finish() == "a\n\n,c\n");
  CHECK(w.empty());
  CHECK(w.finish().empty());
}
