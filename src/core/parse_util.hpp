// Internal: reading the cells of one CSV row against a matched header, with
// every problem reported as a Diagnostic that names line, column and value.
// Shared by the results and roster loaders.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matchday/csv.hpp"
#include "matchday/date.hpp"
#include "matchday/diagnostic.hpp"

namespace matchday {

// A non-negative whole number with no sign or decimals, at most `max`
// (full-width digits must be normalised first).
[[nodiscard]] std::optional<int> parse_count(std::string_view s, int max);

// The diagnostic code for a date that did not parse.
[[nodiscard]] std::string_view date_error_code(DateError e);

class RowReader {
 public:
  RowReader(std::string_view source, const HeaderMatch& header, DiagnosticSink& sink);

  void start(const CsvRecord& record);

  // The cell of column `col` (a ColumnSpec index), normalised (normalize_cell);
  // empty when the column is absent or the row is short.
  [[nodiscard]] std::string_view text(std::size_t col);
  // The cell as written.
  [[nodiscard]] std::string_view raw(std::size_t col) const;
  [[nodiscard]] bool empty(std::size_t col) { return text(col).empty(); }
  // The header of `col` as written in the file, or `fallback` when absent.
  [[nodiscard]] std::string_view header(std::size_t col, std::string_view fallback) const;

  // The cell as a count; on a bad value reports `code` and returns nullopt.
  // Also nullopt (without a report) for an empty cell.
  std::optional<int> count(std::size_t col, std::string_view code, int max);
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
};

}  // namespace matchday
