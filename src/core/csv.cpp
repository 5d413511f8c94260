#include "matchday/csv.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <algorithm>
#include <utility>

#include "bytes.hpp"
#include "matchday/text.hpp"

namespace matchday {

bool CsvRecord::blank() const {
  for (std::string_view f : fields) {
    if (!trim(f).empty()) return false;
  }
  return true;
}

CsvReader::CsvReader(std::string_view text, char delimiter) : m_text(text), m_delim(delimiter) {}

// The bytes that end an unquoted field (or start a quoted one) are found 64 at
// a time: one bit per byte of a 64-byte block, set where the byte is the
// delimiter, '"', '\r' or '\n'. Fields are short (a few bytes), so one block's
// mask serves several fields, and a field costs a count-trailing-zeros instead
// of a byte loop. The block is cached across calls; it only ever moves forward.
// The same pass marks the bytes normalize_cell() may change (CsvRecord::plain_).
std::uint64_t CsvReader::special_mask(std::size_t block) {
  const char* p = m_text.data() + block;
  const std::size_t left = m_text.size() - block;
  alignas(16) char tail[64];
  if (left < 64) {  // the last, partial block: padded, and the padding masked off below
    std::memset(tail, 0, sizeof tail);
    std::memcpy(tail, p, left);
    p = tail;
  }
  std::uint64_t mask = 0, unclean = 0;
#if defined(__SSE2__)
  const __m128i delim = _mm_set1_epi8(m_delim);
  for (int k = 0; k < 4; ++k) {
    mask |= std::uint64_t{stop_mask(p + 16 * k, delim)} << (16 * k);
    unclean |= std::uint64_t{unclean_mask(p + 16 * k)} << (16 * k);
  }
#else
  for (int k = 0; k < 64; ++k) {
    mask |= std::uint64_t{is_stop(p[k], m_delim)} << k;
    unclean |= std::uint64_t{is_unclean(p[k])} << k;
  }
#endif
  if (left < 64) {
    mask &= (std::uint64_t{1} << left) - 1;
    unclean &= (std::uint64_t{1} << left) - 1;
  }
  m_unclean = unclean;
  return mask;
}

std::size_t CsvReader::next_special(std::size_t i) {
  const std::size_t n = m_text.size();
  while (i < n) {
    const std::size_t block = i & ~std::size_t{63};
    if (block != m_block) {
      m_mask = special_mask(block);
      m_block = block;
    }
    const std::uint64_t m = m_mask & (~std::uint64_t{0} << (i - block));
    if (m != 0) return block + static_cast<std::size_t>(std::countr_zero(m));
    i = block + 64;
  }
  return n;
}

bool CsvReader::next_unquoted(CsvRecord& rec) {
  const char* const data = m_text.data();
  const std::size_t n = m_text.size();
  const std::size_t first = m_pos;
  std::size_t start = first;  // of the field at hand
  std::uint64_t unclean = 0;  // any byte of the record normalize_cell may change
  // The bits of block `block` from `from` on, below `to`.
  const auto within = [](std::uint64_t bits, std::size_t block, std::size_t from, std::size_t to) {
    if (from > block) bits &= ~std::uint64_t{0} << (from - block);
    if (to < block + 64) bits &= (std::uint64_t{1} << (to - block)) - 1;
    return bits;
  };
  for (std::size_t block = first & ~std::size_t{63}; block < n; block += 64) {
    if (block != m_block) {  // (m_unclean is always of m_block)
      m_mask = special_mask(block);
      m_block = block;
    }
    for (std::uint64_t m = within(m_mask, block, start, block + 64); m != 0; m &= m - 1) {
      const std::size_t j = block + static_cast<std::size_t>(std::countr_zero(m));
      const char c = data[j];
      if (c == m_delim) {
        rec.fields.push_back(m_text.substr(start, j - start));
        start = j + 1;
        continue;
      }
      if (c == '"') return false;
      // End of record: \n, \r\n or a lone \r.
      rec.fields.push_back(m_text.substr(start, j - start));
      unclean |= within(m_unclean, block, first, j);
      std::size_t i = j + (c == '\r');
      if (i < n && data[i] == '\n') ++i;
      m_pos = i;
      ++m_line;
      rec.plain_ = unclean == 0 ? 1 : 0;
      return true;
    }
    unclean |= within(m_unclean, block, first, block + 64);
  }
  // The text ends without a line break (after a delimiter: one more, empty, field).
  rec.fields.push_back(m_text.substr(start, n - start));
  m_pos = n;
  rec.plain_ = unclean == 0 ? 1 : 0;
  return true;
}

bool CsvReader::next(CsvRecord& rec) {
  if (m_pos >= m_text.size()) return false;
  rec.fields.clear();
  rec.storage_.clear();
  rec.unterminated_quote = false;
  rec.line = m_line;
  rec.plain_ = -1;
  // Most records have no quote: read in one pass over their bytes' masks.
  if (next_unquoted(rec)) return true;
  rec.fields.clear();
  rec.plain_ = -1;

  // Fields that needed unescaping live in storage_, which may move as it
  // grows: they are pushed as empty views and pointed into storage_ at the end.
  struct Stored {
    std::size_t field, begin, size;
  };
  thread_local std::vector<Stored> stored;
  stored.clear();

  const char* const data = m_text.data();
  const std::size_t n = m_text.size();
  std::size_t i = m_pos;
  for (;;) {
    if (i < n && data[i] == '"') {
      // Quoted field: up to the closing quote; "" is a literal quote.
      std::size_t start = ++i;
      bool is_stored = false;
      std::size_t stored_at = 0;
      for (;;) {
        const void* q = std::memchr(data + i, '"', n - i);
        const std::size_t stop = q ? static_cast<std::size_t>(static_cast<const char*>(q) - data) : n;
        for (std::size_t k = i; k < stop; ++k) m_line += data[k] == '\n';
        if (!q) {
          rec.unterminated_quote = true;
          if (is_stored) rec.storage_.append(data + start, n - start);
          i = n;
          break;
        }
        if (stop + 1 < n && data[stop + 1] == '"') {
          if (!is_stored) {
            is_stored = true;
            stored_at = rec.storage_.size();
          }
          rec.storage_.append(data + start, stop + 1 - start);  // keeps one quote
          i = start = stop + 2;
          continue;
        }
        if (is_stored) rec.storage_.append(data + start, stop - start);
        i = stop + 1;
        break;
      }
      if (is_stored) {
        stored.push_back({rec.fields.size(), stored_at, rec.storage_.size() - stored_at});
        rec.fields.emplace_back();
      } else {
        rec.fields.push_back(m_text.substr(start, (rec.unterminated_quote ? n : i - 1) - start));
      }
      if (rec.unterminated_quote) break;
      // Text after the closing quote, up to the delimiter, is kept (as Excel does).
      std::size_t j = i;
      while (j < n && data[j] != m_delim && data[j] != '\n' && data[j] != '\r') ++j;
      if (j > i) {
        if (!is_stored) {
          const std::string_view plain = rec.fields.back();
          stored.push_back({rec.fields.size() - 1, rec.storage_.size(), plain.size()});
          rec.storage_.append(plain);
          rec.fields.back() = {};
        }
        rec.storage_.append(data + i, j - i);
        stored.back().size += j - i;
        i = j;
      }
    } else {
      // Unquoted field: up to the delimiter or the end of the line (a quote
      // inside an unquoted field is an ordinary character).
      std::size_t j = next_special(i);
      while (j < n && data[j] == '"') j = next_special(j + 1);
      rec.fields.push_back(m_text.substr(i, j - i));
      i = j;
    }
    if (i >= n) break;
    if (data[i] == m_delim) {
      ++i;
      if (i >= n) {  // a trailing delimiter at the very end: one more empty field
        rec.fields.push_back(m_text.substr(i, 0));
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
  for (const Stored& s : stored) rec.fields[s.field] = std::string_view(rec.storage_).substr(s.begin, s.size);
  return true;
}

bool CsvReader::next_nonblank(CsvRecord& rec) {
  while (next(rec)) {
    if (!rec.blank()) return true;
  }
  return false;
}

char sniff_delimiter(std::string_view source_name, std::string_view text) {
  // The first line that holds a delimiter (a form's title row may hold none).
  std::string_view first = text.substr(0, text.find('\n'));
  for (std::size_t at = 0, n = 0; at < text.size() && n < k_header_search_rows; ++n) {
    const std::size_t nl = text.find('\n', at);
    const std::string_view line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    if (line.find_first_of(",\t;") != std::string_view::npos) {
      first = line;
      break;
    }
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  const bool comma = first.find(',') != std::string_view::npos;
  const bool tab = first.find('\t') != std::string_view::npos;
  const bool semi = first.find(';') != std::string_view::npos;
  if (source_name.ends_with(".tsv") || source_name.ends_with(".TSV")) return '\t';
  if (tab && !comma) return '\t';
  if (semi && !comma && !tab) return ';';
  return ',';
}

namespace {

// The header keys of each spec: its key, then its aliases.
using SpecKeys = std::vector<std::vector<std::string>>;

SpecKeys spec_keys(std::span<const ColumnSpec> specs) {
  SpecKeys keys(specs.size());
  for (std::size_t s = 0; s < specs.size(); ++s) {
    keys[s].push_back(header_key(specs[s].key));
    std::string_view rest = specs[s].aliases;
    while (!rest.empty()) {
      const std::size_t bar = rest.find('|');
      keys[s].push_back(header_key(rest.substr(0, bar)));
      rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
    }
  }
  return keys;
}

// The spec a header key names, or -1.
int spec_of(const std::string& key, const SpecKeys& keys) {
  if (key.empty()) return -1;
  for (std::size_t s = 0; s < keys.size(); ++s) {
    for (const std::string& alias : keys[s]) {
      if (alias == key) return static_cast<int>(s);
    }
  }
  return -1;
}

template <class Cells>
HeaderMatch match_cells(const Cells& cells, std::span<const ColumnSpec> specs, const SpecKeys& keys) {
  HeaderMatch m;
  m.index.assign(specs.size(), -1);
  for (std::size_t f = 0; f < cells.size(); ++f) {
    m.header.emplace_back(trim(cells[f]));
    const int s = spec_of(header_key(cells[f]), keys);
    if (s < 0) continue;
    if (m.index[static_cast<std::size_t>(s)] >= 0) {
      m.duplicated.push_back(m.header.back());
    } else {
      m.index[static_cast<std::size_t>(s)] = static_cast<int>(f);
    }
  }
  for (std::size_t s = 0; s < specs.size(); ++s) {
    if (specs[s].required && m.index[s] < 0) m.missing.push_back(specs[s].key);
  }
  return m;
}

std::size_t matched(const HeaderMatch& m) {
  return static_cast<std::size_t>(std::count_if(m.index.begin(), m.index.end(), [](int i) { return i >= 0; }));
}

bool default_test(const HeaderMatch& m) { return m.missing.empty() && matched(m) > 0; }

// The cells of a header over two rows read as one: a cell of the lower row
// under a group cell of the upper one (the group's merged range is empty in
// the CSV, right of its text) is `group` + `sub` when that names a column,
// else `sub`, else the upper cell; a column with an empty lower cell is the
// upper cell (merged down).
std::vector<std::string> combine(const std::vector<std::string>& upper, const std::vector<std::string>& lower,
                                 const SpecKeys& keys) {
  std::vector<std::string> out;
  std::string group;
  const std::size_t n = std::max(upper.size(), lower.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string own = i < upper.size() ? upper[i] : std::string();
    const std::string sub = i < lower.size() ? lower[i] : std::string();
    if (!own.empty()) group = own;
    if (sub.empty()) {
      out.push_back(own);
      continue;
    }
    std::string pick;
    for (const std::string& c : {group.empty() ? std::string() : group + sub, sub, own}) {
      if (!c.empty() && spec_of(header_key(c), keys) >= 0) {
        pick = c;
        break;
      }
    }
    out.push_back(pick.empty() ? (own.empty() ? sub : own) : pick);
  }
  return out;
}

}  // namespace

HeaderMatch match_header(const CsvRecord& header, std::span<const ColumnSpec> specs) {
  return match_cells(header.fields, specs, spec_keys(specs));
}

std::string header_key(std::string_view cell) {
  const std::string folded = fold_key(cell);
  std::string k;
  k.reserve(folded.size());
  for (char c : folded) {
    if (c == '_' || c == '*' || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') continue;
    k += c;
  }
  // U+3000 and U+00A0 inside a cell (normalize_cell only trims them at the ends).
  for (std::string_view sp : {std::string_view("\u3000"), std::string_view("\u00a0")}) {
    for (std::size_t at = k.find(sp); at != std::string::npos; at = k.find(sp)) k.erase(at, sp.size());
  }
  // A note in brackets at the end: 身份证号(18位), 代表队【盖章】.
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"},
                                    std::pair<std::string_view, std::string_view>{"\u3010", "\u3011"}}) {
    if (k.size() > close.size() && k.ends_with(close)) {
      const std::size_t at = k.rfind(open);
      if (at != std::string::npos && at > 0) k.resize(at);
    }
  }
  return k;
}

CsvRecord FoundHeader::record() const {
  CsvRecord r;
  r.line = line;
  for (const std::string& c : cells) r.fields.emplace_back(c);
  return r;
}

FoundHeader find_header(std::string_view text, char delimiter, std::span<const ColumnSpec> specs,
                        HeaderTest qualifies, std::size_t max_rows) {
  if (qualifies == nullptr) qualifies = default_test;
  const SpecKeys keys = spec_keys(specs);
  struct Row {
    std::size_t line, pos, end, end_line;
    std::vector<std::string> cells;
    HeaderMatch match;
  };
  std::vector<Row> rows;
  CsvReader reader(text, delimiter);
  CsvRecord rec;
  // Reads non-blank row k, when there is one within reach.
  const auto get = [&](std::size_t k) {
    while (rows.size() <= k) {
      if (rows.size() > max_rows) return false;
      const std::size_t pos = reader.position();
      if (!reader.next(rec)) return false;
      if (rec.blank()) continue;
      Row r{rec.line, pos, reader.position(), reader.line(), {}, {}};
      for (std::string_view f : rec.fields) r.cells.emplace_back(trim(f));
      r.match = match_cells(r.cells, specs, keys);
      rows.push_back(std::move(r));
    }
    return true;
  };
  FoundHeader out;
  if (!get(0)) return out;
  out.first_pos = rows[0].pos;
  out.first_line = rows[0].line;
  const auto take = [&](std::size_t k, std::size_t n, std::vector<std::string> cells, HeaderMatch m, bool found) {
    out.found = found;
    out.line = rows[k].line;
    out.rows = n;
    out.cells = std::move(cells);
    out.match = std::move(m);
    out.body = rows[k + n - 1].end;
    out.body_line = rows[k + n - 1].end_line;
    out.last_line = rows[k + n - 1].line;
    for (std::size_t t = 0; t < k; ++t) out.title.push_back(FormRow{rows[t].line, rows[t].cells});
  };
  std::size_t best = 0, best_count = 0;
  for (std::size_t k = 0; k < max_rows && get(k); ++k) {
    const std::size_t c1 = matched(rows[k].match);
    if (c1 > 0 && get(k + 1)) {
      std::vector<std::string> cells = combine(rows[k].cells, rows[k + 1].cells, keys);
      HeaderMatch m2 = match_cells(cells, specs, keys);
      const std::size_t c2 = matched(m2);
      if (c2 > c1 && c2 > matched(rows[k + 1].match) && qualifies(m2)) {
        take(k, 2, std::move(cells), std::move(m2), true);
        return out;
      }
    }
    if (qualifies(rows[k].match)) {
      take(k, 1, rows[k].cells, rows[k].match, true);
      return out;
    }
    if (c1 > best_count) {
      best = k;
      best_count = c1;
    }
  }
  take(best, 1, rows[best].cells, rows[best].match, false);
  return out;
}

}  // namespace matchday
