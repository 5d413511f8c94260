// .xls workbooks (the old binary format WPS still saves): read through
// FreeXL (Debian's libfreexl-dev) where the build has it (CMake option
// MATCHDAY_XLS; xls_freexl.cpp), refused by name otherwise (xls_refuse.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "matchday/diagnostic.hpp"

namespace matchday::cli {

struct XlsSheet {
  std::string name;
  std::string text;  // CSV text, line N = row N (SheetTextWriter)
};

// The sheets of the .xls file `path`; on failure (or without FreeXL) false
// with an error in `diags` (source `source`).
bool read_xls(const std::string& path, std::string_view source, std::vector<XlsSheet>& out,
              std::vector<Diagnostic>& diags);

}  // namespace matchday::cli
