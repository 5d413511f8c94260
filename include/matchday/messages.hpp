// The message catalogue: the English and Chinese wording of every diagnostic,
// label and summary line, looked up by a stable code.
//
// Codes are stable (tests and scripts may match them); wording may improve.
// Templates use {0}, {1}, ... for the diagnostic's args.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "matchday/diagnostic.hpp"

namespace matchday {

enum class Lang { en, zh };

struct MessageEntry {
  std::string_view code;
  std::string_view en;
  std::string_view zh;
};

// Every entry of the catalogue, in a fixed order (for the translation test).
[[nodiscard]] std::span<const MessageEntry> message_catalogue();

// The template of `code` in `lang`; the code itself when it is unknown.
[[nodiscard]] std::string_view message_template(std::string_view code, Lang lang);

// `templ` with {0}, {1}, ... replaced by `args` (a missing arg expands to "").
[[nodiscard]] std::string substitute(std::string_view templ,
                                     std::span<const std::string> args);

// The message of `d` alone, e.g. `goals must be a whole number ...`.
[[nodiscard]] std::string message_text(const Diagnostic& d, Lang lang);

// The whole line shown to a user:
//   `groupA.csv:7: home_goals "x": goals must be ...`
//   `groupA.csv:7: warning: ...`
// `file:` only when the line is 0; the column/value part only when present.
[[nodiscard]] std::string format_diagnostic(const Diagnostic& d, Lang lang);

}  // namespace matchday
