#include "matchday/text.hpp"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
// A C header (it uses _Bool): g++ accepts it in C++, clang++ does not.
#if __has_include(<sys/platform/x86.h>) && !defined(__clang__)
#define MATCHDAY_GLIBC_CPU_FEATURES 1
#include <sys/platform/x86.h>  // glibc's CPU_FEATURE_ACTIVE
#endif
#endif

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "parallel.hpp"
#include "text_detail.hpp"
#include "platform.hpp"
#include "utf8.hpp"

namespace matchday {
namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The offset of the first invalid UTF-8 sequence, or npos: one sequence at a
// time, with an ASCII fast path.
std::size_t first_invalid_utf8_scalar(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t len = utf8_sequence(s, i, cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

#if defined(__x86_64__) && defined(__GNUC__)
#define MATCHDAY_UTF8_AVX2 1
// UTF-8 validation 32 bytes at a time with AVX2: the lookup algorithm of
// Keiser and Lemire, "Validating UTF-8 in less than one instruction per byte"
// (Software: Practice and Experience, 2021), as in simdjson and simdutf. Three
// 16-entry tables, indexed by the high and low nibble of each byte's
// predecessor and by its own high nibble, give a set of error bits each; an
// error is a bit set in all three. Continuation bytes that a 3- or 4-byte lead
// two or three bytes back requires are checked separately. Chinese text (three
// bytes a character, half the bytes of a roster) reads at several GB/s here,
// where the scalar loop above manages one.
#define MATCHDAY_AVX2 __attribute__((target("avx2")))

MATCHDAY_AVX2 inline __m256i table16(char a0, char a1, char a2, char a3, char a4, char a5, char a6, char a7,
                                     char a8, char a9, char a10, char a11, char a12, char a13, char a14,
                                     char a15) {
  return _mm256_setr_epi8(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a0, a1, a2,
                          a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15);
}

// The bytes of `in` shifted by N, with the last N bytes of `prev` in front.
template <int N>
MATCHDAY_AVX2 inline __m256i preceding(__m256i in, __m256i prev) {
  return _mm256_alignr_epi8(in, _mm256_permute2x128_si256(prev, in, 0x21), 16 - N);
}

// Nonzero bytes where the 32 bytes of `in` (after `prev`) break UTF-8.
MATCHDAY_AVX2 inline __m256i utf8_errors(__m256i in, __m256i prev) {
  constexpr char k_too_short = 1 << 0;   // a lead byte not followed by a continuation
  constexpr char k_too_long = 1 << 1;    // a continuation after ASCII
  constexpr char k_overlong_3 = 1 << 2;  // E0 80..9F
  constexpr char k_too_large = 1 << 3;   // above U+10FFFF
  constexpr char k_surrogate = 1 << 4;   // ED A0..BF
  constexpr char k_overlong_2 = 1 << 5;  // C0, C1
  constexpr char k_too_large_1000 = 1 << 6;
  constexpr char k_overlong_4 = 1 << 6;  // F0 80..8F
  constexpr char k_two_conts = static_cast<char>(1 << 7);  // a continuation after a continuation
  constexpr char k_carry = k_too_short | k_too_long | k_two_conts;
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i prev1 = preceding<1>(in, prev);
  const __m256i byte_1_high = _mm256_shuffle_epi8(
      table16(k_too_long, k_too_long, k_too_long, k_too_long, k_too_long, k_too_long, k_too_long, k_too_long,
              k_two_conts, k_two_conts, k_two_conts, k_two_conts, k_too_short | k_overlong_2, k_too_short,
              k_too_short | k_overlong_3 | k_surrogate,
              k_too_short | k_too_large | k_too_large_1000 | k_overlong_4),
      _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble));
  const __m256i byte_1_low = _mm256_shuffle_epi8(
      table16(k_carry | k_overlong_3 | k_overlong_2 | k_overlong_4, k_carry | k_overlong_2, k_carry, k_carry,
              k_carry | k_too_large, k_carry | k_too_large | k_too_large_1000,
              k_carry | k_too_large | k_too_large_1000, k_carry | k_too_large | k_too_large_1000,
              k_carry | k_too_large | k_too_large_1000, k_carry | k_too_large | k_too_large_1000,
              k_carry | k_too_large | k_too_large_1000, k_carry | k_too_large | k_too_large_1000,
              k_carry | k_too_large | k_too_large_1000, k_carry | k_too_large | k_too_large_1000 | k_surrogate,
              k_carry | k_too_large | k_too_large_1000, k_carry | k_too_large | k_too_large_1000),
      _mm256_and_si256(prev1, nibble));
  const __m256i byte_2_high = _mm256_shuffle_epi8(
      table16(k_too_short, k_too_short, k_too_short, k_too_short, k_too_short, k_too_short, k_too_short,
              k_too_short,
              k_too_long | k_overlong_2 | k_two_conts | k_overlong_3 | k_too_large_1000 | k_overlong_4,
              k_too_long | k_overlong_2 | k_two_conts | k_overlong_3 | k_too_large,
              k_too_long | k_overlong_2 | k_two_conts | k_surrogate | k_too_large,
              k_too_long | k_overlong_2 | k_two_conts | k_surrogate | k_too_large, k_too_short, k_too_short,
              k_too_short, k_too_short),
      _mm256_and_si256(_mm256_srli_epi16(in, 4), nibble));
  const __m256i special = _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
  // A continuation two bytes after a 3- or 4-byte lead, or three after a
  // 4-byte lead, is required: its k_two_conts bit is expected, not an error.
  const __m256i third = _mm256_subs_epu8(preceding<2>(in, prev), _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m256i fourth = _mm256_subs_epu8(preceding<3>(in, prev), _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m256i must_continue = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  return _mm256_xor_si256(must_continue, special);
}

struct Utf8State {
  __m256i error, prev, prev_incomplete;
};

MATCHDAY_AVX2 inline void utf8_step(Utf8State& st, __m256i in) {
  // Nonzero where the last bytes of a block start a sequence it does not finish.
  const __m256i incomplete_above = _mm256_setr_epi8(
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
      -1, -1, static_cast<char>(0xF0 - 1), static_cast<char>(0xE0 - 1), static_cast<char>(0xC0 - 1));
  if (_mm256_movemask_epi8(in) == 0) {
    st.error = _mm256_or_si256(st.error, st.prev_incomplete);  // ASCII: nothing may be pending
    st.prev_incomplete = _mm256_setzero_si256();
  } else {
    st.error = _mm256_or_si256(st.error, utf8_errors(in, st.prev));
    st.prev_incomplete = _mm256_subs_epu8(in, incomplete_above);
  }
  st.prev = in;
}

MATCHDAY_AVX2 bool valid_utf8_avx2(const char* s, std::size_t n) {
  Utf8State st{_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256()};
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    utf8_step(st, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i)));
    if ((i & 4095) == 4064 && !_mm256_testz_si256(st.error, st.error)) return false;  // bad: stop early
  }
  if (i < n) {
    // The tail, padded with zeros: ASCII, so a sequence cut by the end shows.
    alignas(32) char tail[32] = {};
    std::memcpy(tail, s + i, n - i);
    utf8_step(st, _mm256_load_si256(reinterpret_cast<const __m256i*>(tail)));
  }
  st.error = _mm256_or_si256(st.error, st.prev_incomplete);
  return _mm256_testz_si256(st.error, st.error) != 0;
}
#endif

#if defined(MATCHDAY_UTF8_AVX2)
// Whether the CPU and the kernel let us use AVX2. glibc has asked the CPU at
// start-up already: reading its answer costs nothing, where
// __builtin_cpu_supports links libgcc's constructor that runs a dozen CPUID
// instructions in every process, each one a trap to the hypervisor in a VM
// (a tenth of a one-group `standings` run).
bool cpu_has_avx2() {
#if defined(MATCHDAY_GLIBC_CPU_FEATURES)
  return CPU_FEATURE_ACTIVE(AVX2);
#else
  return __builtin_cpu_supports("avx2");
#endif
}
#endif

// The offset of the first invalid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
#if defined(MATCHDAY_UTF8_AVX2)
  static const bool k_avx2 = cpu_has_avx2();
  // Valid input is the common case: prove it fast; find the offset slowly.
  if (k_avx2 && valid_utf8_avx2(s.data(), s.size())) return std::string_view::npos;
#endif
  return first_invalid_utf8_scalar(s);
}

