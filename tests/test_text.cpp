#include <doctest/doctest.h>

#include "matchday/text.hpp"
#include "test_util.hpp"

using namespace matchday;

TEST_SUITE_BEGIN("text");

TEST_CASE("display_width counts wide characters as two columns") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("武磊") == 4);
  CHECK(display_width("C·罗纳尔多") == 10);
  CHECK(display_width("ＡＢ") == 4);  // full-width forms
  CHECK(display_width("\xff") == 1);  // an invalid byte counts one
  CHECK(pad("西宁", 6) == "西宁  ");
  CHECK(pad("7", 3, true) == "  7");
  CHECK(pad("toolong", 3) == "toolong");
}

TEST_CASE("normalize_cell and fold_key") {
  std::string scratch;
  CHECK(normalize_cell("  2 ", scratch) == "2");
  CHECK(normalize_cell("２：１", scratch) == "2:1");
  CHECK(normalize_cell("\u3000３\u3000", scratch) == "3");
  CHECK(normalize_cell("西宁市", scratch) == "西宁市");
  CHECK(fold_key(" Home Goals ") == "home_goals");
  CHECK(fold_key("HOME-GOALS") == "home_goals");
  CHECK(fold_key("主队进球") == "主队进球");
}

TEST_CASE("decode_text: a large file checked on several threads decides as one thread does") {
  // 9 MB of three-byte characters with ASCII between, so that part borders fall
  // inside characters; then single bad bytes at the borders and in between.
  std::string text;
  while (text.size() < (std::size_t{9} << 20)) text += "西宁市,a\n海东,12\n";
  for (unsigned threads : {2U, 3U, 4U}) {
    CAPTURE(threads);
    const DecodedText ok = decode_text(text, EncodingChoice::utf8, threads);
    CHECK_FALSE(ok.error_offset);
    CHECK(ok.text.size() == text.size());
  }
  for (std::size_t at : {std::size_t{0}, text.size() / 3, text.size() / 2 + 1, text.size() / 4 * 3 + 2, text.size() - 1}) {
    std::string bad = text;
    bad[at] = '\xFF';
    const DecodedText one = decode_text(bad, EncodingChoice::utf8, 1);
    REQUIRE(one.error_offset);
    for (unsigned threads : {2U, 3U, 4U}) {
      CAPTURE(at);
      CAPTURE(threads);
      const DecodedText many = decode_text(bad, EncodingChoice::utf8, threads);
      CHECK(many.error_offset == one.error_offset);
    }
    // Cut at a character: the two bytes left of it are not UTF-8.
    std::string cut = text.substr(0, at) + text.substr(std::min(at + 1, text.size()));
    CHECK(decode_text(cut, EncodingChoice::utf8, 3).error_offset.has_value() ==
          decode_text(cut, EncodingChoice::utf8, 1).error_offset.has_value());
  }
}

TEST_CASE("decode_text") {
  SUBCASE("UTF-8 without a BOM is not copied") {
    const std::string_view bytes = "a,b\n";
    const DecodedText d = decode_text(bytes, EncodingChoice::automatic);
    CHECK(d.encoding == Encoding::utf8);
    CHECK(d.text.data() == bytes.data());
  }
  SUBCASE("a UTF-8 BOM is dropped") {
    const DecodedText d = decode_text("\xEF\xBB\xBFx", EncodingChoice::automatic);
    CHECK(d.encoding == Encoding::utf8_bom);
    CHECK(d.text == "x");
  }
  SUBCASE("UTF-16 with a BOM, both byte orders, with a surrogate pair") {
    const std::string le("\xFF\xFE\x7F\x89\x3D\xD8\x00\xDE", 8);  // 西 U+897F, U+1F600
    const DecodedText d = decode_text(le, EncodingChoice::automatic);
    CHECK(d.encoding == Encoding::utf16le);
    CHECK(d.text == "西\xF0\x9F\x98\x80");
    const std::string be("\xFE\xFF\x89\x7F", 4);
    CHECK(decode_text(be, EncodingChoice::automatic).text == "西");
    CHECK(decode_text(std::string("\xFF\xFE\x7F", 3), EncodingChoice::automatic).error_offset);
  }
  SUBCASE("anything that is not UTF-8 is GB18030") {
    const DecodedText d = decode_text("\xce\xf7\xc4\xfe", EncodingChoice::automatic);  // 西宁 in GBK
    CHECK(d.encoding == Encoding::gb18030);
    CHECK(d.text == "西宁");
    CHECK(d.error_offset == std::nullopt);
  }
  SUBCASE("forced UTF-8 reports the first bad byte") {
    const DecodedText d = decode_text("ab\xce", EncodingChoice::utf8);
    CHECK(d.error_offset == 2u);
  }
  SUBCASE("the four encodings of one roster decode to the same text") {
    const std::string utf8 = test::read_source_file("tests/data/eligibility/encodings/roster_utf8_lf.csv");
    const std::string bom = test::read_source_file("tests/data/eligibility/encodings/roster_utf8bom_crlf.csv");
    const std::string gbk = test::read_source_file("tests/data/eligibility/encodings/roster_gbk_crlf.csv");
    auto lf = [](std::string_view s) {
      std::string out;
      for (char c : s) {
        if (c != '\r') out += c;
      }
      return out;
    };
    const std::string expect = lf(decode_text(utf8, EncodingChoice::automatic).text);
    CHECK(lf(decode_text(bom, EncodingChoice::automatic).text) == expect);
    const DecodedText g = decode_text(gbk, EncodingChoice::automatic);
    CHECK(g.encoding == Encoding::gb18030);
    CHECK(lf(g.text) == expect);
  }
}

TEST_CASE("is_valid_utf8 rejects overlongs, surrogates and truncation") {
  CHECK(is_valid_utf8("plain ascii, long enough for the fast path"));
  CHECK(is_valid_utf8("中文"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
  CHECK_FALSE(is_valid_utf8("\xE4\xB8"));
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
}

TEST_SUITE_END();
