// Shared by the fuzz targets: an invariant check that stops the run with a
// message (libFuzzer then saves the input as a crash-* file).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "matchday/csv.hpp"

#define FUZZ_CHECK(cond)                                                                  \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)

namespace matchday::fuzz {

// The fuzzer's bytes as text.
// The records of `text` as the CSV reader alone sees them, independently of
// the parser under test: the first line of every record, and of every
// non-blank record after the header.
inline void scan_records(std::string_view text, std::string_view source, std::vector<std::size_t>& record_lines,
                         std::vector<std::size_t>& data_lines) {
  matchday::CsvReader reader(text, matchday::sniff_delimiter(source, text));
  matchday::CsvRecord rec;
  bool header = false;
  while (reader.next(rec)) {
    record_lines.push_back(rec.line);
    if (rec.blank()) continue;
    if (header) data_lines.push_back(rec.line);
    header = true;
  }
}

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace matchday::fuzz
