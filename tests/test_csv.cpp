#include <doctest/doctest.h>

#include <array>
#include <random>

#include "matchday/csv.hpp"
#include "matchday/text.hpp"

using namespace matchday;
using Fields = std::vector<std::string>;

namespace {

std::vector<std::pair<std::size_t, Fields>> read_all(std::string_view text, char delim = ',') {
  CsvReader r(text, delim);
  CsvRecord rec;
  std::vector<std::pair<std::size_t, Fields>> out;
  while (r.next(rec)) out.emplace_back(rec.line, Fields(rec.fields.begin(), rec.fields.end()));
  return out;
}

// A record as the reference reader below reads it.
struct RefRecord {
  std::size_t line = 0;
  Fields fields;
  bool unterminated = false;
  bool operator==(const RefRecord&) const = default;
};

// RFC 4180 as CsvReader documents it, one byte at a time: the reference the
// reader's one-pass path for records without quotes (and its masks, 64 bytes
// at a time) is compared with.
std::vector<RefRecord> reference_read(std::string_view t, char delim) {
  std::vector<RefRecord> out;
  std::size_t pos = 0, line = 1;
  const std::size_t n = t.size();
  const auto newlines = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) line += t[k] == '\n';
  };
  const auto field_end = [&](std::size_t j) {
    while (j < n && t[j] != delim && t[j] != '\n' && t[j] != '\r') ++j;
    return j;
  };
  while (pos < n) {
    RefRecord rec;
    rec.line = line;
    for (;;) {
      if (pos < n && t[pos] == '"') {
        std::string value;
        ++pos;
        for (;;) {
          const std::size_t q = t.find('"', pos);
          if (q == std::string_view::npos) {
            rec.unterminated = true;
            newlines(pos, n);
            value += t.substr(pos);
            pos = n;
            break;
          }
          newlines(pos, q);
          if (q + 1 < n && t[q + 1] == '"') {
            value += t.substr(pos, q + 1 - pos);
            pos = q + 2;
            continue;
          }
          value += t.substr(pos, q - pos);
          pos = q + 1;
          break;
        }
        if (rec.unterminated) {
          rec.fields.push_back(value);
          break;
        }
        const std::size_t j = field_end(pos);
        value += t.substr(pos, j - pos);  // text after the closing quote is kept
        rec.fields.push_back(value);
        pos = j;
      } else {
        const std::size_t j = field_end(pos);
        rec.fields.emplace_back(t.substr(pos, j - pos));
        pos = j;
      }
      if (pos >= n) break;
      if (t[pos] == delim) {
        if (++pos >= n) {
          rec.fields.emplace_back();
          break;
        }
        continue;
      }
      if (t[pos] == '\r') ++pos;
      if (pos < n && t[pos] == '\n') ++pos;
      ++line;
      break;
    }
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("csv");

TEST_CASE("CsvReader reads random text as a byte-at-a-time reader does, and knows which records are plain") {
  // Pieces that matter to the reader and to normalize_cell: delimiters,
  // quotes, line ends, spaces, tabs, full-width digits (EF BC 91), an
  // ideographic space (E3 80 80), a no-break space (C2 A0), Chinese names.
  const std::string_view pieces[] = {"a", "12", "张伟", ",", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r",
                                     " ", "１", "\xE3\x80\x80", "\xC2\xA0", "青海省西宁市", "2009-03-05"};
  std::mt19937 rng(20261124);
  std::size_t plain_records = 0, quoted_records = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    // Lengths across several 64-byte blocks; quotes in only some texts, so
    // that most records take the one-pass path.
    const bool quotes = round % 3 == 0;
    const std::size_t count = std::uniform_int_distribution<std::size_t>(0, 120)(rng);
    for (std::size_t k = 0; k < count; ++k) {
      std::string_view p = pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(rng)];
      if (!quotes && p.find('"') != std::string_view::npos) p = "b";
      text += p;
    }
    for (const char delim : {',', ';', '\t'}) {
      CAPTURE(text);
      CAPTURE(delim);
      CsvReader reader(text, delim);
      CsvRecord rec;
      std::vector<RefRecord> got;
      for (std::size_t before = reader.position(); reader.next(rec); before = reader.position()) {
        got.push_back({rec.line, Fields(rec.fields.begin(), rec.fields.end()), rec.unterminated_quote});
        // plain_: known for every record without a quote, and then right.
        const std::string_view raw = std::string_view(text).substr(before, reader.position() - before);
        if (raw.find('"') != std::string_view::npos) {
          ++quoted_records;
          CHECK(rec.plain_ == -1);
          continue;
        }
        REQUIRE(rec.plain_ != -1);
        // The bytes from the first field to the end of the last: no line end,
        // no control character or space, no lead byte normalize_cell rewrites.
        const char* const first = rec.fields.front().data();
        const char* const last = rec.fields.back().data() + rec.fields.back().size();
        bool clean = true;
        for (const char* p = first; p < last; ++p) {
          const auto u = static_cast<unsigned char>(*p);
          clean = clean && u > 0x20 && u != 0xEF && u != 0xE3 && u != 0xC2;
        }
        CHECK(rec.plain_ == (clean ? 1 : 0));
        if (rec.plain_ == 1) {
          ++plain_records;
          for (std::string_view f : rec.fields) {
            std::string scratch;
            CHECK(normalize_cell(f, scratch) == f);
          }
        }
      }
      CHECK(got == reference_read(text, delim));
    }
  }
  CHECK(plain_records > 1000);
  CHECK(quoted_records > 1000);
}

