// Built without FreeXL (e.g. for Windows): an .xls is refused by name.
#include "xls.hpp"

namespace matchday::cli {

bool read_xls(const std::string&, std::string_view source, std::vector<XlsSheet>&, std::vector<Diagnostic>& diags) {
  diags.push_back({Severity::error, std::string(source), 0, "", "", "workbook.xls_refused", {}});
  return false;
}

}  // namespace matchday::cli
