#include "matchday/diagnostic.hpp"

#include <string>

namespace matchday {

void DiagnosticSink::add(Diagnostic d) {
  if (d.severity == Severity::error) {
    ++m_errors;
    if (m_errors > k_max_errors_per_file) {
      ++m_suppressed;
      return;
    }
  }
  m_out.push_back(std::move(d));
}

DiagnosticSink::~DiagnosticSink() {
  if (m_suppressed > 0) {
    m_out.push_back({Severity::error, m_source, 0, "", "", "more_errors", {std::to_string(m_suppressed)}});
  }
}

bool has_errors(const std::vector<Diagnostic>& ds) {
  for (const Diagnostic& d : ds) {
    if (d.severity == Severity::error) return true;
  }
  return false;
}

}  // namespace matchday
