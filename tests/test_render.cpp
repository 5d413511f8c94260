// The output path: the JSON escaper, the one delimited writer, the one colour
// rule; and the two UTF-8 checks held to the same answers.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "app.hpp"
#include "common.hpp"
#include "render.hpp"
#include "text_detail.hpp"

using namespace matchday;
using namespace matchday::cli;

TEST_SUITE_BEGIN("render");

TEST_CASE("json_string escapes what JSON requires, and nothing else") {
  CHECK(json_string("") == "\"\"");
  CHECK(json_string("plain") == "\"plain\"");
  CHECK(json_string("say \"hi\"") == R"("say \"hi\"")");
  CHECK(json_string("a\\b") == R"("a\\b")");
  CHECK(json_string("1\n2\r3\t4") == R"("1\n2\r3\t4")");
  CHECK(json_string(std::string("\x01\x1f", 2)) == R"("\u0001\u001f")");
  CHECK(json_string(std::string_view("a\0b", 3)) == R"("a\u0000b")");
  CHECK(json_string("\x7f") == "\"\x7f\"");           // DEL is allowed as it is
  CHECK(json_string("/") == "\"/\"");                 // the solidus is not escaped
  CHECK(json_string("西宁市 · 海东") == "\"西宁市 · 海东\"");  // UTF-8 passes through
}

TEST_CASE("DelimitedRow: separators, quoting, numbers; render_delimited writes through it") {
  std::string out;
  {
    DelimitedRow row(out, ',');
    row.text("a").number(-12).text("b,c").text("say \"x\"").text("").text("two\nlines");
  }
  CHECK(out == "a,-12,\"b,c\",\"say \"\"x\"\"\",,\"two\nlines\"\n");
  out.clear();
  {
    DelimitedRow row(out, '\t');
    row.text("a,b").escaped("\"pre\"").number(0);
    row.end();
    row.end();  // once only
  }
  CHECK(out == "a,b\t\"pre\"\t0\n");
  Sheet s;
  s.columns = {{"team", "球队"}, {"points", "积分", true}};
  s.rows = {{"海东市, 青海", "3"}, {"西宁市", "0"}};
  CHECK(render_delimited({s}, ',', {}) == "team,points\n\"海东市, 青海\",3\n西宁市,0\n");
  CHECK(render_delimited({s}, '\t', {.chinese_headers = true}) == "球队\t积分\n海东市, 青海\t3\n西宁市\t0\n");
}

namespace {

Output run_on_terminal(std::vector<std::string> args, bool terminal = true, bool no_colour = false) {
  Output io;
  io.env_lang = "C.UTF-8";
  io.stdout_is_terminal = terminal;
  io.no_colour = no_colour;
  args.insert(args.begin(), "matchday");
  run_cli(args, io);
  return io;
}

bool coloured(const Output& io) { return io.out.find("\x1b[") != std::string::npos; }

}  // namespace

TEST_CASE("one colour rule: the table to a terminal, with or without -o -, in every command") {
  const std::string results = std::string(MATCHDAY_SOURCE_DIR) + "/examples/groupA.csv";
  const std::string group_b = std::string(MATCHDAY_SOURCE_DIR) + "/examples/groupB.csv";
  const std::string rosters = std::string(MATCHDAY_SOURCE_DIR) + "/examples/rosters/";
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"standings", results}, {"eligibility", "--category", "A-M", rosters},
        {"knockout", results, group_b}}) {
    CAPTURE(command[0]);
    auto with = [&](std::vector<std::string> extra) {
      std::vector<std::string> args = command;
      args.insert(args.begin() + 1, extra.begin(), extra.end());
      return args;
    };
    CHECK(coloured(run_on_terminal(with({}))));
    CHECK(coloured(run_on_terminal(with({"-o", "-"}))));  // `-o -` is standard output
    CHECK_FALSE(coloured(run_on_terminal(with({}), false)));         // not a terminal
    CHECK_FALSE(coloured(run_on_terminal(with({}), true, true)));    // NO_COLOR
    CHECK_FALSE(coloured(run_on_terminal(with({"--format", "markdown"}))));
    CHECK_FALSE(coloured(run_on_terminal(with({"--format", "csv"}))));
  }
}

