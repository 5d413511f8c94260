// Fuzzes the workbook reader: open_workbook (the ZIP directory, zlib, the
// workbook's parts through rapidxml), sheet_text, place_in_sheet.
//
// The first byte chooses what the rest is: 0 a whole file (ZIP container and
// all); 1 a worksheet part and 2 a shared-strings part, each put into a small
// stored ZIP with the other parts a workbook needs, so that mutations reach
// the XML and the cells instead of dying in the container's checks.
//
// Invariants besides "no crash, no leak, no runaway memory":
// - a failure leaves exactly one error diagnostic, with the source given;
// - a sheet's text has no CR and ends with a line break; line N is row N, so
//   it has at most 1,048,576 lines;
// - place_in_sheet turns every diagnostic with a line into one without.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "matchday/workbook.hpp"

using namespace matchday;

namespace {

void put16(std::string& s, unsigned v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string out;
  std::string dir;
  for (const auto& [name, data] : parts) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    put32(out, 0x04034b50);
    put16(out, 20), put16(out, 0), put16(out, 0), put32(out, 0), put32(out, 0);
    put32(out, static_cast<std::uint32_t>(data.size()));
    put32(out, static_cast<std::uint32_t>(data.size()));
    put16(out, static_cast<unsigned>(name.size())), put16(out, 0);
    out += name + data;
    put32(dir, 0x02014b50);
    put16(dir, 20), put16(dir, 20), put16(dir, 0), put16(dir, 0), put32(dir, 0), put32(dir, 0);
    put32(dir, static_cast<std::uint32_t>(data.size()));
    put32(dir, static_cast<std::uint32_t>(data.size()));
    put16(dir, static_cast<unsigned>(name.size()));
    put16(dir, 0), put16(dir, 0), put16(dir, 0), put16(dir, 0), put32(dir, 0);
    put32(dir, offset);
    dir += name;
  }
  const auto at = static_cast<std::uint32_t>(out.size());
  out += dir;
  put32(out, 0x06054b50);
  put16(out, 0), put16(out, 0);
  put16(out, static_cast<unsigned>(parts.size())), put16(out, static_cast<unsigned>(parts.size()));
  put32(out, static_cast<std::uint32_t>(dir.size()));
  put32(out, at);
  put16(out, 0);
  return out;
}

std::string with_parts(std::string_view sheet, std::string_view strings) {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  return stored_zip({
      {"xl/workbook.xml",
       R"(<workbook xmlns:r="r"><workbookPr date1904="0"/><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel + "worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
           "<Relationship Id=\"rId2\" Type=\"" + rel + "styles\" Target=\"styles.xml\"/></Relationships>"},
      {"xl/styles.xml",
       R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>)"
       R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="22"/></cellXfs></styleSheet>)"},
      {"xl/sharedStrings.xml", std::string(strings)},
      {"xl/worksheets/sheet1.xml", std::string(sheet)},
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest = fuzz::as_text(data + 1, size - 1);
  std::string bytes;
  switch (data[0] % 3) {
    case 0: bytes = std::string(rest); break;
    case 1:
      bytes = with_parts(rest, "<sst><si><t>姓名</t></si><si><r><t>身份</t></r><r><t>证号</t></r></si></sst>");
      break;
    default:
      bytes = with_parts(R"(<worksheet><sheetData><row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>)"
                         R"(<row r="3"><c r="B3" t="s"><v>2</v></c></row></sheetData></worksheet>)",
                         rest);
      break;
  }
  Workbook wb;
  std::vector<Diagnostic> diags;
  if (!open_workbook(bytes, "f.xlsx", wb, diags)) {
    FUZZ_CHECK(diags.size() == 1);
    FUZZ_CHECK(diags[0].source == "f.xlsx" && diags[0].severity == Severity::error);
    return 0;
  }
  FUZZ_CHECK(diags.empty());
  FUZZ_CHECK(!wb.sheets.empty());
  for (std::size_t k = 0; k < wb.sheets.size(); ++k) {
    std::string text;
    std::vector<Diagnostic> sd;
    if (!sheet_text(wb, k, "f.xlsx", text, sd)) {
      FUZZ_CHECK(sd.size() == 1);
      continue;
    }
    FUZZ_CHECK(sd.empty());
    FUZZ_CHECK(text.find('\r') == std::string::npos);
    FUZZ_CHECK(text.empty() || text.back() == '\n');
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n' ? 1 : 0;
    FUZZ_CHECK(lines <= 1048576);
    std::vector<Diagnostic> placed{{Severity::error, "f.xlsx[S]", lines ? lines : 1, "姓名", "x", "c", {}},
                                   {Severity::error, "f.xlsx[S]", 1, "", "", "c", {}}};
    place_in_sheet(text, "f.xlsx[S]", placed, 0);
    for (const Diagnostic& d : placed) FUZZ_CHECK(d.line == 0 && d.source.starts_with("f.xlsx[S]:"));
  }
  return 0;
}
