// Diagnostics: every problem found in the input, as a value with its position.
//
// The core never prints and never throws on bad input. Loaders keep going past a
// bad row and return all of its diagnostics, so a user sees every problem at once.
// A diagnostic carries a stable code and its parameters; the wording (English or
// Chinese) comes from the message catalogue (messages.hpp) when it is shown.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace matchday {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string source;     // file as the user named it ("-" for standard input)
  std::size_t line = 0;   // physical line where the record starts; 0: the whole file
  std::string column;     // the column's header as written in the file; may be empty
  std::string value;      // the offending value as read; may be empty
  std::string_view code;  // stable message key, e.g. "goals_not_count" (messages.hpp)
  std::vector<std::string> args;  // message parameters {0}, {1}, ...

  bool operator==(const Diagnostic&) const = default;
};

// Upper bound on the errors kept for one file; the rest are counted, not stored.
inline constexpr std::size_t k_max_errors_per_file = 50;

// Collects the diagnostics of one source and counts those beyond the cap.
class DiagnosticSink {
 public:
  DiagnosticSink(std::vector<Diagnostic>& out, std::string_view source)
      : m_out(out), m_source(source) {}
  // Adds one `more_errors` diagnostic counting the errors that were not kept.
  ~DiagnosticSink();
  DiagnosticSink(const DiagnosticSink&) = delete;
  DiagnosticSink& operator=(const DiagnosticSink&) = delete;

  // Adds `d`; errors beyond k_max_errors_per_file for the same source are
  // only counted (see suppressed()).
  void add(Diagnostic d);
  std::size_t error_count() const { return m_errors; }
  std::size_t suppressed() const { return m_suppressed; }

 private:
  std::vector<Diagnostic>& m_out;
  std::string m_source;
  std::size_t m_errors = 0;
  std::size_t m_suppressed = 0;
};

// True when any diagnostic in `ds` is an error (not a warning).
[[nodiscard]] bool has_errors(const std::vector<Diagnostic>& ds);

}  // namespace matchday
