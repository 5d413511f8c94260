// The Excel renderer: Sheets to an .xlsx workbook (libxlsxwriter), for users
// who live in Excel and WPS. One worksheet per Sheet.
#pragma once

#include <string>
#include <vector>

#include "render.hpp"

namespace matchday::cli {

// The worksheet names for `sheets`, in order: each Sheet::name (or, when it is
// empty, Sheet::title) made legal for
// Excel (at most 31 characters, none of []:*?/\, not starting or ending with
// an apostrophe, not "History") and unique ignoring ASCII case, by appending
// " (2)", " (3)", ... An empty title becomes "Sheet1", "Sheet2", ... by position.
[[nodiscard]] std::vector<std::string> xlsx_sheet_names(const std::vector<Sheet>& sheets);

// The width of a column in Excel's units (about one digit), fitted to its
// header and cells by display_width(), so Chinese names are not cut off.
[[nodiscard]] double xlsx_column_width(const Sheet& sheet, std::size_t column);

// Writes `sheets` as a workbook at `path` (the caller makes it atomic):
// the title of a sheet with a name of its own as the printed page header;
// a bold header row of Column::label (Column::key when the label is empty),
// frozen; every column of the Sheet (as in CSV output); cells of numeric
// columns that hold a number written as numbers, everything else as text;
// row_style 1 rows in green letters, 2 rows filled light red with dark red
// letters (Excel's "Bad" style), so that the ineligible rows stand out.
// On failure returns false with libxlsxwriter's reason in `error`.
bool write_xlsx(const std::vector<Sheet>& sheets, const std::string& path, std::string& error);

}  // namespace matchday::cli
