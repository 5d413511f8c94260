#include "matchday/text.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

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

// Decodes one UTF-8 sequence at s[i]; returns its length, 0 when invalid.
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const std::size_t left = s.size() - i;
  const unsigned c = b(0);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  auto cont = [&](std::size_t k) { return k < left && (b(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!cont(1)) return 0;
    cp = ((c & 0x1F) << 6) | (b(1) & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    cp = ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    cp = ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
    return 4;
  }
  return 0;
}

// The offset of the first invalid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
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
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    out.error_offset = 0;
    return out;
  }
  out.storage.resize(bytes.size() * 2 + 16);  // GB18030 -> UTF-8 grows by at most 2x
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dst = out.storage.data();
  std::size_t dst_left = out.storage.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        const std::size_t used = out.storage.size() - dst_left;
        out.storage.resize(out.storage.size() * 2);
        dst = out.storage.data() + used;
        dst_left = out.storage.size() - used;
        continue;
      }
      out.error_offset = static_cast<std::size_t>(in - bytes.data());
      iconv_close(cd);
      out.storage.clear();
      return out;
    }
  }
  iconv_close(cd);
  out.storage.resize(out.storage.size() - dst_left);
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

DecodedText decode_text(std::string_view bytes, EncodingChoice choice) {
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
  const std::size_t bad = first_invalid_utf8(bytes);
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
  bool ascii = true;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return trim(s);
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
