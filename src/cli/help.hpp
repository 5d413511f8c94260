// The command line in the user's language: help texts, CLI11's labels and its
// parse errors, from the message catalogue (codes help.*, cli.*).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "matchday/messages.hpp"

namespace matchday::cli {

// The language of the help and of parse errors, decided before parsing:
// `--lang zh` / `--lang=zh` in `args` (args[0] is the program), else Chinese
// when `env_lang` (LC_ALL, LC_MESSAGES or LANG) starts with "zh".
[[nodiscard]] Lang help_language(const std::vector<std::string>& args, std::string_view env_lang);

// Puts `app` and all its subcommands into `lang`: descriptions, footers and
// option descriptions from the catalogue, the help labels, and parse errors
// in that language. An option's text is `help.<command>.<option>` (the
// command is `matchday` for the top level), else `help.common.<option>`;
// a command's is `help.<command>` and `help.<command>.footer`.
// Returns the problems: every text with no catalogue entry, or whose English
// entry differs from the text in the code (the translation would be stale),
// as "code: English text". Empty when all is translated.
std::vector<std::string> localise_help(CLI::App& app, Lang lang);

// A CLI11 parse error in `lang`: CLI11's own message in English; in Chinese a
// translation of each form CLI11 2.1 produces (the English as a fallback).
[[nodiscard]] std::string cli_error_message(const CLI::Error& e, Lang lang);

}  // namespace matchday::cli
