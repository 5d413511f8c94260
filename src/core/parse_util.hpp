// Internal: reading the cells of one CSV row against a matched header, with
// every problem reported as a Diagnostic that names line, column and value.
// Shared by the results and roster loaders.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matchday/csv.hpp"
#include "matchday/date.hpp"
#include "matchday/diagnostic.hpp"
#include "matchday/text.hpp"

namespace matchday {

// A non-negative whole number with no sign or decimals, at most `max`
// (full-width digits must be normalised first). Inline: loaders call it for
// most cells of most rows.
[[nodiscard]] inline std::optional<int> parse_count(std::string_view s, int max) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v > max) return std::nullopt;
  return v;
}

// The ten bytes at p as the common written form 2025-07-30: four digits,
// '-', two, '-', two, a real date; nullopt for anything else (parse_date
// reads this form the same way, and the rest).
[[nodiscard]] inline std::optional<Date> iso_date(const char* p) {
  if (p[4] != '-' || p[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int at[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int d = 0; d < len[k]; ++d) {
      const char c = p[at[k] + d];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (!is_valid_date(v[0], v[1], v[2])) return std::nullopt;
  return Date{v[0], v[1], v[2]};
}

// Says how the header `h` of `source` was found (csv.hpp, find_header): a
// warning naming its line when rows above it were read as the form's title,
// or when it spans two rows; when no row qualified, an error at the row looked
// at, showing it (the reader then names the columns that are missing there).
// Returns h.found.
bool report_header(const FoundHeader& h, std::string_view source, DiagnosticSink& sink);

// What a `key：value` pair in a form's title block or footer names.
enum class FormKey : std::uint8_t { none, team, category, leader, coach, doctor, other };

[[nodiscard]] FormKey form_key(std::string_view text);

struct FormPair {
  FormKey key = FormKey::none;
  std::string value;
  std::size_t cell = 0;  // where its key is
};

// The `key：value` pairs of a row of a form's title block or footer, for the
// keys form_key() knows: several in a cell (`代表队：海北州   参赛组别：甲组男子`),
// the value in the next cell (`领队：,马建军` or `领队,马建军`).
[[nodiscard]] std::vector<FormPair> form_pairs(const std::vector<std::string>& cells);

// Whether a row after the header is a line of the form's footer (or its
// hints): its first cell is a key (填表人：…, 联系电话, 领队：…), a note (注：1.…,
// 说明), a date (2025年7月1日, the blank `年  月  日`), or all its cells are
// hints (必填, 格式：…). `pairs` are form_pairs(cells).
[[nodiscard]] bool footer_row(const std::vector<std::string>& cells, const std::vector<FormPair>& pairs);

// The footer rows of a table other than a roster (--teams, --adjustments):
// skip_footer() is true for such a row (and notes its line); said() adds one
// warning with their lines at the end.
class FooterRows {
 public:
  bool skip(const CsvRecord& record);
  void said(std::string_view source, DiagnosticSink& sink) const;

 private:
  std::vector<std::size_t> m_lines;
  std::vector<std::string> m_cells;
};

// Lines as a short list: "3, 5-7, 9".
[[nodiscard]] std::string line_list(const std::vector<std::size_t>& lines);

// The diagnostic code for a date that did not parse.
[[nodiscard]] std::string_view date_error_code(DateError e);

class RowReader {
 public:
  RowReader(std::string_view source, const HeaderMatch& header, DiagnosticSink& sink);

  void start(const CsvRecord& record);

  // The cell of column `col` (a ColumnSpec index), normalised (normalize_cell);
  // empty when the column is absent or the row is short. Loaders ask for a
  // cell more than once (empty? then its value): it is normalised once a row.
  [[nodiscard]] std::string_view text(std::size_t col) {
    if (m_plain) return raw(col);
    Cell& cell = m_cells[col];
    if (cell.row != m_row) {
      cell.text = normalize_cell(raw(col), m_scratch[col]);
      cell.row = m_row;
    }
    return cell.text;
  }
  // The cell as written.
  [[nodiscard]] std::string_view raw(std::size_t col) const {
    const int f = m_header.index[col];
    if (f < 0 || !m_record || static_cast<std::size_t>(f) >= m_record->fields.size()) return {};
    return m_record->fields[static_cast<std::size_t>(f)];
  }
  [[nodiscard]] bool empty(std::size_t col) {
    // A cell that starts with a printable ASCII character is not empty once
    // normalised; only other cells need normalize_cell to tell.
    const std::string_view r = raw(col);
    if (r.empty()) return true;
    if (r[0] > ' ' && r[0] < 0x7F) return false;
    return text(col).empty();
  }
  // The header of `col` as written in the file, or `fallback` when absent.
  [[nodiscard]] std::string_view header(std::size_t col, std::string_view fallback) const;

  // The cell as a count; on a bad value reports `code` and returns nullopt.
  // Also nullopt (without a report) for an empty cell.
  std::optional<int> count(std::size_t col, std::string_view code, int max) {
    // Plain digits, the usual cell, need no normalising.
    const std::string_view r = raw(col);
    if (r.empty()) return std::nullopt;
    if (auto v = parse_count(r, max)) return v;
    const std::string_view t = text(col);
    if (t.empty()) return std::nullopt;
    if (auto v = parse_count(t, max)) return v;
    fail(col, code);
    return std::nullopt;
  }
  // The cell as a date; reports the date error (not for an empty cell).
  std::optional<Date> date(std::size_t col);

  // Reports `code` on column `col` with the cell's value; returns false.
  bool fail(std::size_t col, std::string_view code, std::vector<std::string> args = {});
  // The same with an explicit value (part of a cell).
  bool fail_value(std::size_t col, std::string_view value, std::string_view code,
                  std::vector<std::string> args = {});

  [[nodiscard]] std::size_t line() const { return m_record ? m_record->line : 0; }

 private:
  std::string m_source;
  const HeaderMatch& m_header;
  DiagnosticSink& m_sink;
  const CsvRecord* m_record = nullptr;
  std::vector<std::string> m_scratch;
  // text() of the current row, per column; valid when `row` is m_row.
  struct Cell {
    std::string_view text;
    std::uint64_t row = 0;
  };
  std::vector<Cell> m_cells;
  std::uint64_t m_row = 0;
  // The row's cells are their own normalised form (see start()).
  bool m_plain = false;
};

}  // namespace matchday
