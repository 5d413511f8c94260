// The message catalogue: the English and Chinese wording of every diagnostic,
// label and summary line, looked up by a stable code.
//
// Codes are stable (tests and scripts may match them); wording may improve.
// Templates use {0}, {1}, ... for the diagnostic's args: fmt's positional
// replacement fields, filled at run time (a literal brace is written {{ or }}).
// The command line keeps its own texts (help, option errors) in a catalogue
// of the same form in src/cli/cli_messages.cpp.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

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

// `templ` with {0}, {1}, ... replaced by `args` (fmt's run-time positional
// formatting). A template that asks for an argument not given, or that is not
// a valid format string, is a fault of the code, not of the input: it is
// reported to the fault handler (below), and the text keeps the placeholders
// it could not fill ("... {2} ...") so that it is visibly wrong, never
// silently shortened. It does not throw: a message with a hole in it is worth
// more to the user than a run that stops before saying anything.
[[nodiscard]] std::string substitute(std::string_view templ,
                                     std::span<const std::string> args);

// Called on every such fault with the template and fmt's reason; none by
// default (a release build only shows the placeholders). The unit tests set
// one that fails the test, so a missing argument is an error there. It may be
// called from any thread. Returns the previous handler.
using MessageFaultHandler = void (*)(std::string_view templ, std::string_view reason);
MessageFaultHandler set_message_fault_handler(MessageFaultHandler handler);

// The placeholders of a template, e.g. {0, 1} for "{0} and {1} meet"; empty
// when it has none. For the test that the English and the Chinese of an entry
// use the same ones.
[[nodiscard]] std::vector<int> placeholders(std::string_view templ);

// The message of `d` alone, e.g. `goals must be a whole number ...`.
[[nodiscard]] std::string message_text(const Diagnostic& d, Lang lang);

// The whole line shown to a user:
//   `groupA.csv:7: home_goals "x": goals must be ...`
//   `groupA.csv:7: warning: ...`
// `file:` only when the line is 0; the column/value part only when present.
[[nodiscard]] std::string format_diagnostic(const Diagnostic& d, Lang lang);

}  // namespace matchday
