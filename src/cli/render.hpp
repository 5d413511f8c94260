// Pure renderers: a Sheet (titled rows of cells) to table, CSV, TSV, Markdown
// or JSON text. Every command builds Sheets; only the CLI writes the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace matchday::cli {

// xlsx is a binary workbook (xlsx.hpp), written only to a file, never by render().
enum class Format { table, csv, tsv, json, markdown, xlsx };

struct Column {
  std::string key;    // stable machine name (JSON key; CSV header under --lang en)
  std::string label;  // header in the chosen language (CSV under --lang zh, table)
  bool numeric = false;       // right-aligned; a JSON number when the cell is an integer
  bool optional = false;      // left out of the text table when empty in every row
  bool in_table = true;       // false: only in CSV/TSV/JSON (the table shows it as the title)
};

struct Sheet {
  std::string title;  // shown above the text table and as a Markdown heading
  std::string name;   // the worksheet's name in xlsx, when the title is too long for one (a team's name)
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_style;  // per row, for the text table: 0 plain, 1 good, 2 bad
};

struct RenderOptions {
  bool colour = false;      // ANSI colour in the text table
  bool chinese_headers = false;  // CSV/TSV headers: labels instead of keys
};

// The text table: titles, then columns aligned by display width.
[[nodiscard]] std::string render_table(const std::vector<Sheet>& sheets, const RenderOptions& o);
// One header row (of the first sheet), then every sheet's rows.
[[nodiscard]] std::string render_delimited(const std::vector<Sheet>& sheets, char delimiter,
                                           const RenderOptions& o);
// An array of objects keyed by Column::key.
[[nodiscard]] std::string render_json(const std::vector<Sheet>& sheets);
[[nodiscard]] std::string render_markdown(const std::vector<Sheet>& sheets);
[[nodiscard]] std::string render(const std::vector<Sheet>& sheets, Format f, const RenderOptions& o);

// One row of CSV/TSV, appended to `out`: the one delimited writer, used by
// render_delimited and by the commands that write a large table as it is made
// (standings_delimited, eligibility_delimited), so that separators and quoting
// are decided in one place. Cells are separated by the delimiter; a text cell
// is quoted when it holds the delimiter, a quote or a line break; the row ends
// with "\n" when the writer goes out of scope (or at end()).
class DelimitedRow {
 public:
  DelimitedRow(std::string& out, char delimiter) : m_out(out), m_delim(delimiter) {}
  DelimitedRow(const DelimitedRow&) = delete;
  DelimitedRow& operator=(const DelimitedRow&) = delete;
  ~DelimitedRow() { end(); }

  DelimitedRow& text(std::string_view s);   // quoted when needed
  DelimitedRow& number(long long v);        // as digits, never quoted
  DelimitedRow& escaped(std::string_view s);  // a cell already made by csv_cell (a file's name on every row)
  void end();

 private:
  void separate() {
    if (!m_first) m_out += m_delim;
    m_first = false;
  }
  std::string& m_out;
  char m_delim;
  bool m_first = true;
  bool m_ended = false;
};

// The header row of `columns`: their keys, or their labels (chinese_headers).
void append_delimited_header(std::string& out, const std::vector<Column>& columns, char delimiter, bool labels);

// A cell quoted for CSV when it holds the delimiter, a quote or a line break.
[[nodiscard]] std::string csv_cell(std::string_view s, char delimiter);
// The same, appended to `out`.
void append_csv_cell(std::string& out, std::string_view s, char delimiter);
// A JSON string literal (with quotes); control characters as \u00XX.
[[nodiscard]] std::string json_string(std::string_view s);

}  // namespace matchday::cli
