#include "help.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <regex>

#include "cli_messages.hpp"
#include "matchday/text.hpp"

namespace matchday::cli {
namespace {

std::optional<MessageEntry> find_entry(std::string_view code) {
  for (const MessageEntry& e : cli_catalogue()) {
    if (e.code == code) return e;
  }
  return std::nullopt;
}

std::string text_of(std::string_view code, Lang lang, std::vector<std::string> args = {}) {
  return substitute(cli_template(code, lang), args);
}

// CLI11's help labels, and the type names it shows after an option.
constexpr std::string_view k_labels[] = {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals",
                                         "REQUIRED", "Env", "Needs", "Excludes"};
constexpr std::string_view k_types[] = {"TEXT", "INT", "UINT", "FLOAT", "NUMBER"};
constexpr std::string_view k_common_options[] = {"help", "rules", "format", "output", "bom",
                                                 "encoding", "lang", "delimiter", "sheet"};

class LocalFormatter : public CLI::Formatter {
 public:
  explicit LocalFormatter(Lang lang) : m_lang(lang) {
    if (lang == Lang::zh) {
      for (std::string_view l : k_labels) label(std::string(l), text_of("help.label." + std::string(l), lang));
    }
  }

  // The type name CLI11 prints (TEXT, INT, ...) with the validator after it:
  // only the type name is translated.
  // CLI::detail::format_help, padding by display width rather than bytes, so
  // that Chinese type names and labels keep the descriptions aligned.
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string desc = make_option_desc(opt);
    const std::string indent(column_width_, ' ');
    std::string out = name;
    if (!desc.empty()) {
      const std::size_t width = display_width(name);
      out += width >= column_width_ ? "\n" + indent : std::string(column_width_ - width, ' ');
      for (char c : desc) {
        out += c;
        if (c == '\n') out += indent;
      }
    } else if (display_width(name) < column_width_) {
      out += std::string(column_width_ - display_width(name), ' ');
    }
    return out + "\n";
  }

  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string s = CLI::Formatter::make_option_opts(opt);
    if (m_lang != Lang::zh) return s;
    for (std::string_view t : k_types) {
      const std::string token = " " + std::string(t);
      if (s.starts_with(token) && (s.size() == token.size() || std::string_view(":= ").find(s[token.size()]) !=
                                                                   std::string_view::npos)) {
        s.replace(1, t.size(), text_of("help.type." + std::string(t), m_lang));
        break;
      }
    }
    return s;
  }

 private:
  Lang m_lang;
};

// The option's name as used in codes: "--output" -> "output", "files" -> "files".
std::string option_key(const CLI::Option* opt) {
  std::string name = opt->get_name();
  while (name.starts_with("-")) name.erase(0, 1);
  return name;
}

// Sets `text` from the catalogue entry `code` (in `lang`); reports a missing
// entry, or one whose English is not `text` (the code changed, the catalogue did not).
void localise_text(const std::string& code, const std::string& text, Lang lang, std::vector<std::string>& problems,
                   const std::function<void(std::string)>& set) {
  if (text.empty()) return;
  const auto entry = find_entry(code);
  if (!entry) {
    problems.push_back(code + ": " + text);
    return;
  }
  if (entry->en != text) problems.push_back(code + ": the catalogue's English differs from the code's: " + text);
  if (lang == Lang::zh) set(std::string(entry->zh));
}

void localise(CLI::App& app, const std::string& command, Lang lang, std::vector<std::string>& problems) {
  app.formatter(std::make_shared<LocalFormatter>(lang));
  // As CLI::FailureMessage::simple, with the message from cli_error_message.
  app.failure_message([lang](const CLI::App* a, const CLI::Error& e) {
    std::string out = cli_error_message(e, lang) + "\n";
    if (a->get_help_ptr() != nullptr) out += text_of("cli.run_help", lang) + "\n";
    return out;
  });
  const std::string prefix = "help." + command;
  localise_text(prefix, app.get_description(), lang, problems, [&](std::string s) { app.description(s); });
  localise_text(prefix + ".footer", app.get_footer(), lang, problems, [&](std::string s) { app.footer(s); });
  for (CLI::Option* opt : app.get_options()) {
    const std::string key = option_key(opt);
    // The common options (add_common_options, and CLI11's --help) share one
    // text unless a command has its own; every other option has its own.
    const std::string own = prefix + "." + key;
    const bool common = std::ranges::find(k_common_options, key) != std::end(k_common_options);
    const std::string code = common && !find_entry(own) ? "help.common." + key : own;
    localise_text(code, opt->get_description(), lang, problems, [&](std::string s) { opt->description(s); });
    if (lang == Lang::zh && opt->get_group() == "Options") opt->group(text_of("help.label.Options", lang));
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    if (lang == Lang::zh && sub->get_group() == "Subcommands") sub->group(text_of("help.label.Subcommands", lang));
    localise(*sub, sub->get_name(), lang, problems);
  }
}

