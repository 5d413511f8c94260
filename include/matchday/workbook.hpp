// Workbooks (.xlsx, .xlsm): their sheets as the CSV text the table readers take.
//
// open_workbook() reads the ZIP container (central directory read here, every
// offset and size checked; parts inflated by zlib, at most k_max_part_bytes
// each) and the workbook's parts (rapidxml): the sheets' names and
// visibility, the shared strings, the cell styles' number formats, the date
// system. sheet_text() turns one sheet into CSV text whose physical line N is
// the sheet's row N, so that every position a reader reports (a diagnostic's
// line, the "Line" of a roster row) is the row a user sees in Excel; blank
// lines stand for empty rows, and a line break inside a cell reads as a space.
//
// A cell is written as Excel shows it with the General format: text as it
// is, a number as General displays it (an 18-digit ID stored as a number
// becomes `6.30102E+17`, which the ID check refuses: never trusted), a date
// or time by its style's number format (built-in ids 14-22, 27-36, 45-47,
// 50-58, custom formats with y/m/d/h/s) as `2025-07-30`, `2025-07-30 15:00`
// or `15:00`, booleans as TRUE/FALSE, a formula by its cached value. A merged
// range's value fills every cell of the range (a two-row header, a team cell
// over many rows).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "matchday/diagnostic.hpp"

namespace matchday {

// The largest part (inflated) a workbook may have: a larger one is refused,
// not inflated (a ZIP bomb would otherwise take all the memory).
inline constexpr std::size_t k_max_part_bytes = std::size_t{768} << 20;

struct WorkbookSheet {
  std::string name;
  bool visible = true;
  std::string part;  // the worksheet's part name in the ZIP container (internal)
};

// An opened workbook: the container's directory, the shared strings and
// styles. Views into the bytes given to open_workbook(), which must outlive it.
struct Workbook {
  std::vector<WorkbookSheet> sheets;
  bool date1904 = false;

  // Internal to workbook.cpp.
  struct Entry {
    std::string name;
    std::size_t data = 0;        // offset of the compressed data
    std::size_t packed = 0;      // compressed size
    std::size_t size = 0;        // inflated size, as the directory says
    std::uint16_t method = 0;
  };
  std::string_view bytes_;
  std::vector<Entry> entries_;
  std::vector<std::string> shared_;       // shared strings, in order
  std::vector<std::uint8_t> date_style_;  // per cell style: 0 number, 1 date, 2 time, 3 date and time
};

// Opens `bytes` as a workbook. On failure returns false with one error in
// `diags` (source `source`): not a workbook, corrupt, encrypted, no sheets.
[[nodiscard]] bool open_workbook(std::string_view bytes, std::string_view source, Workbook& out,
                                 std::vector<Diagnostic>& diags);

// True when `bytes` start like a ZIP file (PK\3\4) or an OLE2 compound file
// (an .xls, or an encrypted .xlsx).
[[nodiscard]] bool looks_like_zip(std::string_view bytes);
[[nodiscard]] bool looks_like_ole2(std::string_view bytes);

// Sheet `index` of `wb` as CSV text (comma-separated; see the top of this
// file). On failure returns false with an error in `diags` (source `source`).
[[nodiscard]] bool sheet_text(const Workbook& wb, std::size_t index, std::string_view source, std::string& out,
                              std::vector<Diagnostic>& diags);

// Builds the CSV text of a sheet from cells given in any order (the .xls
// reader uses it too): line N is row N (1-based), column 0 is A.
class SheetTextWriter {
 public:
  void cell(std::uint32_t row, std::uint32_t col, std::string_view text);
  // The text; the writer is empty afterwards.
  [[nodiscard]] std::string finish();
  [[nodiscard]] bool empty() const { return !m_any && m_late.empty(); }

 private:
  void write(std::uint32_t row, std::uint32_t col, std::string_view text);
  struct Late {
    std::uint32_t row, col;
    std::string text;
  };
  std::string m_out;          // the text so far, cells in order
  std::uint32_t m_row = 1;    // the line m_out ends on
  std::uint32_t m_col = 0;    // the last column written on it
  bool m_any = false;
  std::vector<Late> m_late;   // cells that came out of order
};

// Excel's General format for a number ("2", "0.5", "6.30102E+17").
[[nodiscard]] std::string general_number(double value);
// A date serial as text: "2025-07-30", "2025-07-30 15:00", "15:00"
// (kind: 1 date, 2 time, 3 date and time). Empty when out of Excel's range.
[[nodiscard]] std::string serial_date_text(double serial, int kind, bool date1904);
// Column letters: 0 → "A", 26 → "AA".
[[nodiscard]] std::string column_letters(std::uint32_t col);
// Whether a number format code shows a date (1), a time (2), both (3) or
// neither (0).
[[nodiscard]] int number_format_kind(std::string_view code);

// Rewrites the positions of diags[from...] whose source is `source` and whose
// line is set into cells: source becomes "source:B7" (the cell in row `line`
// under the diagnostic's column header, found in the rows above it, or
// holding its value) or "source:7" (the row), and line 0. `text` is the
// sheet's CSV text (sheet_text).
void place_in_sheet(std::string_view text, std::string_view source, std::vector<Diagnostic>& diags,
                    std::size_t from);

}  // namespace matchday
