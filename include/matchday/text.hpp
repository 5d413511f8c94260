// Text handling for what spreadsheets export: encodings, full-width characters,
// and the display width of Chinese text in a terminal.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace matchday {

// What the bytes of an input turned out to be.
enum class Encoding { utf8, utf8_bom, utf16le, utf16be, gb18030 };

// What the user asked for with --encoding.
enum class EncodingChoice { automatic, utf8, gb18030 };

[[nodiscard]] std::string_view encoding_name(Encoding e);

// Input bytes decoded to UTF-8. `text` views either `storage` or the caller's
// bytes (when they were UTF-8 already: no copy), so the bytes must outlive it.
struct DecodedText {
  std::string storage;
  std::string_view text;
  Encoding encoding = Encoding::utf8;
  // Byte offset of the first invalid sequence when decoding failed; nullopt on
  // success. Under `automatic` only UTF-16 and GB18030 input can fail.
  std::optional<std::size_t> error_offset;
  // The bytes were taken as UTF-8 without checking them (decode_text's
  // `defer_utf8_check`): whoever reads `text` checks it as it goes
  // (parse_results does so with the bytes of a results file) and, if it is
  // not UTF-8, decodes again.
  bool unchecked = false;
};

// Decodes `bytes` (docs/spec.md §2): a UTF-8 BOM, a UTF-16 BOM (LE or BE) decide the
// encoding; otherwise valid UTF-8 is UTF-8 and anything else GB18030.
// `utf8` and `gb18030` force the encoding (a BOM is still honoured).
// `threads` > 1: a large file's UTF-8 check runs on that many threads.
// `defer_utf8_check`: bytes that would be checked for UTF-8 are returned as
// they are, `unchecked` (a reader that checks them as it reads them saves a
// pass over a large file).
[[nodiscard]] DecodedText decode_text(std::string_view bytes, EncodingChoice choice, unsigned threads = 1,
                                      bool defer_utf8_check = false);

// True when `s` is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
[[nodiscard]] bool is_valid_utf8(std::string_view s);

// Normalises one cell for reading values: full-width ASCII forms (U+FF01..FF5E)
// become ASCII, the ideographic space U+3000 and no-break space become a space,
// and surrounding white space is trimmed. Returns a view of `s` when nothing
// changes, else of `scratch`.
[[nodiscard]] std::string_view normalize_cell(std::string_view s, std::string& scratch);

// As normalize_cell, also ASCII-lower-cased and with spaces and '-' read as '_':
// the key a header or an enumerated value is matched on.
[[nodiscard]] std::string fold_key(std::string_view s);

// Trims ASCII white space.
[[nodiscard]] std::string_view trim(std::string_view s);

// The number of terminal columns `s` (UTF-8) takes: East Asian wide and
// full-width characters count 2, everything else 1. The same ranges as fmt 9.1,
// and independent of the locale. Invalid bytes count 1 each.
[[nodiscard]] std::size_t display_width(std::string_view s);

// `s` padded with spaces to `width` display columns (left- or right-aligned).
[[nodiscard]] std::string pad(std::string_view s, std::size_t width, bool right = false);

}  // namespace matchday