// `what` matched against `pattern`: the groups, or nothing.
std::optional<std::vector<std::string>> match(const std::string& what, const char* pattern) {
  std::smatch m;
  if (!std::regex_match(what, m, std::regex(pattern))) return std::nullopt;
  std::vector<std::string> groups;
  for (std::size_t i = 1; i < m.size(); ++i) groups.push_back(m[i].str());
  return groups;
}

// "0.000000" -> "0": how CLI::Range prints its bounds, made readable.
std::string trim_number(std::string s) {
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

bool is_number(const std::string& s) {
  static const std::regex number(R"([-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?)");
  return std::regex_match(s, number);
}

}  // namespace

Lang help_language(const std::vector<std::string>& args, std::string_view env_lang) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string value;
    if (args[i] == "--") break;
    if (args[i] == "--lang" && i + 1 < args.size()) {
      value = args[i + 1];
    } else if (args[i].starts_with("--lang=")) {
      value = args[i].substr(7);
    } else {
      continue;
    }
    return fold_key(value) == "zh" ? Lang::zh : Lang::en;
  }
  return env_lang.starts_with("zh") ? Lang::zh : Lang::en;
}

std::vector<std::string> localise_help(CLI::App& app, Lang lang) {
  std::vector<std::string> problems;
  localise(app, app.get_name(), lang, problems);
  return problems;
}

std::string cli_error_message(const CLI::Error& e, Lang lang) {
  const std::string what = e.what();
  // A range with no upper end (CLI::NonNegativeNumber) prints the largest
  // double in full, and a word where a number belongs is no range problem:
  // say both plainly, in English too.
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
    if (auto g = match(what, "(.+?): Value (.*) not in range (.*) to (.*)")) {
      const std::vector<std::string>& v = *g;
      if (!is_number(v[1])) return text_of("cli.not_number", lang, {v[0], v[1]});
      if (v[3].size() > 30) return text_of("cli.below_minimum", lang, {v[0], v[1], trim_number(v[2])});
      if (lang == Lang::zh) return text_of("cli.not_in_range", lang, {v[0], v[1], trim_number(v[2]), trim_number(v[3])});
    }
  }
  if (lang == Lang::en) return what;
  // The class, not get_name(): CLI11 names some errors after the subcommand.
  const std::string name = dynamic_cast<const CLI::ExtrasError*>(&e)        ? "ExtrasError"
                         : dynamic_cast<const CLI::RequiredError*>(&e)      ? "RequiredError"
                         : dynamic_cast<const CLI::ValidationError*>(&e)    ? "ValidationError"
                         : dynamic_cast<const CLI::ConversionError*>(&e)    ? "ConversionError"
                         : dynamic_cast<const CLI::ArgumentMismatch*>(&e)   ? "ArgumentMismatch"
                         : dynamic_cast<const CLI::ExcludesError*>(&e)      ? "ExcludesError"
                         : dynamic_cast<const CLI::RequiresError*>(&e)      ? "RequiresError"
                                                                            : e.get_name();
  struct Form {
    const char* error;    // the CLI::Error subclass
    const char* pattern;  // its message (CLI/Error.hpp, CLI/Validators.hpp)
    const char* code;
  };
  static const Form k_forms[] = {
      {"ExtrasError", "The following arguments? (?:was|were) not expected: (.*)", "cli.extras"},
      {"RequiredError", "A subcommand is required", "cli.subcommand_required"},
      {"RequiredError", "(.+) is required", "cli.required"},
      {"ValidationError", "(.+?): (.*) not in (\\{.*\\})", "cli.not_in"},
      {"ValidationError", "(.+?): File does not exist: (.*)", "cli.no_file"},
      {"ValidationError", "(.+?): (?:File is actually a directory|Directory does not exist|Path does not exist): (.*)",
       "cli.bad_path"},
      {"ValidationError", "(.+?): (.*)", "cli.invalid"},
      {"ConversionError", "Could not convert: (.+) = (.*)", "cli.conversion"},
      {"ConversionError", "The value (.*) is not an allowed value for (.+)", "cli.conversion_swapped"},
      {"ConversionError", "(.+): too many inputs for a flag", "cli.flag_value"},
      {"ConversionError", "(.+): Should be true/false or a number", "cli.flag_value"},
      {"ArgumentMismatch", "(.+): (\\d+) required (.+) missing", "cli.missing_value"},
      {"ArgumentMismatch", "Expected exactly (\\d+) arguments to (.+), got (\\d+)", "cli.argument_count"},
      {"ArgumentMismatch", "Expected at least (\\d+) arguments to (.+), got (\\d+)", "cli.argument_count_min"},
      {"ExcludesError", "(.+) excludes (.+)", "cli.excludes"},
      {"RequiresError", "(.+) requires (.+)", "cli.requires"},
  };
  for (const Form& f : k_forms) {
    if (name != f.error) continue;
    if (auto groups = match(what, f.pattern)) return text_of(f.code, lang, std::move(*groups));
  }
  return text_of("cli.other", lang, {what});
}

}  // namespace matchday::cli
