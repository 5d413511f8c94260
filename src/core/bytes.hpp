// Internal: the byte classes the readers share (CsvReader, RowReader, the
// results fast rows), sixteen bytes at a time where SSE2 is there, and a
// short-string compare.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace matchday {

// Whether `c` may end an unquoted field: the delimiter, a quote, CR or LF.
inline bool is_stop(char c, char delim) { return c == delim || c == '\n' || c == '\r' || c == '"'; }

// Whether normalize_cell may change `c`: a control character or space, or a
// lead byte it rewrites (0xEF full-width forms, 0xE3 the ideographic space,
// 0xC2 the no-break space).
inline bool is_unclean(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0xEF || u == 0xE3 || u == 0xC2;
}

// Whether `c` in a name (a team's or group's) may make normalize_cell change
// the name: a control character or a lead byte it rewrites. (Spaces are
// kept inside a name; the results fast rows look at its ends themselves.)
inline bool is_unclean_name(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0xEF || u == 0xE3 || u == 0xC2;
}

#if defined(__SSE2__)
// Bit k set where p[k] (of 16) is_stop.
inline unsigned stop_mask(const char* p, __m128i delim) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, delim), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
// Bit k set where p[k] (of 16) is_unclean.
inline unsigned unclean_mask(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i low = _mm_cmpeq_epi8(_mm_max_epu8(v, space), space);  // bytes <= 0x20
  const __m128i lead = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xEF))),
                                                 _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE3)))),
                                    _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(low, lead)));
}
// Bit k set where p[k] (of 16) is_unclean_name.
inline unsigned name_mask(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i control = _mm_set1_epi8(0x1F);
  const __m128i low = _mm_cmpeq_epi8(_mm_max_epu8(v, control), control);  // bytes < 0x20
  const __m128i lead = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xEF))),
                                                 _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE3)))),
                                    _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(low, lead)));
}
#endif

// a == b, inline, eight bytes at a time: names and cells are short, and are
// compared for most rows, where a call to memcmp costs more than the compare.
inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n < 8) {
    for (std::size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
  std::uint64_t x, y;
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) return false;
  }
  std::memcpy(&x, a.data() + n - 8, 8);  // the last eight, overlapping
  std::memcpy(&y, b.data() + n - 8, 8);
  return x == y;
}

}  // namespace matchday
