#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "app.hpp"
#include "cli_messages.hpp"
#include "help.hpp"
#include "matchday/messages.hpp"

using namespace matchday;
using namespace matchday::cli;

TEST_SUITE_BEGIN("help");

namespace {

Output run(std::vector<std::string> args, std::string env_lang = "C.UTF-8") {
  Output io;
  io.env_lang = std::move(env_lang);
  run_cli(std::move(args), io);
  return io;
}

bool has_cjk(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xE3 && b <= 0xE9) return true;  // U+3000..U+9FFF: CJK, kana, punctuation
    if (b == 0xEF && (static_cast<unsigned char>(s[i + 1]) & 0xFC) == 0xBC) return true;  // U+FF00..U+FFFF: full width
  }
  return false;
}

bool known_code(std::string_view code) {
  for (const MessageEntry& e : message_catalogue()) {
    if (e.code == code) return true;
  }
  return has_cli_entry(code);
}

}  // namespace

TEST_CASE("every help text of every command has a catalogue entry, and the entry is current") {
  for (const std::string& p : untranslated_help()) {
    INFO(p);  // add the code to src/cli/cli_messages.cpp, or update its English and Chinese
    CHECK(false);
  }
}

TEST_CASE("every catalogue entry is translated: its Chinese has Chinese in it") {
  // Unless the English has no words either ("{0} {2}-{3} {1}", "?").
  const std::regex word("[A-Za-z]{2,}");
  std::vector<MessageEntry> entries(message_catalogue().begin(), message_catalogue().end());
  entries.insert(entries.end(), cli_catalogue().begin(), cli_catalogue().end());
  for (const MessageEntry& e : entries) {
    CAPTURE(e.code);
    CAPTURE(e.zh);
    CHECK((has_cjk(e.zh) || !std::regex_search(std::string(e.en), word)));
  }
}

TEST_CASE("every message code in the source is in the catalogue") {
  // The forms a code is passed in: tr(ctx, "code" ...), a Diagnostic's code
  // followed by its args ("code", {...}), and the helpers that take a code.
  const std::regex forms[] = {
      std::regex(R"re(\btr\(\s*\w+\s*,\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)")re"),
      std::regex(R"re("([a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)",\s*\{)re"),
      std::regex(R"re(\b(?:fail|option_error|error|warning|text_of|message_template)\(\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)")re"),
      std::regex(R"re(\b(?:fail|fail_value|count|error|warning)\([^;()]*,\s*"([a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)")re"),
  };
  std::size_t seen = 0;
  const std::filesystem::path root = std::filesystem::path(MATCHDAY_SOURCE_DIR) / "src";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".cpp") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (const std::regex& form : forms) {
      for (auto it = std::sregex_iterator(source.begin(), source.end(), form); it != std::sregex_iterator(); ++it) {
        const std::string code = (*it)[1].str();
        ++seen;
        INFO(path.filename().string() << " uses \"" << code << "\"");
        CHECK(known_code(code));
      }
    }
  }
  CHECK(seen > 50);  // the scan found the codes at all
}

TEST_CASE("the help language: --lang first, then the environment") {
  CHECK(help_language({"matchday", "standings", "--lang", "zh"}, "C") == Lang::zh);
  CHECK(help_language({"matchday", "--lang=ZH", "standings"}, "") == Lang::zh);
  CHECK(help_language({"matchday", "standings"}, "zh_CN.UTF-8") == Lang::zh);
  CHECK(help_language({"matchday", "standings", "--lang", "en"}, "zh_CN.UTF-8") == Lang::en);
  CHECK(help_language({"matchday", "standings"}, "en_US.UTF-8") == Lang::en);
  CHECK(help_language({"matchday", "--", "--lang", "zh"}, "C") == Lang::en);
}

