#include "parse_util.hpp"

#include "matchday/text.hpp"

namespace matchday {

std::string_view date_error_code(DateError e) {
  switch (e) {
    case DateError::ambiguous: return "date_ambiguous";
    case DateError::invalid: return "date_invalid";
    case DateError::missing: return "date_missing";
    case DateError::unrecognised:
    case DateError::none: break;
  }
  return "date_unrecognised";
}

RowReader::RowReader(std::string_view source, const HeaderMatch& header, DiagnosticSink& sink)
    : m_source(source), m_header(header), m_sink(sink), m_scratch(header.index.size()),
      m_cells(header.index.size()) {}

void RowReader::start(const CsvRecord& record) {
  m_record = &record;
  ++m_row;  // forgets every cell of the previous row
}

std::string_view RowReader::header(std::size_t col, std::string_view fallback) const {
  const int f = m_header.index[col];
  if (f < 0) return fallback;
  return m_header.header[static_cast<std::size_t>(f)];
}

std::optional<Date> RowReader::date(std::size_t col) {
  // The common written form, 2025-07-30, read directly; everything else (and
  // every error) through parse_date, which gives this form the same result.
  const std::string_view r = raw(col);
  if (r.size() == 10 && r[4] == '-' && r[7] == '-') {
    int v[3] = {0, 0, 0};
    const int at[3] = {0, 5, 8}, len[3] = {4, 2, 2};
    bool digits = true;
    for (int k = 0; k < 3; ++k) {
      for (int d = 0; d < len[k]; ++d) {
        const char c = r[static_cast<std::size_t>(at[k] + d)];
        digits = digits && c >= '0' && c <= '9';
        v[k] = v[k] * 10 + (c - '0');
      }
    }
    if (digits && is_valid_date(v[0], v[1], v[2])) return Date{v[0], v[1], v[2]};
  }
  const DateParse p = parse_date(r);
  if (p.date) return p.date;
  if (p.error != DateError::missing) fail(col, date_error_code(p.error));
  return std::nullopt;
}

bool RowReader::fail(std::size_t col, std::string_view code, std::vector<std::string> args) {
  return fail_value(col, trim(raw(col)), code, std::move(args));
}

bool RowReader::fail_value(std::size_t col, std::string_view value, std::string_view code,
                           std::vector<std::string> args) {
  const int f = m_header.index[col];
  std::string column = f >= 0 ? m_header.header[static_cast<std::size_t>(f)] : std::string();
  m_sink.add({Severity::error, m_source, line(), std::move(column), std::string(value), code, std::move(args)});
  return false;
}

}  // namespace matchday
