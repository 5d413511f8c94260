// The platform layer (src/platform/platform.hpp) and the file interface
// (src/cli/io.hpp) as both systems must do them: these run on Linux and,
// cross-built, under Wine (windows/wine-test.sh). test_io.cpp has the cases
// that need POSIX (fork, signals, file-size limits, /dev nodes).
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "app.hpp"
#include "io.hpp"
#include "matchday/text.hpp"
#include "platform.hpp"
#include "test_util.hpp"

using namespace matchday;
using matchday::test::TempDir;

TEST_SUITE_BEGIN("platform");

TEST_CASE("GB18030 to UTF-8, and where it is not GB18030") {
  std::string out;
  std::size_t offset = 99;
  SUBCASE("two-byte characters (GBK) and ASCII") {
    CHECK(platform::gb18030_to_utf8("\xC7\xE0\xBA\xA3,A\r\n", out, offset));
    CHECK(out == "青海,A\r\n");
  }
  SUBCASE("a four-byte sequence: U+20000, of the supplementary planes") {
    CHECK(platform::gb18030_to_utf8("a\x95\x32\x82\x36", out, offset));
    CHECK(out == "a\xF0\xA0\x80\x80");
  }
  SUBCASE("empty") {
    CHECK(platform::gb18030_to_utf8("", out, offset));
    CHECK(out.empty());
  }
  SUBCASE("a bad byte after good text") {
    CHECK_FALSE(platform::gb18030_to_utf8("\xC7\xE0" "ab\xFF" "cd", out, offset));
    CHECK(offset == 4);
  }
  SUBCASE("a sequence cut at the end") {
    CHECK_FALSE(platform::gb18030_to_utf8("ab\xC7", out, offset));
    CHECK(offset == 2);
  }
  SUBCASE("through decode_text") {
    const DecodedText d = decode_text("\xB1\xB1\xBE\xA9", EncodingChoice::gb18030);
    CHECK(d.text == "北京");
  }
}

TEST_CASE("a thread placed on another processor runs and is joined") {
  std::atomic<int> ran{0};
  {
    std::vector<platform::PlacedThread> threads;
    for (unsigned k = 1; k <= 3; ++k) threads.emplace_back([&ran] { ++ran; }, k);
  }
  CHECK(ran == 3);
}

TEST_CASE("the name the program was called by") {
  CHECK(cli::called_name({"matchday"}) == "matchday");
  CHECK(cli::called_name({"/usr/bin/standings"}) == "standings");
  CHECK(cli::called_name({"eligibility.exe"}) == "eligibility");
  CHECK(cli::called_name({"standings.EXE"}) == "standings");
  if (std::string_view(platform::k_path_separators).find('\\') != std::string_view::npos) {
    CHECK(cli::called_name({"C:\\比赛\\matchday-0.1.0-win64\\standings.exe"}) == "standings");
  }
}

TEST_CASE("files with Chinese names: written atomically, listed, read back") {
  TempDir dir;
  const std::string folder = dir.path + "/青海 2025";
  std::string error;
  // The folder, through the interface under test's neighbour (std::filesystem).
  std::filesystem::create_directory(std::filesystem::u8path(folder));
  const std::string path = folder + "/积分榜.csv";
  REQUIRE(cli::write_file_atomically(path, "队伍,积分\n", error));
  REQUIRE(cli::write_file_atomically(path, "队伍,积分\n西宁,3\n", error));
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::u8path(folder))) {
    const std::u8string name = e.path().filename().u8string();
    names.emplace_back(name.begin(), name.end());
  }
  CHECK(names == std::vector<std::string>{"积分榜.csv"});  // the old file replaced, no temporary left
  CHECK(cli::is_directory(folder));
  CHECK_FALSE(cli::is_directory(path));
  CHECK(cli::file_bytes(path) == std::string("队伍,积分\n西宁,3\n").size());
  cli::InputFile in;
  REQUIRE(in.open(path, error));
  CHECK(in.bytes() == "队伍,积分\n西宁,3\n");
  std::filesystem::remove_all(std::filesystem::u8path(folder));
}

TEST_CASE("what cannot be read or written says why, as on Linux") {
  TempDir dir;
  std::string error;
  cli::InputFile in;
  CHECK_FALSE(in.open(dir.path + "/没有.csv", error));
  CHECK(error == "No such file or directory");
  CHECK_FALSE(in.open(dir.path, error));
  CHECK(error == "Is a directory");
  CHECK_FALSE(cli::write_file_atomically(dir.path + "/no-folder/x.csv", "a\n", error));
  CHECK(error == "No such file or directory");
  CHECK(dir.files().empty());
}
