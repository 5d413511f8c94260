#include "xlsx.hpp"

#include <dlfcn.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

#include "matchday/text.hpp"

namespace matchday::cli {
namespace {

// Excel's limits: sheet names of 31 characters, cells of 32767.
constexpr std::size_t k_max_sheet_name = 31;
constexpr std::size_t k_max_cell_bytes = 32767;
constexpr double k_max_column_width = 60;
// Excel's "Good" and "Bad" cell styles.
constexpr lxw_color_t k_good_font = 0x006100;
constexpr lxw_color_t k_bad_fill = 0xFFC7CE;
constexpr lxw_color_t k_bad_font = 0x9C0006;
constexpr lxw_color_t k_header_fill = 0xD9E1F2;

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

std::string fold_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// `s` cut to at most `units` UTF-16 code units (Excel counts those), at a
// character boundary.
std::string cut_to_units(std::string_view s, std::size_t units) {
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t len = std::min(sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
    const std::size_t need = len == 4 ? 2 : 1;
    if (used + need > units) break;
    used += need;
    i += len;
  }
  return std::string(s.substr(0, i));
}

// `s` cut to at most `bytes` bytes at a character boundary.
std::string_view cut_to_bytes(std::string_view s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t len = sequence_length(static_cast<unsigned char>(s[i]));
    if (i + len > bytes) break;
    i += len;
  }
  return s.substr(0, i);
}

std::string legal_sheet_name(std::string_view title) {
  std::string out;
  for (char c : title) {
    const bool bad = c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' ||
                     (static_cast<unsigned char>(c) < 0x20);
    out += bad ? '_' : c;
  }
  while (!out.empty() && out.front() == '\'') out.erase(0, 1);
  out = cut_to_units(out, k_max_sheet_name);
  while (!out.empty() && out.back() == '\'') out.pop_back();
  return out;
}

// The cell as a number, when it is one Excel can hold exactly: a decimal with
// at most 15 significant digits (an 18-digit ID number stays text).
std::optional<double> as_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  if (s.empty() || !(s.front() == '-' || s.front() == '.' || (s.front() >= '0' && s.front() <= '9'))) {
    return std::nullopt;
  }
  std::size_t digits = 0;
  bool leading = true;
  for (char c : s) {
    if (c >= '1' && c <= '9') leading = false;
    if (c >= '0' && c <= '9' && !leading) ++digits;
  }
  if (digits > 15) return std::nullopt;
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// libxlsxwriter, opened with dlopen the first time a workbook is written
// rather than linked: it brings libcrypto, minizip and zlib along, and loading
// and relocating them was a third of the start-up of every run, though few
// runs write a workbook. Only the header is needed at build time; the .deb
// depends on the library by name (CMakeLists.txt). The names below are those
// of the header's functions, so a changed signature is a compile error.
struct XlsxWriter {
#define MATCHDAY_XLSX_FUNCTIONS(X)                                                                        \
  X(workbook_new) X(workbook_add_format) X(workbook_add_worksheet) X(workbook_close) X(format_set_bold)   \
  X(format_set_bg_color) X(format_set_bottom) X(format_set_font_color) X(worksheet_set_column)            \
  X(worksheet_write_string) X(worksheet_write_number) X(worksheet_write_blank) X(worksheet_freeze_panes)  \
  X(worksheet_set_header) X(lxw_strerror)
#define MATCHDAY_XLSX_MEMBER(name) decltype(&::name) name = nullptr;
  MATCHDAY_XLSX_FUNCTIONS(MATCHDAY_XLSX_MEMBER)
#undef MATCHDAY_XLSX_MEMBER
};

// The loaded library, or nullptr with the reason in `error`. Loaded once.
const XlsxWriter* xlsxwriter(std::string& error) {
  struct Loaded {
    XlsxWriter lib;
    std::string error;
  };
  static const Loaded loaded = [] {
    Loaded l;
    void* handle = ::dlopen(MATCHDAY_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = ::dlerror();
      l.error = std::string("cannot load " MATCHDAY_XLSXWRITER_SONAME ": ") + (why ? why : "unknown error");
      return l;
    }
#define MATCHDAY_XLSX_RESOLVE(name)                                                  \
    l.lib.name = reinterpret_cast<decltype(&::name)>(::dlsym(handle, #name));        \
    if (!l.lib.name && l.error.empty()) l.error = "cannot load " MATCHDAY_XLSXWRITER_SONAME ": no " #name;
    MATCHDAY_XLSX_FUNCTIONS(MATCHDAY_XLSX_RESOLVE)
#undef MATCHDAY_XLSX_RESOLVE
    return l;
  }();
  error = loaded.error;
  return loaded.error.empty() ? &loaded.lib : nullptr;
}
#undef MATCHDAY_XLSX_FUNCTIONS

}  // namespace

std::vector<std::string> xlsx_sheet_names(const std::vector<Sheet>& sheets) {
  std::vector<std::string> names;
  std::vector<std::string> taken{"history"};  // reserved by Excel
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    std::string base = legal_sheet_name(sheets[i].name.empty() ? sheets[i].title : sheets[i].name);
    if (base.empty()) base = "Sheet" + std::to_string(i + 1);
    std::string name = base;
    for (int n = 2; std::ranges::find(taken, fold_ascii(name)) != taken.end(); ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      name = cut_to_units(base, k_max_sheet_name - suffix.size()) + suffix;
    }
    taken.push_back(fold_ascii(name));
    names.push_back(std::move(name));
  }
  return names;
}

double xlsx_column_width(const Sheet& sheet, std::size_t column) {
  const Column& col = sheet.columns[column];
  std::size_t width = display_width(col.label.empty() ? col.key : col.label);
  for (const auto& row : sheet.rows) {
    if (column < row.size()) width = std::max(width, display_width(row[column]));
  }
  // Two more for the cell's padding and the bold header; never so wide a
  // long note hides the rest of the sheet.
  return std::min(static_cast<double>(width) + 2, k_max_column_width);
}

bool write_xlsx(const std::vector<Sheet>& sheets, const std::string& path, std::string& error) {
  const XlsxWriter* x = xlsxwriter(error);
  if (!x) return false;
  lxw_workbook* wb = x->workbook_new(path.c_str());
  if (!wb) {
    error = "cannot create the workbook";
    return false;
  }
  lxw_format* header = x->workbook_add_format(wb);
  x->format_set_bold(header);
  x->format_set_bg_color(header, k_header_fill);
  x->format_set_bottom(header, LXW_BORDER_THIN);
  // Good rows only in green letters: the red fill of the bad ones is what the eye should find.
  lxw_format* good = x->workbook_add_format(wb);
  x->format_set_font_color(good, k_good_font);
  lxw_format* bad = x->workbook_add_format(wb);
  x->format_set_bg_color(bad, k_bad_fill);
  x->format_set_font_color(bad, k_bad_font);

  lxw_error status = LXW_NO_ERROR;
  auto check = [&](lxw_error e) {
    if (status == LXW_NO_ERROR && e != LXW_NO_ERROR) status = e;
  };
  const std::vector<std::string> names = xlsx_sheet_names(sheets);
  for (std::size_t si = 0; si < sheets.size() && status == LXW_NO_ERROR; ++si) {
    const Sheet& sheet = sheets[si];
    lxw_worksheet* ws = x->workbook_add_worksheet(wb, names[si].c_str());
    if (!ws) {
      status = LXW_ERROR_SHEETNAME_ALREADY_USED;  // the only way our names can fail
      break;
    }
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      check(x->worksheet_set_column(ws, col, col, xlsx_column_width(sheet, c), nullptr));
      const Column& column = sheet.columns[c];
      const std::string& label = column.label.empty() ? column.key : column.label;
      check(x->worksheet_write_string(ws, 0, col, std::string(cut_to_bytes(label, k_max_cell_bytes)).c_str(), header));
    }
    x->worksheet_freeze_panes(ws, 1, 0);
    if (!sheet.name.empty() && !sheet.title.empty() && sheet.title != sheet.name) {
      // The title on every printed page ("&&" is a literal "&" in Excel's header codes).
      std::string page_header = "&C";
      for (char ch : cut_to_bytes(sheet.title, 200)) page_header += ch == '&' ? std::string("&&") : std::string(1, ch);
      check(x->worksheet_set_header(ws, page_header.c_str()));
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto& row = sheet.rows[r];
      const int style = r < sheet.row_style.size() ? sheet.row_style[r] : 0;
      lxw_format* f = style == 1 ? good : style == 2 ? bad : nullptr;
      const auto xr = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        const auto xc = static_cast<lxw_col_t>(c);
        const std::string_view cell = c < row.size() ? std::string_view(row[c]) : std::string_view();
        if (cell.empty()) {
          // A blank cell still carries the row's fill.
          if (style == 2) check(x->worksheet_write_blank(ws, xr, xc, f));
        } else if (auto n = sheet.columns[c].numeric ? as_number(cell) : std::nullopt) {
          check(x->worksheet_write_number(ws, xr, xc, *n, f));
        } else {
          check(x->worksheet_write_string(ws, xr, xc, std::string(cut_to_bytes(cell, k_max_cell_bytes)).c_str(), f));
        }
      }
    }
  }
  // workbook_close frees the workbook whatever happens, and writes the file.
  const lxw_error closed = x->workbook_close(wb);
  if (status == LXW_NO_ERROR) status = closed;
  if (status != LXW_NO_ERROR) {
    error = x->lxw_strerror(status);
    return false;
  }
  return true;
}

}  // namespace matchday::cli
