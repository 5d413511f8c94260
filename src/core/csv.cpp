#include "matchday/csv.hpp"

#include <cstring>

#include "matchday/text.hpp"

namespace matchday {

bool CsvRecord::blank() const {
  for (std::string_view f : fields) {
    if (!trim(f).empty()) return false;
  }
  return true;
}

CsvReader::CsvReader(std::string_view text, char delimiter) : m_text(text), m_delim(delimiter) {}

bool CsvReader::next(CsvRecord& rec) {
  if (m_pos >= m_text.size()) return false;
  rec.fields.clear();
  rec.storage_.clear();
  rec.unterminated_quote = false;
  rec.line = m_line;

  // Field spans are collected first and turned into views at the end, because
  // appending to storage_ may move it.
  struct Span {
    std::size_t begin, size;
    bool stored;
  };
  thread_local std::vector<Span> spans;
  spans.clear();

  const char* const data = m_text.data();
  const std::size_t n = m_text.size();
  std::size_t i = m_pos;
  for (;;) {
    if (i < n && data[i] == '"') {
      // Quoted field: up to the closing quote; "" is a literal quote.
      std::size_t start = ++i;
      bool stored = false;
      std::size_t stored_at = 0;
      for (;;) {
        const void* q = std::memchr(data + i, '"', n - i);
        const std::size_t stop = q ? static_cast<std::size_t>(static_cast<const char*>(q) - data) : n;
        for (std::size_t k = i; k < stop; ++k) m_line += data[k] == '\n';
        if (!q) {
          rec.unterminated_quote = true;
          if (stored) rec.storage_.append(data + start, n - start);
          i = n;
          break;
        }
        if (stop + 1 < n && data[stop + 1] == '"') {
          if (!stored) {
            stored = true;
            stored_at = rec.storage_.size();
          }
          rec.storage_.append(data + start, stop + 1 - start);  // keeps one quote
          i = start = stop + 2;
          continue;
        }
        if (stored) rec.storage_.append(data + start, stop - start);
        i = stop + 1;
        if (stored) {
          spans.push_back({stored_at, rec.storage_.size() - stored_at, true});
        } else {
          spans.push_back({start, stop - start, false});
        }
        break;
      }
      if (rec.unterminated_quote) {
        spans.push_back(stored ? Span{stored_at, rec.storage_.size() - stored_at, true}
                               : Span{start, n - start, false});
        break;
      }
      // Text after the closing quote, up to the delimiter, is kept (as Excel does).
      std::size_t j = i;
      while (j < n && data[j] != m_delim && data[j] != '\n' && data[j] != '\r') ++j;
      if (j > i) {
        Span& last = spans.back();
        if (!last.stored) {
          const std::size_t at = rec.storage_.size();
          rec.storage_.append(data + last.begin, last.size);
          last = {at, last.size, true};
        }
        rec.storage_.append(data + i, j - i);
        last.size += j - i;
        i = j;
      }
    } else {
      std::size_t j = i;
      while (j < n) {
        const char c = data[j];
        if (c == m_delim || c == '\n' || c == '\r') break;
        ++j;
      }
      spans.push_back({i, j - i, false});
      i = j;
    }
    if (i >= n) break;
    if (data[i] == m_delim) {
      ++i;
      if (i >= n) {  // a trailing delimiter at the very end: one more empty field
        spans.push_back({i, 0, false});
        break;
      }
      continue;
    }
    // End of record: \n, \r\n or a lone \r.
    if (data[i] == '\r') ++i;
    if (i < n && data[i] == '\n') ++i;
    ++m_line;
    break;
  }
  m_pos = i;
  rec.fields.reserve(spans.size());
  for (const Span& s : spans) {
    rec.fields.emplace_back(s.stored ? std::string_view(rec.storage_).substr(s.begin, s.size)
                                     : m_text.substr(s.begin, s.size));
  }
  return true;
}

char sniff_delimiter(std::string_view source_name, std::string_view text) {
  const std::string_view first = text.substr(0, text.find('\n'));
  const bool comma = first.find(',') != std::string_view::npos;
  const bool tab = first.find('\t') != std::string_view::npos;
  const bool semi = first.find(';') != std::string_view::npos;
  if (source_name.ends_with(".tsv") || source_name.ends_with(".TSV")) return '\t';
  if (tab && !comma) return '\t';
  if (semi && !comma && !tab) return ';';
  return ',';
}

HeaderMatch match_header(const CsvRecord& header, std::span<const ColumnSpec> specs) {
  HeaderMatch m;
  m.index.assign(specs.size(), -1);
  std::vector<std::vector<std::string>> folded(specs.size());
  for (std::size_t s = 0; s < specs.size(); ++s) {
    folded[s].push_back(fold_key(specs[s].key));
    std::string_view rest = specs[s].aliases;
    while (!rest.empty()) {
      const std::size_t bar = rest.find('|');
      folded[s].push_back(fold_key(rest.substr(0, bar)));
      rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
    }
  }
  for (std::size_t f = 0; f < header.fields.size(); ++f) {
    m.header.emplace_back(trim(header.fields[f]));
    const std::string key = fold_key(header.fields[f]);
    for (std::size_t s = 0; s < specs.size(); ++s) {
      bool hit = false;
      for (const std::string& alias : folded[s]) hit = hit || alias == key;
      if (!hit) continue;
      if (m.index[s] >= 0) {
        m.duplicated.push_back(m.header.back());
      } else {
        m.index[s] = static_cast<int>(f);
      }
      break;
    }
  }
  for (std::size_t s = 0; s < specs.size(); ++s) {
    if (specs[s].required && m.index[s] < 0) m.missing.push_back(specs[s].key);
  }
  return m;
}

}  // namespace matchday
