// Fuzzes reading a CSV file the way every loader does: decode_text (each
// --encoding choice, so UTF-8, UTF-8 with BOM, UTF-16LE/BE and GB18030 all
// run), CsvReader with each delimiter, match_header, and the cell helpers.
//
// The first byte picks the encoding choice and the delimiter; the rest is the
// file. Invariants checked besides "no crash":
// - is_valid_utf8 agrees with a plain validator (at every alignment);
// - decoded text is valid UTF-8 (the loaders rely on it);
// - the first record starts on line 1, line numbers strictly increase, and
//   each record starts exactly 1 + (line breaks inside the previous record)
//   lines after the previous one (checked on a re-written copy, where every
//   line break is known);
// - writing the records back with RFC 4180 quoting and reading them again
//   gives the same records (nothing lost, nothing merged or split);
// - match_header's indexes point at fields of the header row;
// - fold_key is idempotent, pad() reaches the asked width.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "matchday/csv.hpp"
#include "matchday/text.hpp"

using namespace matchday;

namespace {

constexpr std::array<ColumnSpec, 5> k_specs{{
    {"home", "主队|home_team", true},
    {"away", "客队|away_team", true},
    {"home_goals", "主队进球|hg", false},
    {"date", "日期|比赛日期", false},
    {"name", "姓名", false},
}};

// UTF-8 validity the plain way (RFC 3629 table 3-7), to check is_valid_utf8,
// which may take a vectorised path, against.
bool plain_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < s.size()) {
    const unsigned c = at(i);
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // cut short at the end
    if (at(i + 1) < lo || at(i + 1) > hi) return false;
    for (std::size_t k = 2; k <= n; ++k) {
      if (at(i + k) < 0x80 || at(i + k) > 0xBF) return false;
    }
    i += n + 1;
  }
  return true;
}

std::string quoted(std::string_view f, char delim) {
  if (f.find_first_of(std::string{delim, '"', '\r', '\n'}) == std::string_view::npos) return std::string(f);
  std::string out = "\"";
  for (char c : f) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

struct Rec {
  std::size_t line;
  std::vector<std::string> fields;
};

std::vector<Rec> read_all(std::string_view text, char delim) {
  std::vector<Rec> out;
  CsvReader reader(text, delim);
  CsvRecord rec;
  while (reader.next(rec)) {
    FUZZ_CHECK(!rec.fields.empty());
    out.push_back({rec.line, {rec.fields.begin(), rec.fields.end()}});
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t selector = data[0];
  const auto choice = static_cast<EncodingChoice>(selector % 3);
  static constexpr char k_delims[] = {',', ';', '\t', 0};
  const std::string_view bytes = fuzz::as_text(data + 1, size - 1);

  // The validator against the plain one, at every alignment of a long input
  // (a vectorised path reads 32 bytes at a time).
  for (std::size_t skip = 0; skip < 33 && skip <= bytes.size(); ++skip) {
    FUZZ_CHECK(is_valid_utf8(bytes.substr(skip)) == plain_valid_utf8(bytes.substr(skip)));
    if (bytes.size() < 64) break;
  }
  const DecodedText decoded = decode_text(bytes, choice);
  if (decoded.error_offset) {
    FUZZ_CHECK(*decoded.error_offset <= bytes.size());
    return 0;
  }
  const std::string_view text = decoded.text;
  FUZZ_CHECK(is_valid_utf8(text));
  if (decoded.encoding == Encoding::utf8) FUZZ_CHECK(text.size() == bytes.size());

  char delim = k_delims[(selector / 3) % 4];
  if (delim == 0) delim = sniff_delimiter("fuzz.csv", text);

  // The records of the decoded text.
  const std::vector<Rec> records = read_all(text, delim);
  std::size_t breaks = 0;
  for (char c : text) breaks += c == '\n' || c == '\r';
  for (std::size_t i = 0; i < records.size(); ++i) {
    FUZZ_CHECK(i > 0 || records[i].line == 1);
    FUZZ_CHECK(i == 0 || records[i].line > records[i - 1].line);
    FUZZ_CHECK(records[i].line <= breaks + 1);
  }
  FUZZ_CHECK(records.empty() == text.empty());

  // Written back with quoting and read again: the same records, and line
  // numbers that follow from the line breaks inside the fields.
  std::string rewritten;
  for (const Rec& r : records) {
    for (std::size_t f = 0; f < r.fields.size(); ++f) {
      if (f) rewritten += delim;
      rewritten += quoted(r.fields[f], delim);
    }
    rewritten += '\n';
  }
  const std::vector<Rec> again = read_all(rewritten, delim);
  FUZZ_CHECK(again.size() == records.size());
  std::size_t expected_line = 1;
  for (std::size_t i = 0; i < again.size(); ++i) {
    FUZZ_CHECK(again[i].fields == records[i].fields);
    FUZZ_CHECK(again[i].line == expected_line);
    expected_line += 1;
    for (const std::string& f : again[i].fields) {
      for (char c : f) expected_line += c == '\n';
    }
  }

  // find_header (forms: a title block, a header over two rows): the header
  // lies within the text, before the rows it leaves to the reader, and its
  // matched columns point at its cells.
  {
    const FoundHeader h = find_header(text, delim, k_specs);
    FUZZ_CHECK(h.body <= text.size());
    FUZZ_CHECK(h.rows == 1 || h.rows == 2);
    if (h.line > 0) {
      FUZZ_CHECK(h.first_line <= h.line && h.line <= h.last_line && h.last_line < h.body_line + 1);
      FUZZ_CHECK(h.first_pos <= h.body);
      FUZZ_CHECK(h.match.index.size() == k_specs.size());
      for (int i : h.match.index) FUZZ_CHECK(i < static_cast<int>(h.cells.size()));
      for (const FormRow& t : h.title) FUZZ_CHECK(t.line < h.line);
      if (h.found) FUZZ_CHECK(h.match.missing.empty());
    } else {
      FUZZ_CHECK(!h.found && h.title.empty());
    }
  }

  // The header: match_header and the cell helpers on every field.
  CsvReader reader(text, delim);
  CsvRecord header;
  if (reader.next(header)) {
    const HeaderMatch m = match_header(header, k_specs);
    FUZZ_CHECK(m.index.size() == k_specs.size());
    FUZZ_CHECK(m.header.size() == header.fields.size());
    std::size_t required_missing = 0;
    for (std::size_t s = 0; s < k_specs.size(); ++s) {
      FUZZ_CHECK(m.index[s] < static_cast<int>(header.fields.size()));
      if (m.index[s] >= 0) FUZZ_CHECK(fold_key(header.fields[m.index[s]]) != "");
      required_missing += k_specs[s].required && m.index[s] < 0;
    }
    FUZZ_CHECK(m.missing.size() == required_missing);
    for (std::string_view f : header.fields) {
      const std::string key = fold_key(f);
      FUZZ_CHECK(fold_key(key) == key);
      std::string scratch;
      const std::string_view cell = normalize_cell(f, scratch);
      FUZZ_CHECK(cell.size() <= f.size());
      FUZZ_CHECK(is_valid_utf8(cell));
      const std::size_t w = display_width(f);
      FUZZ_CHECK(w <= f.size() * 2);
      FUZZ_CHECK(display_width(pad(f, w + 3)) == w + 3);
      FUZZ_CHECK(display_width(pad(f, w + 1, true)) == w + 1);
    }
  }
  return 0;
}