DecodedText decode_utf16(std::string_view bytes, bool little_endian, Encoding enc) {
  DecodedText out;
  out.encoding = enc;
  out.storage.reserve(bytes.size() + bytes.size() / 2);
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto lo = static_cast<unsigned char>(bytes[i]);
    const auto hi = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (hi << 8 | lo) : (lo << 8 | hi);
  };
  std::size_t i = 2;  // after the BOM
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= bytes.size()) break;
      const char32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) {
        out.error_offset = i;
        return out;
      }
      u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      out.error_offset = i;
      return out;
    }
    append_utf8(out.storage, u);
  }
  if (i < bytes.size()) {
    out.error_offset = i;  // an odd byte or a cut surrogate pair at the end
    return out;
  }
  out.text = out.storage;
  return out;
}

DecodedText decode_gb18030(std::string_view bytes) {
  DecodedText out;
  out.encoding = Encoding::gb18030;
  std::size_t error_offset = 0;
  if (!platform::gb18030_to_utf8(bytes, out.storage, error_offset)) {
    out.error_offset = error_offset;
    out.storage.clear();
    return out;
  }
  out.text = out.storage;
  return out;
}

bool is_wide(char32_t cp) {
  // The ranges fmt 9.1 counts as two columns (format.h, compute_width).
  return (cp >= 0x1100 && cp <= 0x115F) || cp == 0x2329 || cp == 0x232A ||
         (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19) ||
         (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x2FFFD) ||
         (cp >= 0x30000 && cp <= 0x3FFFD) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

}  // namespace