TEST_CASE("help under zh: every option described in Chinese") {
  for (const char* command : {"standings", "eligibility", "fixtures", "knockout", "rules", "scorers", "discipline", "lineup"}) {
    CAPTURE(command);
    const Output io = run({"matchday", command, "--help"}, "zh_CN.UTF-8");
    CHECK(io.out.find("用法:") != std::string::npos);
    // An option line: two spaces, the option, two or more spaces, the
    // description; or, for a long option, the description on the next line.
    std::istringstream lines(io.out);
    std::string line;
    int options = 0;
    const std::regex option_line(R"(^  (-\S+|[a-z]+)\b.*?\s{2,}(\S.*)$)");
    const std::regex long_option_line(R"(^  (-\S+|[a-z]+)\b\S*( \S+)*$)");
    const std::regex continuation(R"(^ {30}(\S.*)$)");
    bool expect_continuation = false;
    while (std::getline(lines, line)) {
      std::smatch m;
      CAPTURE(line);
      if (expect_continuation && std::regex_match(line, m, continuation)) {
        ++options;
        CHECK(has_cjk(m[1].str()));
      } else if (std::regex_match(line, m, option_line)) {
        ++options;
        CHECK(has_cjk(m[2].str()));
      }
      expect_continuation = std::regex_match(line, long_option_line);
    }
    CHECK(options >= 3);
  }
  const Output top = run({"matchday", "--help"}, "zh_CN.UTF-8");
  CHECK(top.out.find("子命令:") != std::string::npos);
  CHECK(top.out.find("示例") != std::string::npos);
}

TEST_CASE("CLI11's parse errors in Chinese") {
  SUBCASE("each form CLI11 2.1 produces has a translation") {
    // Held by pointer: the translation looks at the error's class.
    const std::pair<std::shared_ptr<const CLI::Error>, std::string> cases[] = {
        {std::make_shared<CLI::ExtrasError>(std::vector<std::string>{"foo"}), "无法识别的参数：foo"},
        {std::make_shared<CLI::ExtrasError>("standings", std::vector<std::string>{"a", "b"}), "无法识别的参数：b a"},
        {std::make_shared<CLI::RequiredError>("A subcommand"), "缺少子命令"},
        {std::make_shared<CLI::RequiredError>("files"), "缺少必需的参数：files"},
        {std::make_shared<CLI::ValidationError>("--format", "xml not in {table,csv}"), "--format：不能是“xml”"},
        {std::make_shared<CLI::ValidationError>("--every", "Value 0 not in range 1 to 366"),
         "--every：0 必须在 1 到 366 之间"},
        {std::make_shared<CLI::ConversionError>("--through", std::vector<std::string>{"x"}), "--through：无法理解“x”"},
        {std::make_shared<CLI::ArgumentMismatch>(CLI::ArgumentMismatch::TypedAtLeast("--group", 1, "TEXT")),
         "--group 后面缺少值"},
        {std::make_shared<CLI::ExcludesError>("--a", "--b"), "--a 不能与 --b 同时使用"},
    };
    for (const auto& [pointer, expected] : cases) {
      const CLI::Error& error = *pointer;
      CAPTURE(error.what());
      const std::string zh = cli_error_message(error, Lang::zh);
      CAPTURE(zh);
      CHECK(zh.find(expected) != std::string::npos);
      CHECK(cli_error_message(error, Lang::en) == error.what());
    }
  }
  SUBCASE("a form not known falls back to the English, introduced in Chinese") {
    const std::string zh = cli_error_message(CLI::ConfigError("something new"), Lang::zh);
    CHECK(zh.find("something new") != std::string::npos);
    CHECK(has_cjk(zh));
  }
  SUBCASE("CLI::NonNegativeNumber's range, plainly, in both languages") {
    Output en = run({"matchday", "standings", "--through=-1", "x.csv"});
    CHECK(en.err == "--through: -1 must be at least 0\nRun with --help for more information.\n");
    Output zh = run({"matchday", "standings", "--through=-1", "x.csv"}, "zh_CN.UTF-8");
    CHECK(zh.err == "--through：-1 不能小于 0\n加上 --help 可查看用法说明。\n");
    Output word = run({"matchday", "standings", "--through", "x", "x.csv"});
    CHECK(word.err.starts_with("--through: \"x\" is not a number"));
  }
  SUBCASE("through run_cli: the exit code stays 2, the message is Chinese") {
    Output io;
    io.env_lang = "C";
    CHECK(run_cli({"matchday", "standings", "--lang", "zh", "--format", "xml", "x.csv"}, io) == 2);
    CHECK(io.err.find("--format：不能是“xml”") != std::string::npos);
    CHECK(io.err.find("--help") != std::string::npos);
    CHECK(io.err.find("Run with") == std::string::npos);
  }
}

TEST_SUITE_END();