TEST_CASE("the AVX2 UTF-8 check gives the scalar check's answer") {
  if (!detail::avx2_utf8_available()) {
    MESSAGE("no AVX2 on this machine: both answers come from the scalar check");
  }
  const auto same = [](std::string_view s) {
    const bool scalar = detail::scalar_first_invalid_utf8(s) == std::string_view::npos;
    CHECK(detail::avx2_valid_utf8(s) == scalar);
    return scalar;
  };
  // Known cases, each at every offset of a 64-byte block and cut at the end.
  const std::vector<std::string> cases = {
      "ascii only", "西宁市", "\xC3\xA9", "\xF0\x9F\x98\x80",          // valid
      "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",  // overlong, surrogate, > U+10FFFF
      "\x80", "\xBF", "\xC3", "\xE8\xA5", "\xF0\x9F\x98", "\xFF", "\xF5\x80\x80\x80"};
  for (const std::string& c : cases) {
    for (std::size_t pad = 0; pad < 70; ++pad) {
      CAPTURE(pad);
      const std::string s = std::string(pad, 'a') + c + std::string(pad % 7, 'b');
      same(s);
      same(std::string(pad, 'a') + c);  // at the very end: a cut sequence must show
    }
  }
  CHECK(same(std::string(1000, 'x') + "海东市"));
  CHECK_FALSE(same(std::string(4096 + 31, 'x') + "\xE6\xB5"));
  // Random bytes, mostly Chinese text with a bad byte now and then.
  std::mt19937 rng(20251202);
  const std::string chinese = "海东市西宁市玉树州海西州";
  int invalid = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 200);
    for (int k = 0; k < n; ++k) {
      const auto r = rng() % 100;
      if (r < 60) {
        const std::size_t at = (rng() % (chinese.size() / 3)) * 3;
        s += chinese.substr(at, 3);
      } else if (r < 98) {
        s += static_cast<char>('a' + rng() % 26);
      } else {
        s += static_cast<char>(rng() % 256);
      }
    }
    CAPTURE(s);
    invalid += same(s) ? 0 : 1;
  }
  CHECK(invalid > 100);  // both answers were exercised
}

TEST_SUITE_END();

TEST_CASE("a roster folder: its .csv/.tsv/.txt files by name, not hidden or lock files or folders") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("matchday_folder_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub.csv");  // a folder, even with a roster's name
  const fs::path rosters = fs::path(MATCHDAY_SOURCE_DIR) / "examples/rosters";
  fs::copy_file(rosters / "xining.csv", dir / "b.CSV");
  fs::copy_file(rosters / "haidong.csv", dir / "a.txt");
  fs::copy_file(rosters / "haixi.csv", dir / ".hidden.csv");
  fs::copy_file(rosters / "haixi.csv", dir / "~$a.csv");
  fs::copy_file(rosters / "haixi.csv", dir / "notes.doc");
  Output io;
  io.env_lang = "C.UTF-8";
  run_cli({"matchday", "eligibility", "--category", "A-M", "--format", "csv", dir.string()}, io);
  std::vector<std::string> files;
  std::istringstream lines(io.out);
  std::string line;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line)) {
    std::string file = line.substr(0, line.find(','));
    if (files.empty() || files.back() != file) files.push_back(file);
  }
  const std::string prefix = dir.string() + "/";
  REQUIRE_FALSE(files.empty());
  CHECK(files.front() == prefix + "a.txt");  // by name: a.txt before b.CSV
  CHECK(std::find(files.begin(), files.end(), prefix + "a.txt") != files.end());
  CHECK(std::find(files.begin(), files.end(), prefix + "b.CSV") != files.end());
  CHECK(io.out.find("hidden") == std::string::npos);
  CHECK(io.out.find("~$") == std::string::npos);
  CHECK(io.out.find("notes.doc") == std::string::npos);
  CHECK(io.out.find("sub.csv") == std::string::npos);
  // A folder with none of them is an error that names it.
  const fs::path empty = dir / "sub.csv";
  Output none;
  none.env_lang = "C.UTF-8";
  CHECK(run_cli({"matchday", "eligibility", "--category", "A-M", empty.string()}, none) == 2);
  CHECK(none.err.find(empty.string()) != std::string::npos);
  fs::remove_all(dir);
}