// The two UTF-8 checks, each on its own, for the unit test that holds them to
// the same answers (text_detail.hpp).
namespace detail {

std::size_t scalar_first_invalid_utf8(std::string_view s) { return first_invalid_utf8_scalar(s); }

bool avx2_utf8_available() {
#if defined(MATCHDAY_UTF8_AVX2)
  return cpu_has_avx2();
#else
  return false;
#endif
}

bool avx2_valid_utf8(std::string_view s) {
#if defined(MATCHDAY_UTF8_AVX2)
  if (cpu_has_avx2()) return valid_utf8_avx2(s.data(), s.size());
#endif
  return first_invalid_utf8_scalar(s) == std::string_view::npos;
}

}  // namespace detail

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::utf8: return "UTF-8";
    case Encoding::utf8_bom: return "UTF-8 with BOM";
    case Encoding::utf16le: return "UTF-16LE";
    case Encoding::utf16be: return "UTF-16BE";
    case Encoding::gb18030: return "GB18030";
  }
  return "?";
}

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

namespace {

// first_invalid_utf8 on `threads` threads for a large text: each checks a
// part that starts at a character's first byte (not a continuation byte), so
// the parts are valid exactly when the whole is; a bad text is searched again
// from the start for the offset of its first error.
std::size_t first_invalid_utf8(std::string_view s, unsigned threads) {
  constexpr std::size_t k_min_part = std::size_t{4} << 20;
  const std::size_t parts = std::min<std::size_t>(threads, s.size() / k_min_part);
  if (parts < 2) return first_invalid_utf8(s);
  std::vector<std::size_t> begin(parts + 1, s.size());
  begin[0] = 0;
  for (std::size_t i = 1; i < parts; ++i) {
    std::size_t at = std::max(begin[i - 1], s.size() / parts * i);
    // At most three continuation bytes follow a first byte: past four, the
    // text is not UTF-8 (the part before will say so).
    for (int k = 0; k < 4 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80; ++k) ++at;
    begin[i] = at;
  }
  std::vector<char> valid(parts, 0);
  run_in_parts(parts, static_cast<unsigned>(parts), [&](unsigned i, std::size_t, std::size_t) {
    valid[i] = first_invalid_utf8(s.substr(begin[i], begin[i + 1] - begin[i])) == std::string_view::npos;
  });
  if (std::ranges::all_of(valid, [](char v) { return v != 0; })) return std::string_view::npos;
  return first_invalid_utf8(s);
}

}  // namespace

