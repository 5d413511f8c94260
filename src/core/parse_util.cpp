#include "parse_util.hpp"

#include <cstring>

#include "bytes.hpp"
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

bool report_header(const FoundHeader& h, std::string_view source, DiagnosticSink& sink) {
  if (h.line == 0) return false;
  if (h.found) {
    if (h.rows == 2) {
      sink.add({Severity::warning, std::string(source), h.line, "", "", "header_two_rows",
                {std::to_string(h.line), std::to_string(h.last_line), std::to_string(h.title.size())}});
    } else if (!h.title.empty()) {
      sink.add({Severity::warning, std::string(source), h.line, "", "", "header_found_at",
                {std::to_string(h.line), std::to_string(h.title.size())}});
    }
    return true;
  }
  // The row as a user would see it in the sheet, cut when long.
  std::string row;
  std::size_t last = h.cells.size();
  while (last > 0 && h.cells[last - 1].empty()) --last;
  for (std::size_t i = 0; i < last; ++i) {
    if (i > 0) row += ',';
    row += h.cells[i];
  }
  if (display_width(row) > 80) {
    std::string cut;
    std::size_t at = 0;
    while (at < row.size() && display_width(cut) < 76) {
      std::size_t len = 1;
      while (at + len < row.size() && (static_cast<unsigned char>(row[at + len]) & 0xC0) == 0x80) ++len;
      cut.append(row, at, len);
      at += len;
    }
    row = cut + "…";
  }
  sink.add({Severity::error, std::string(source), h.line, "", row, "header_not_found",
            {std::to_string(k_header_search_rows)}});
  return false;
}

std::string line_list(const std::vector<std::size_t>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    while (j + 1 < lines.size() && lines[j + 1] == lines[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(lines[i]);
    if (j > i) out += (j == i + 1 ? ", " : "-") + std::to_string(lines[j]);
    i = j + 1;
  }
  return out;
}

RowReader::RowReader(std::string_view source, const HeaderMatch& header, DiagnosticSink& sink)
    : m_source(source), m_header(header), m_sink(sink), m_scratch(header.index.size()),
      m_cells(header.index.size()) {}

namespace {

// Whether normalize_cell() returns each of `record`'s fields unchanged: true
// when the fields lie one after another in the text (no quotes, nothing
// unescaped) and the bytes from the first to the end of the last hold no
// ASCII control character or space (nothing to trim; this also sends files
// delimited by tabs the long way) and none of the lead bytes normalize_cell
// rewrites (0xEF, 0xE3, 0xC2). The usual row of ASCII numbers and Chinese
// names is plain, and its cells are then read as they are, without a
// normalising pass over each. Sixteen bytes at a time.
bool plain_record(const CsvRecord& record) {
  const std::vector<std::string_view>& f = record.fields;
  if (f.empty() || !record.storage_.empty()) return false;
  std::size_t bytes = f.size() - 1;  // the delimiters
  for (const std::string_view v : f) bytes += v.size();
  const char* const begin = f.front().data();
  if (begin == nullptr || f.back().data() + f.back().size() != begin + bytes) return false;
  const auto clean = [](const char* p) {  // 16 bytes at p
#if defined(__SSE2__)
    return unclean_mask(p) == 0;
#else
    for (int k = 0; k < 16; ++k) {
      if (is_unclean(p[k])) return false;
    }
    return true;
#endif
  };
  std::size_t at = 0;
  for (; at + 16 <= bytes; at += 16) {
    if (!clean(begin + at)) return false;
  }
  char tail[16];
  std::memset(tail, 'x', sizeof tail);  // padding that is clean
  std::memcpy(tail, begin + at, bytes - at);
  return clean(tail);
}

}  // namespace

void RowReader::start(const CsvRecord& record) {
  m_record = &record;
  ++m_row;  // forgets every cell of the previous row
  m_plain = record.plain_ >= 0 ? record.plain_ == 1 : plain_record(record);
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
  if (r.size() == 10) {
    if (const std::optional<Date> d = iso_date(r.data())) return d;
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