TEST_CASE("CsvReader: RFC 4180") {
  struct Case {
    std::string_view text;
    std::vector<std::pair<std::size_t, Fields>> expect;
  };
  const Case cases[] = {
      {"a,b\n1,2\n", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"a,b\r\n1,2", {{1, {"a", "b"}}, {2, {"1", "2"}}}},  // CRLF, no final newline
      {"a,\n,\n", {{1, {"a", ""}}, {2, {"", ""}}}},
      {"\"x,y\",z\n", {{1, {"x,y", "z"}}}},
      {"\"say \"\"hi\"\"\",2\n", {{1, {"say \"hi\"", "2"}}}},
      {"\"two\nlines\",b\nnext,row\n", {{1, {"two\nlines", "b"}}, {3, {"next", "row"}}}},
      {"\"a\"\"\nb\",c\n", {{1, {"a\"\nb", "c"}}}},
      {"a,b,", {{1, {"a", "b", ""}}}},
      {"\"\"\n", {{1, {""}}}},
      {"\"q\"tail,b\n", {{1, {"qtail", "b"}}}},  // text after a closing quote is kept
      {"\r\n\r\nx\n", {{1, {""}}, {2, {""}}, {3, {"x"}}}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(read_all(c.text) == c.expect);
  }
}

TEST_CASE("CsvReader: an unclosed quote runs to the end and is flagged") {
  CsvReader r("a,\"open\nmore\n", ',');
  CsvRecord rec;
  REQUIRE(r.next(rec));
  CHECK(rec.unterminated_quote);
  CHECK(rec.fields.size() == 2);
  CHECK_FALSE(r.next(rec));
}

TEST_CASE("CsvReader::next_nonblank skips blank lines and rows of bare commas") {
  CsvReader r("\n,,\r\n a , b\n,\nx,y", ',');
  CsvRecord rec;
  REQUIRE(r.next_nonblank(rec));
  CHECK(rec.line == 3);
  REQUIRE(r.next_nonblank(rec));
  CHECK(rec.line == 5);
  CHECK_FALSE(r.next_nonblank(rec));
}

TEST_CASE("CsvReader: tab and semicolon files read the same way") {
  CHECK(read_all("a\tb\n\"x\ty\"\tz\n", '\t') == read_all("a,b\n\"x\ty\",z\n"));
  CHECK(read_all("a;b\n1;\"2;3\"\n", ';') == read_all("a,b\n1,\"2;3\"\n"));
  CHECK(sniff_delimiter("x.tsv", "a,b") == '\t');
  CHECK(sniff_delimiter("x.txt", "a\tb\n") == '\t');
  CHECK(sniff_delimiter("x.csv", "a;b\n") == ';');
  CHECK(sniff_delimiter("x.csv", "a,b;c\n") == ',');
}

TEST_CASE("match_header: aliases, case, spaces, full-width forms") {
  constexpr std::array<ColumnSpec, 3> specs{{
      {"home", "主队", true},
      {"home_goals", "主队进球", true},
      {"group", "小组"},
  }};
  CsvReader r(" Home ,主队进球,other,ＨＯＭＥ\n", ',');
  CsvRecord rec;
  REQUIRE(r.next(rec));
  const HeaderMatch m = match_header(rec, specs);
  CHECK(m.index == std::vector<int>{0, 1, -1});
  CHECK(m.missing.empty());
  CHECK(m.duplicated == std::vector<std::string>{"ＨＯＭＥ"});
  CsvReader r2("小组\n", ',');
  REQUIRE(r2.next(rec));
  const HeaderMatch m2 = match_header(rec, specs);
  CHECK(m2.missing == std::vector<std::string_view>{"home", "home_goals"});
}

TEST_SUITE_END();
