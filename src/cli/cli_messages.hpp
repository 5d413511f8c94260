// The command line's message catalogue (cli_messages.cpp): help texts, CLI11's
// words, the messages about options and output, hints added to core messages.
#pragma once

#include <span>
#include <string_view>

#include "matchday/messages.hpp"

namespace matchday::cli {

// Every entry of the command line's catalogue, in a fixed order.
[[nodiscard]] std::span<const MessageEntry> cli_catalogue();

// The template of `code` in `lang`: the command line's catalogue first, then
// the core's (message_template); the code itself when neither has it.
[[nodiscard]] std::string_view cli_template(std::string_view code, Lang lang);

// True when the command line's catalogue has `code`.
[[nodiscard]] bool has_cli_entry(std::string_view code);

}  // namespace matchday::cli
