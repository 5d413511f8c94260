// .xls through FreeXL: its cells as the CSV text the table readers take, as
// for .xlsx (matchday/workbook.hpp): numbers as Excel's General format shows
// them (an ID stored as a number is never trusted), dates as FreeXL gives
// them (YYYY-MM-DD, with the time when there is one).
#include <freexl.h>

#include "matchday/workbook.hpp"
#include "xls.hpp"

namespace matchday::cli {

bool read_xls(const std::string& path, std::string_view source, std::vector<XlsSheet>& out,
              std::vector<Diagnostic>& diags) {
  const auto fail = [&](std::string_view code, std::string arg) {
    diags.push_back({Severity::error, std::string(source), 0, "", "", code, {std::move(arg)}});
    return false;
  };
  const void* handle = nullptr;
  const int rc = freexl_open(path.c_str(), &handle);
  if (rc != FREEXL_OK) {
    if (handle) freexl_close(handle);
    return fail("workbook.xls_corrupt", std::to_string(rc));
  }
  unsigned int info = 0;
  if (freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info != FREEXL_BIFF_PLAIN) {
    freexl_close(handle);
    return fail("workbook.encrypted", "");
  }
  unsigned int count = 0;
  if (freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK) count = 0;
  SheetTextWriter w;
  for (unsigned short s = 0; s < count; ++s) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(handle, s, &name) != FREEXL_OK) continue;
    if (freexl_select_active_worksheet(handle, s) != FREEXL_OK) continue;
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(handle, &rows, &cols) != FREEXL_OK) continue;
    for (unsigned int r = 0; r < rows; ++r) {
      for (unsigned short c = 0; c < cols; ++c) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(handle, r, c, &v) != FREEXL_OK) continue;
        std::string text;
        switch (v.type) {
          case FREEXL_CELL_INT: text = general_number(v.value.int_value); break;
          case FREEXL_CELL_DOUBLE: text = general_number(v.value.double_value); break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_TIME:
            if (v.value.text_value) text = v.value.text_value;
            break;
          case FREEXL_CELL_DATETIME:
            if (v.value.text_value) text = v.value.text_value;
            if (text.ends_with(" 00:00:00")) text.resize(text.size() - 9);
            break;
          default: break;
        }
        if (!text.empty()) w.cell(r + 1, c, text);
      }
    }
    out.push_back({name ? name : "Sheet" + std::to_string(s + 1), w.finish()});
  }
  freexl_close(handle);
  if (out.empty()) return fail("workbook.no_sheets", "");
  return true;
}

}  // namespace matchday::cli
