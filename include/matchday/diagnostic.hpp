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
#include <utility>
#include <vector>

namespace matchday {

enum class Severity { error, warning };

// A diagnostic's message code, e.g. "goals_not_count" (messages.hpp). It owns
// its characters, so a code made at run time ("crit." + name) or read from a
// temporary cannot dangle; it reads as a std::string_view. Codes are short
// (the string's own buffer holds them: no allocation).
class MessageCode {
 public:
  MessageCode() = default;
  MessageCode(std::string_view code) : m_code(code) {}         // NOLINT(google-explicit-constructor)
  MessageCode(const char* code) : m_code(code) {}              // NOLINT(google-explicit-constructor)
  MessageCode(const std::string& code) : m_code(code) {}       // NOLINT(google-explicit-constructor)
  MessageCode(std::string&& code) : m_code(std::move(code)) {}  // NOLINT(google-explicit-constructor)

  operator std::string_view() const noexcept { return m_code; }  // NOLINT(google-explicit-constructor)
  [[nodiscard]] const std::string& str() const noexcept { return m_code; }
  [[nodiscard]] bool empty() const noexcept { return m_code.empty(); }

  friend bool operator==(const MessageCode&, const MessageCode&) = default;
  friend bool operator==(const MessageCode& a, std::string_view b) noexcept { return a.m_code == b; }
  friend bool operator==(const MessageCode& a, const char* b) noexcept { return a.m_code == b; }

 private:
  std::string m_code;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string source;     // file as the user named it ("-" for standard input)
  std::size_t line = 0;   // physical line where the record starts; 0: the whole file
  std::string column;     // the column's header as written in the file; may be empty
  std::string value;      // the offending value as read; may be empty
  MessageCode code;       // stable message key, e.g. "goals_not_count" (messages.hpp)
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
