// An RFC 4180 reader over decoded UTF-8 text, and header matching by alias.
//
// The reader never copies a field that needs no unescaping: fields are views
// into the text (or into the record's own storage for fields with doubled
// quotes), valid until the next call to next().
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace matchday {

struct CsvRecord {
  std::size_t line = 0;  // physical line (1-based) where the record starts
  std::vector<std::string_view> fields;
  // A quoted field was still open at the end of the input.
  bool unterminated_quote = false;

  // True when every field is empty (a blank line, or a row of bare commas).
  [[nodiscard]] bool blank() const;

  std::string storage_;  // unescaped fields; internal to CsvReader
  // Internal to CsvReader and RowReader: 1 when the fields lie one after
  // another in the text and hold no byte normalize_cell() would change (no
  // control character, space or 0xEF/0xE3/0xC2 lead byte), 0 when not, -1
  // when not known.
  std::int8_t plain_ = -1;
};

class CsvReader {
 public:
  // `text` must outlive the reader and every record it fills.
  // REQUIRES: delimiter is not '"', '\r' or '\n'.
  explicit CsvReader(std::string_view text, char delimiter = ',');

  // Reads the next record (CRLF or LF ends it; a final line may lack one).
  // Returns false at the end of the input.
  bool next(CsvRecord& record);
  // As next(), skipping blank records (CsvRecord::blank): the header of a
  // file, or its next row. Returns false at the end of the input.
  bool next_nonblank(CsvRecord& record);

  // Where the next record starts: its offset into the text and its line.
  [[nodiscard]] std::size_t position() const { return m_pos; }
  [[nodiscard]] std::size_t line() const { return m_line; }
  // Continues at offset `pos` (the start of a record) as line `line`.
  void seek(std::size_t pos, std::size_t line) {
    m_pos = pos;
    m_line = line;
  }

 private:
  // Bit k set where byte `block + k` may end an unquoted field; sets
  // m_unclean for the block.
  [[nodiscard]] std::uint64_t special_mask(std::size_t block);
  // The first delimiter, quote, CR or LF at or after `i`, or the text's size.
  std::size_t next_special(std::size_t i);
  // next() for a record without a quote character; false, with the position
  // unchanged, when there is one before the record's end.
  bool next_unquoted(CsvRecord& record);

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::size_t m_line = 1;
  char m_delim;
  std::size_t m_block = static_cast<std::size_t>(-1);  // the block m_mask describes
  std::uint64_t m_mask = 0;
  // Bit k set where byte `block + k` is one normalize_cell() may change.
  std::uint64_t m_unclean = 0;
};

// The delimiter for a file: '\t' for a name ending in .tsv or .txt whose first
// line has a tab and no comma, ';' when the first line has semicolons and no
// comma or tab, else ','.
[[nodiscard]] char sniff_delimiter(std::string_view source_name, std::string_view text);

// A column a file may have: its canonical key and its '|'-separated aliases
// (matched as fold_key() does: case, spaces, full-width forms do not matter).
struct ColumnSpec {
  std::string_view key;
  std::string_view aliases;
  bool required = false;
};

// Where each ColumnSpec was found in a header row.
struct HeaderMatch {
  std::vector<int> index;             // per spec: field index, or -1 when absent
  std::vector<std::string> header;    // the header row as written (trimmed)
  std::vector<std::string_view> missing;    // keys of required columns not found
  std::vector<std::string> duplicated;      // headers naming a column already seen

  [[nodiscard]] bool has(std::size_t spec) const { return index[spec] >= 0; }
};

[[nodiscard]] HeaderMatch match_header(const CsvRecord& header, std::span<const ColumnSpec> specs);

// The key a header cell is matched on: fold_key() without spaces of any kind
// (also full-width ones and line breaks inside the cell), '_', '*' marks and a
// trailing note in brackets: `姓  名`, `出生\n日期`, `*身份证号（18位）`, `Home Team`
// are 姓名, 出生日期, 身份证号, hometeam.
[[nodiscard]] std::string header_key(std::string_view cell);

// Forms as offices make them (README "Registration forms"): the header is the
// first row, within the first k_header_search_rows non-blank rows, that holds
// the columns a reader needs; the rows above it are the form's title block. A
// header over two rows (a merged group cell, `户籍`, above its sub-columns
// `所在地 | 类型 | 迁入日期`) is read as one row: `户籍所在地`, `户籍类型`, ...
inline constexpr std::size_t k_header_search_rows = 20;

// A row of a form that is not a header or a record (its title block), as read.
struct FormRow {
  std::size_t line = 0;
  std::vector<std::string> cells;  // trimmed
};

struct FoundHeader {
  bool found = false;      // a row qualified
  HeaderMatch match;       // of the header, or of the row looked at when none qualified
  std::size_t line = 0;    // the header's (first) line, or the row looked at; 0: no non-blank row
  std::size_t rows = 1;    // 2: a header over two rows
  std::size_t last_line = 0;  // where the header's last row starts
  std::vector<std::string> cells;  // the header's cells as matched (two rows: combined)
  std::vector<FormRow> title;      // the non-blank rows above the header (or the row looked at)
  std::size_t first_pos = 0, first_line = 1;  // where the first non-blank row starts
  std::size_t body = 0, body_line = 1;        // where the rows after the header start

  // A record whose fields view `cells` (valid while this lives unchanged).
  [[nodiscard]] CsvRecord record() const;
};

// Whether a header row holds the columns a reader needs; nullptr: every
// `required` spec, and at least one spec.
using HeaderTest = bool (*)(const HeaderMatch&);

// Finds the header of `text` (see above). When no row qualifies, the row
// looked at is the one with the most columns matched (the first non-blank
// row when none matches any).
[[nodiscard]] FoundHeader find_header(std::string_view text, char delimiter, std::span<const ColumnSpec> specs,
                                      HeaderTest qualifies = nullptr,
                                      std::size_t max_rows = k_header_search_rows);

}  // namespace matchday