DecodedText decode_text(std::string_view bytes, EncodingChoice choice, unsigned threads, bool defer_utf8_check) {
  if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE') {
    return decode_utf16(bytes, true, Encoding::utf16le);
  }
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF') {
    return decode_utf16(bytes, false, Encoding::utf16be);
  }
  DecodedText out;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    out.encoding = Encoding::utf8_bom;
    bytes.remove_prefix(3);
  }
  if (choice == EncodingChoice::gb18030 && out.encoding != Encoding::utf8_bom) {
    return decode_gb18030(bytes);
  }
  if (defer_utf8_check) {
    out.text = bytes;
    out.unchecked = true;
    return out;
  }
  const std::size_t bad = first_invalid_utf8(bytes, threads);
  if (bad == std::string_view::npos) {
    out.text = bytes;
    return out;
  }
  if (choice == EncodingChoice::utf8 || out.encoding == Encoding::utf8_bom) {
    out.error_offset = bad + (out.encoding == Encoding::utf8_bom ? 3 : 0);
    return out;
  }
  return decode_gb18030(bytes);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view normalize_cell(std::string_view s, std::string& scratch) {
  // Only three lead bytes start a character that changes: 0xEF (U+FF01..FF5E),
  // 0xE3 (U+3000) and 0xC2 (U+00A0); they are never continuation bytes. A cell
  // without them (ASCII, or Chinese names) is returned trimmed, with no copy.
  // Eight bytes at a time: a word with no high bit is ASCII; otherwise the
  // zero-byte test on w XOR b...b says whether byte b is in it.
  constexpr std::uint64_t k_ones = 0x0101010101010101ULL, k_highs = 0x8080808080808080ULL;
  const auto has_byte = [](std::uint64_t w, std::uint64_t b) {
    const std::uint64_t x = w ^ (k_ones * b);
    return ((x - k_ones) & ~x & k_highs) != 0;
  };
  bool plain = true;
  std::size_t at = 0;
  for (; plain && at + 8 <= s.size(); at += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + at, 8);
    plain = (w & k_highs) == 0 || !(has_byte(w, 0xEF) || has_byte(w, 0xE3) || has_byte(w, 0xC2));
  }
  for (; plain && at < s.size(); ++at) {
    const auto u = static_cast<unsigned char>(s[at]);
    plain = u != 0xEF && u != 0xE3 && u != 0xC2;
  }
  if (plain) return trim(s);
  scratch.clear();
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    std::size_t len = utf8_sequence(s, i, cp);
    if (len == 0) {
      scratch.push_back(s[i]);
      ++i;
      continue;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      scratch.push_back(static_cast<char>(cp - 0xFEE0));
    } else if (cp == 0x3000 || cp == 0xA0) {
      scratch.push_back(' ');
    } else {
      scratch.append(s.substr(i, len));
    }
    i += len;
  }
  return trim(scratch);
}

std::string fold_key(std::string_view s) {
  std::string scratch;
  std::string out(normalize_cell(s, scratch));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '-') c = '_';
  }
  return out;
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII: one column, no decoding
      ++width;
      ++i;
      continue;
    }
    char32_t cp;
    std::size_t len = utf8_sequence(s, i, cp);
    if (len == 0) {
      ++width;
      ++i;
      continue;
    }
    width += is_wide(cp) ? 2 : 1;
    i += len;
  }
  return width;
}

std::string pad(std::string_view s, std::size_t width, bool right) {
  const std::size_t w = display_width(s);
  std::string out;
  out.reserve(s.size() + (width > w ? width - w : 0));
  if (right && width > w) out.append(width - w, ' ');
  out.append(s);
  if (!right && width > w) out.append(width - w, ' ');
  return out;
}

}  // namespace matchday
