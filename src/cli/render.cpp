#include "render.hpp"

#include "matchday/integrity.hpp"

#include <algorithm>
#include <charconv>

#include "matchday/text.hpp"

namespace matchday::cli {
namespace {

bool is_integer(std::string_view s) {
  if (s.empty()) return false;
  long long v = 0;
  const char* b = s.data() + (s[0] == '+' ? 1 : 0);
  const auto r = std::from_chars(b, s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// A table cell is at most this many terminal columns wide (the last column
// of a row, free to run on, excepted): a longer value, such as the rest of a
// file read into one cell after a stray quote, is cut with "…".
constexpr std::size_t k_max_cell_width = 80;

// `s` as a table cell: line breaks and tabs as spaces, and at most `max`
// columns wide (0: no limit), cut with "…".
std::string_view table_cell(std::string_view s, std::size_t max, std::string& scratch) {
  if (has_controls(s)) {  // a cell's escape sequence is shown as nothing, never obeyed by the terminal
    const std::string clean = without_controls(s);
    const std::string_view r = table_cell(clean, max, scratch);
    if (r.data() != scratch.data()) scratch.assign(r);
    return scratch;
  }
  const bool controls = std::ranges::any_of(s, [](char c) { return c == '\n' || c == '\r' || c == '\t'; });
  if (!controls && (max == 0 || s.size() <= max || display_width(s) <= max)) return s;
  scratch.clear();
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    std::string_view ch = s.substr(i, len);
    if (ch == "\r" && i + 1 < s.size() && s[i + 1] == '\n') {
      ++i;
      continue;
    }
    if (ch == "\n" || ch == "\r" || ch == "\t") ch = " ";
    const std::size_t w = display_width(ch);
    if (max > 0 && width + w > max - 1 && display_width(s.substr(i)) + width > max) {
      scratch += "…";
      return scratch;
    }
    scratch += ch;
    width += w;
    i += len;
  }
  return scratch;
}

}  // namespace

void append_csv_cell(std::string& out, std::string_view s, char delimiter) {
  const bool plain = std::ranges::none_of(s, [&](char c) { return c == delimiter || c == '"' || c == '\n' || c == '\r'; });
  if (plain) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

DelimitedRow& DelimitedRow::text(std::string_view s) {
  separate();
  append_csv_cell(m_out, s, m_delim);
  return *this;
}

DelimitedRow& DelimitedRow::number(long long v) {
  separate();
  char buf[24];
  m_out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  return *this;
}

DelimitedRow& DelimitedRow::escaped(std::string_view s) {
  separate();
  m_out += s;
  return *this;
}

void DelimitedRow::end() {
  if (m_ended) return;
  m_ended = true;
  m_out += '\n';
}

void append_delimited_header(std::string& out, const std::vector<Column>& columns, char delimiter, bool labels) {
  DelimitedRow row(out, delimiter);
  for (const Column& c : columns) row.text(labels ? c.label : c.key);
}

std::string csv_cell(std::string_view s, char delimiter) {
  std::string out;
  append_csv_cell(out, s, delimiter);
  return out;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20) {
          static constexpr char k_hex[] = "0123456789abcdef";
          out += "\\u00";
          out += k_hex[u >> 4];
          out += k_hex[u & 15];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::string render_table(const std::vector<Sheet>& sheets, const RenderOptions& o) {
  std::string out;
  for (std::size_t si = 0; si < sheets.size(); ++si) {
    const Sheet& sheet = sheets[si];
    if (si > 0) out += '\n';
    if (!sheet.title.empty()) {
      out += o.colour ? "\x1b[1m" + sheet.title + "\x1b[0m" : sheet.title;
      out += '\n';
    }
    // Columns shown: optional ones only when some row has a value.
    std::vector<std::size_t> shown;
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
      const bool any = std::ranges::any_of(sheet.rows, [&](const auto& r) { return c < r.size() && !r[c].empty(); });
      if (sheet.columns[c].in_table && (!sheet.columns[c].optional || any)) shown.push_back(c);
    }
    std::vector<std::size_t> width(sheet.columns.size(), 0);
    std::string scratch;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      const std::size_t c = shown[k];
      const std::size_t max = k + 1 == shown.size() ? 0 : k_max_cell_width;
      width[c] = display_width(sheet.columns[c].label);
      for (const auto& r : sheet.rows) {
        if (c < r.size()) width[c] = std::max(width[c], display_width(table_cell(r[c], max, scratch)));
      }
    }
    auto emit_row = [&](auto cell_of, int style, bool header) {
      std::string line;
      for (std::size_t k = 0; k < shown.size(); ++k) {
        const std::size_t c = shown[k];
        const bool last = k + 1 == shown.size();
        const bool right = sheet.columns[c].numeric;
        std::string cell =
            pad(table_cell(cell_of(c), last ? 0 : k_max_cell_width, scratch), last && !right ? 0 : width[c], right);
        if (k > 0) line += "  ";
        line += cell;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      if (o.colour && header) line = "\x1b[1m" + line + "\x1b[0m";
      if (o.colour && style == 1) line = "\x1b[32m" + line + "\x1b[0m";
      if (o.colour && style == 2) line = "\x1b[31m" + line + "\x1b[0m";
      out += line;
      out += '\n';
    };
    emit_row([&](std::size_t c) -> std::string_view { return sheet.columns[c].label; }, 0, true);
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto& row = sheet.rows[r];
      emit_row([&](std::size_t c) -> std::string_view { return c < row.size() ? std::string_view(row[c]) : ""; },
               r < sheet.row_style.size() ? sheet.row_style[r] : 0, false);
    }
  }
  return out;
}

std::string render_delimited(const std::vector<Sheet>& sheets, char delimiter, const RenderOptions& o) {
  std::string out;
  if (sheets.empty()) return out;
  append_delimited_header(out, sheets.front().columns, delimiter, o.chinese_headers);
  for (const Sheet& sheet : sheets) {
    for (const auto& cells : sheet.rows) {
      DelimitedRow row(out, delimiter);
      for (const std::string& cell : cells) row.text(cell);
    }
  }
  return out;
}

std::string render_json(const std::vector<Sheet>& sheets) {
  std::string out = "[";
  bool first = true;
  for (const Sheet& sheet : sheets) {
    for (const auto& row : sheet.rows) {
      out += first ? "\n  {" : ",\n  {";
      first = false;
      for (std::size_t c = 0; c < row.size() && c < sheet.columns.size(); ++c) {
        if (c > 0) out += ", ";
        out += json_string(sheet.columns[c].key);
        out += ": ";
        const std::string& v = row[c];
        if (sheet.columns[c].numeric && is_integer(v)) {
          out += v[0] == '+' ? v.substr(1) : v;
        } else if (sheet.columns[c].numeric && v.empty()) {
          out += "null";
        } else {
          out += json_string(v);
        }
      }
      out += '}';
    }
  }
  out += first ? "]\n" : "\n]\n";
  return out;
}

std::string render_markdown(const std::vector<Sheet>& sheets) {
  std::string out;
  auto cell = [](std::string_view text) {
    const std::string clean = has_controls(text) ? without_controls(text) : std::string(text);
    std::string r;
    for (char c : clean) {
      if (c == '|') r += "\\|";
      else if (c == '\n' || c == '\r') r += ' ';
      else r += c;
    }
    return r;
  };
  for (std::size_t si = 0; si < sheets.size(); ++si) {
    const Sheet& sheet = sheets[si];
    if (si > 0) out += '\n';
    if (!sheet.title.empty()) out += "### " + cell(sheet.title) + "\n\n";
    std::vector<std::size_t> shown;
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
      if (sheet.columns[c].in_table) shown.push_back(c);
    }
    out += '|';
    for (std::size_t c : shown) out += ' ' + cell(sheet.columns[c].label) + " |";
    out += "\n|";
    for (std::size_t c : shown) out += sheet.columns[c].numeric ? " ---: |" : " --- |";
    out += '\n';
    for (const auto& row : sheet.rows) {
      out += '|';
      for (std::size_t c : shown) out += ' ' + cell(c < row.size() ? row[c] : std::string()) + " |";
      out += '\n';
    }
  }
  return out;
}

std::string render(const std::vector<Sheet>& sheets, Format f, const RenderOptions& o) {
  switch (f) {
    case Format::table: return render_table(sheets, o);
    case Format::csv: return render_delimited(sheets, ',', o);
    case Format::tsv: return render_delimited(sheets, '\t', o);
    case Format::json: return render_json(sheets);
    case Format::markdown: return render_markdown(sheets);
    case Format::xlsx: break;  // a binary file: write_xlsx (xlsx.hpp)
  }
  return {};
}

}  // namespace matchday::cli
