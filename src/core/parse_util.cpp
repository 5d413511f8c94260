#include "parse_util.hpp"

#include <charconv>

#include "matchday/text.hpp"

namespace matchday {

std::optional<int> parse_count(std::string_view s, int max) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 0 || v > max) return std::nullopt;
  return v;
}

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
    : m_source(source), m_header(header), m_sink(sink), m_scratch(header.index.size()) {}

void RowReader::start(const CsvRecord& record) { m_record = &record; }

std::string_view RowReader::raw(std::size_t col) const {
  const int f = m_header.index[col];
  if (f < 0 || !m_record || static_cast<std::size_t>(f) >= m_record->fields.size()) return {};
  return m_record->fields[static_cast<std::size_t>(f)];
}

std::string_view RowReader::text(std::size_t col) { return normalize_cell(raw(col), m_scratch[col]); }

std::string_view RowReader::header(std::size_t col, std::string_view fallback) const {
  const int f = m_header.index[col];
  if (f < 0) return fallback;
  return m_header.header[static_cast<std::size_t>(f)];
}

std::optional<int> RowReader::count(std::size_t col, std::string_view code, int max) {
  const std::string_view t = text(col);
  if (t.empty()) return std::nullopt;
  if (auto v = parse_count(t, max)) return v;
  fail(col, code);
  return std::nullopt;
}

std::optional<Date> RowReader::date(std::size_t col) {
  const DateParse p = parse_date(raw(col));
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
