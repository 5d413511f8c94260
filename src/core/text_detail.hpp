// Internal: the two UTF-8 checks behind first_invalid_utf8 (text.cpp), each on
// its own, so that a unit test can hold the AVX2 one to the scalar one.
#pragma once

#include <cstddef>
#include <string_view>

namespace matchday::detail {

// The offset of the first invalid UTF-8 sequence, or npos: one sequence at a time.
[[nodiscard]] std::size_t scalar_first_invalid_utf8(std::string_view s);
// Whether this CPU runs the AVX2 check.
[[nodiscard]] bool avx2_utf8_available();
// True when `s` is valid UTF-8, 32 bytes at a time (the scalar check where
// there is no AVX2).
[[nodiscard]] bool avx2_valid_utf8(std::string_view s);

}  // namespace matchday::detail
