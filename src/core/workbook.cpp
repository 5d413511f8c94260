#include "matchday/workbook.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>

#include <rapidxml/rapidxml.hpp>
#include <zlib.h>

#include "matchday/csv.hpp"
#include "matchday/text.hpp"

namespace matchday {
namespace {

using Node = rapidxml::xml_node<char>;
using Document = rapidxml::xml_document<char>;

constexpr std::uint32_t k_max_rows = 1048576;  // Excel's limits
constexpr std::uint32_t k_max_cols = 16384;

std::uint16_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t u32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(u16(b, at)) | static_cast<std::uint32_t>(u16(b, at + 2)) << 16;
}
std::uint64_t u64(std::string_view b, std::size_t at) {
  return static_cast<std::uint64_t>(u32(b, at)) | static_cast<std::uint64_t>(u32(b, at + 4)) << 32;
}

// A part name as a key: no leading '/', '\' as '/', ASCII lower case.
std::string part_key(std::string_view name) {
  std::string out;
  while (!name.empty() && (name.front() == '/' || name.front() == '\\')) name.remove_prefix(1);
  out.reserve(name.size());
  for (char c : name) {
    if (c == '\\') c = '/';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  return out;
}

// The local part of an XML name ("x:row" → "row").
std::string_view local_name(const Node* n) {
  std::string_view s(n->name(), n->name_size());
  const std::size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}
std::string_view local_name_of(std::string_view s) {
  const std::size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

std::string_view attr(const Node* n, std::string_view local) {
  for (auto* a = n->first_attribute(); a; a = a->next_attribute()) {
    if (local_name_of({a->name(), a->name_size()}) == local) return {a->value(), a->value_size()};
  }
  return {};
}

Node* child(const Node* n, std::string_view local) {
  for (Node* c = n->first_node(); c; c = c->next_sibling()) {
    if (c->type() == rapidxml::node_element && local_name(c) == local) return c;
  }
  return nullptr;
}

std::string_view value(const Node* n) { return n ? std::string_view(n->value(), n->value_size()) : std::string_view{}; }

// An upper bound, roughly, on how deeply the elements in `s` nest: rapidxml
// recurses once per level, so a deep enough nest would overflow the stack.
bool nests_too_deep(std::string_view s) {
  if (s.size() < 30000) return false;  // at most 10,000 levels
  long depth = 0;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '<') {
      if (s[i + 1] == '/') {
        --depth;
      } else if (s[i + 1] != '!' && s[i + 1] != '?') {
        if (++depth > 2000) return true;
      }
    } else if (s[i] == '/' && s[i + 1] == '>') {
      --depth;
    }
  }
  return false;
}

constexpr int k_parse_flags = rapidxml::parse_no_data_nodes;

// Parses the zero-terminated `text` into `doc`; false on malformed XML.
bool parse_xml(Document& doc, char* text, std::size_t size) {
  doc.clear();
  if (nests_too_deep({text, size})) return false;
  try {
    doc.parse<k_parse_flags>(text);
  } catch (const rapidxml::parse_error&) {
    return false;
  }
  return true;
}

// The root element of a document.
Node* root(Document& doc) {
  for (Node* c = doc.first_node(); c; c = c->next_sibling()) {
    if (c->type() == rapidxml::node_element) return c;
  }
  return nullptr;
}

// OOXML escapes for characters XML cannot hold: _x000D_ is CR, _x005F_ '_'.
void append_unescaped(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t u = s.find("_x", i);
    if (u == std::string_view::npos || u + 7 > s.size() || s[u + 6] != '_') {
      const std::size_t end = u == std::string_view::npos ? s.size() : std::min(s.size(), u + 1);
      out.append(s.substr(i, end - i));
      i = end;
      continue;
    }
    unsigned code = 0;
    bool hex = true;
    for (std::size_t k = u + 2; k < u + 6; ++k) {
      const char c = s[k];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) hex = false;
      code = code * 16 + static_cast<unsigned>(std::max(d, 0));
    }
    out.append(s.substr(i, u - i));
    if (!hex) {
      out += '_';
      i = u + 1;
      continue;
    }
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0xD800 || code > 0xDFFF) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
    i = u + 7;
  }
}

// The text of a shared string <si> or an inline <is>: its <t>, or its runs'
// <t>s (rich text); phonetic runs (<rPh>) are not part of it.
std::string rich_text(const Node* n) {
  std::string out;
  for (const Node* c = n->first_node(); c; c = c->next_sibling()) {
    if (c->type() != rapidxml::node_element) continue;
    const std::string_view name = local_name(c);
    if (name == "t") {
      append_unescaped(out, value(c));
    } else if (name == "r") {
      append_unescaped(out, value(child(c, "t")));
    }
  }
  return out;
}

// "B7" → column 1, row 7; false when it is not a cell reference in range.
bool parse_ref(std::string_view s, std::uint32_t& row, std::uint32_t& col) {
  std::size_t i = 0;
  std::uint32_t c = 0;
  while (i < s.size() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) {
    c = c * 26 + static_cast<std::uint32_t>((s[i] | 0x20) - 'a' + 1);
    if (++i > 3) return false;
  }
  if (i == 0) return false;
  std::uint32_t r = 0;
  const std::size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    r = r * 10 + static_cast<std::uint32_t>(s[i] - '0');
    if (i - digits > 7) return false;
    ++i;
  }
  if (i != s.size() || i == digits || r == 0 || r > k_max_rows || c > k_max_cols) return false;
  row = r;
  col = c - 1;
  return true;
}

std::uint32_t to_uint(std::string_view s, std::uint32_t fallback) {
  std::uint64_t v = 0;
  if (s.empty() || s.size() > 9) return fallback;
  for (char c : s) {
    if (c < '0' || c > '9') return fallback;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return static_cast<std::uint32_t>(v);
}

bool fail(std::vector<Diagnostic>& diags, std::string_view source, std::string_view code,
          std::vector<std::string> args = {}) {
  diags.push_back({Severity::error, std::string(source), 0, "", "", code, std::move(args)});
  return false;
}

const Workbook::Entry* find_entry(const Workbook& wb, std::string_view name) {
  const std::string key = part_key(name);
  for (const Workbook::Entry& e : wb.entries_) {
    if (e.name == key) return &e;
  }
  return nullptr;
}

enum class Inflate { ok, missing, corrupt, too_large };

// The inflated bytes of part `name`, with a NUL after them (for rapidxml).
Inflate read_part(const Workbook& wb, std::string_view name, std::string& out) {
  const Workbook::Entry* e = find_entry(wb, name);
  if (!e) return Inflate::missing;
  if (e->size > k_max_part_bytes) return Inflate::too_large;
  const std::string_view packed = wb.bytes_.substr(e->data, e->packed);
  if (e->method == 0) {
    out.assign(packed);
    out += '\0';
    return Inflate::ok;
  }
  if (e->method != 8) return Inflate::corrupt;
  // Room for what the directory says, but never more than deflate can make
  // of the packed bytes (about 1032:1): a lying directory gets no more.
  const std::size_t most = std::min<std::size_t>(k_max_part_bytes, packed.size() * 1040 + 1024);
  out.clear();
  out.resize(std::min(e->size, most) + 1);
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return Inflate::corrupt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  std::size_t in_left = packed.size();
  std::size_t done = 0;
  Inflate result = Inflate::ok;
  while (true) {
    if (done + 1 >= out.size()) {
      if (out.size() > most) {
        result = packed.size() * 1040 + 1024 >= k_max_part_bytes ? Inflate::too_large : Inflate::corrupt;
        break;
      }
      out.resize(std::min(most + 2, std::max<std::size_t>(out.size() * 2, 4096)));
    }
    const auto in_now = static_cast<uInt>(std::min<std::size_t>(in_left, 1U << 30));
    const auto out_now = static_cast<uInt>(std::min<std::size_t>(out.size() - 1 - done, 1U << 30));
    z.avail_in = in_now;
    z.next_out = reinterpret_cast<Bytef*>(out.data() + done);
    z.avail_out = out_now;
    const int rc = inflate(&z, Z_NO_FLUSH);
    in_left -= in_now - z.avail_in;
    done += out_now - z.avail_out;
    if (rc == Z_STREAM_END) break;
    if (rc != Z_OK && !(rc == Z_BUF_ERROR && z.avail_out == 0)) {
      result = Inflate::corrupt;
      break;
    }
    if (rc == Z_OK && z.avail_out != 0 && in_left == 0) {  // the data ended early
      result = Inflate::corrupt;
      break;
    }
  }
  inflateEnd(&z);
  if (result != Inflate::ok) return result;
  out.resize(done);
  out += '\0';
  return Inflate::ok;
}

bool part_error(Inflate r, std::string_view name, std::string_view source, std::vector<Diagnostic>& diags) {
  switch (r) {
    case Inflate::ok: return true;
    case Inflate::missing: return fail(diags, source, "workbook.part_missing", {std::string(name)});
    case Inflate::too_large:
      return fail(diags, source, "workbook.too_large", {std::string(name), std::to_string(k_max_part_bytes >> 20)});
    case Inflate::corrupt: break;
  }
  return fail(diags, source, "workbook.corrupt", {std::string(name)});
}

// Reads the ZIP's central directory into wb.entries_.
bool read_directory(Workbook& wb, std::string_view source, std::vector<Diagnostic>& diags) {
  const std::string_view b = wb.bytes_;
  if (b.size() < 22) return fail(diags, source, "workbook.corrupt", {"ZIP"});
  std::size_t eocd = std::string_view::npos;
  const std::size_t lowest = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
  for (std::size_t i = b.size() - 22 + 1; i-- > lowest;) {
    if (u32(b, i) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string_view::npos) return fail(diags, source, "workbook.corrupt", {"ZIP"});
  std::uint64_t cd_size = u32(b, eocd + 12);
  std::uint64_t cd_offset = u32(b, eocd + 16);
  if ((cd_offset == 0xFFFFFFFF || cd_size == 0xFFFFFFFF || u16(b, eocd + 10) == 0xFFFF) && eocd >= 20 &&
      u32(b, eocd - 20) == 0x07064b50) {  // ZIP64
    const std::uint64_t at = u64(b, eocd - 20 + 8);
    if (at > b.size() || b.size() - at < 56 || u32(b, at) != 0x06064b50) {
      return fail(diags, source, "workbook.corrupt", {"ZIP"});
    }
    cd_size = u64(b, at + 40);
    cd_offset = u64(b, at + 48);
  }
  if (cd_offset > b.size() || cd_size > b.size() - cd_offset) return fail(diags, source, "workbook.corrupt", {"ZIP"});
  std::size_t p = cd_offset;
  const std::size_t end = cd_offset + cd_size;
  while (p + 46 <= end && u32(b, p) == 0x02014b50) {
    const std::uint16_t flags = u16(b, p + 8);
    Workbook::Entry e;
    e.method = u16(b, p + 10);
    std::uint64_t packed = u32(b, p + 20);
    std::uint64_t size = u32(b, p + 24);
    const std::size_t name_len = u16(b, p + 28);
    const std::size_t extra_len = u16(b, p + 30);
    const std::size_t comment_len = u16(b, p + 32);
    std::uint64_t local = u32(b, p + 42);
    if (p + 46 + name_len + extra_len + comment_len > end) return fail(diags, source, "workbook.corrupt", {"ZIP"});
    e.name = part_key(b.substr(p + 46, name_len));
    // ZIP64 sizes and offset, in the extra field, for those that overflowed.
    std::size_t x = p + 46 + name_len;
    const std::size_t x_end = x + extra_len;
    while (x + 4 <= x_end) {
      const std::uint16_t id = u16(b, x);
      const std::size_t len = u16(b, x + 2);
      if (x + 4 + len > x_end) break;
      if (id == 1) {
        std::size_t q = x + 4;
        const auto take = [&](std::uint64_t& v) {
          if (v == 0xFFFFFFFF && q + 8 <= x + 4 + len) {
            v = u64(b, q);
            q += 8;
          }
        };
        take(size);
        take(packed);
        take(local);
      }
      x += 4 + len;
    }
    p += 46 + name_len + extra_len + comment_len;
    if (e.name.empty() || e.name.back() == '/') continue;  // a folder
    if (flags & 1) return fail(diags, source, "workbook.encrypted");
    if (local > b.size() || b.size() - local < 30 || u32(b, local) != 0x04034b50) {
      return fail(diags, source, "workbook.corrupt", {e.name});
    }
    const std::uint64_t data = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (data > b.size() || packed > b.size() - data) return fail(diags, source, "workbook.corrupt", {e.name});
    e.data = static_cast<std::size_t>(data);
    e.packed = static_cast<std::size_t>(packed);
    e.size = static_cast<std::size_t>(std::min<std::uint64_t>(size, SIZE_MAX / 2));
    wb.entries_.push_back(std::move(e));
  }
  if (wb.entries_.empty()) return fail(diags, source, "workbook.corrupt", {"ZIP"});
  return true;
}

// The directory part of a part name ("xl/workbook.xml" → "xl/").
std::string part_dir(std::string_view name) {
  const std::size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(name.substr(0, slash + 1));
}

// A relationship's target resolved against `base_dir`: absolute targets
// ("/xl/worksheets/sheet1.xml", as WPS writes them) from the root; "./" and
// "../" folded.
std::string resolve(std::string_view base_dir, std::string_view target) {
  std::string path;
  if (!target.empty() && (target.front() == '/' || target.front() == '\\')) {
    path = std::string(target);
  } else {
    path = std::string(base_dir) + std::string(target);
  }
  for (char& c : path) {
    if (c == '\\') c = '/';
  }
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= path.size()) {
    const std::size_t slash = std::min(path.find('/', i), path.size());
    const std::string seg = path.substr(i, slash - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = slash + 1;
  }
  std::string out;
  for (const std::string& s : parts) out += (out.empty() ? "" : "/") + s;
  return out;
}

struct Relationship {
  std::string id, type, target;
};

// The relationships of part `name` (from its _rels/NAME.rels), targets resolved.
std::vector<Relationship> relationships(const Workbook& wb, std::string_view name, Document& doc) {
  std::vector<Relationship> out;
  const std::string dir = part_dir(name);
  const std::string file(name.substr(dir.size()));
  std::string text;
  if (read_part(wb, dir + "_rels/" + file + ".rels", text) != Inflate::ok) return out;
  if (!parse_xml(doc, text.data(), text.size())) return out;
  const Node* r = root(doc);
  if (!r) return out;
  for (const Node* n = r->first_node(); n; n = n->next_sibling()) {
    if (n->type() != rapidxml::node_element || local_name(n) != "Relationship") continue;
    if (attr(n, "TargetMode") == "External") continue;
    out.push_back({std::string(attr(n, "Id")), std::string(attr(n, "Type")), resolve(dir, attr(n, "Target"))});
  }
  return out;
}

const Relationship* rel_of_type(const std::vector<Relationship>& rels, std::string_view type_end) {
  for (const Relationship& r : rels) {
    if (r.type.ends_with(type_end)) return &r;
  }
  return nullptr;
}

// Calls `f(node)` for each element `<prefix:tag ...>...</prefix:tag>` in
// buf[begin, end), each parsed on its own (a sheet's rows, a table's
// strings): memory stays that of one element, whatever the part's size.
// False when one is malformed.
template <class F>
bool each_element(std::string& buf, std::size_t begin, std::size_t end, std::string_view prefix,
                  std::string_view tag, Document& doc, F&& f) {
  const std::string open = "<" + std::string(prefix) + std::string(tag);
  const std::string close = "</" + std::string(prefix) + std::string(tag) + ">";
  std::size_t p = begin;
  const std::string_view all(buf.data(), end);
  // Boyer-Moore-Horspool: string_view::find stops at every '<' (memmem
  // would too well, but MinGW has none).
  const std::boyer_moore_horspool_searcher open_searcher(open.begin(), open.end());
  const std::boyer_moore_horspool_searcher close_searcher(close.begin(), close.end());
  const auto find = [&](const std::string& what, std::size_t from) {
    if (from >= all.size()) return std::string_view::npos;
    const auto& searcher = &what == &open ? open_searcher : close_searcher;
    const auto at = std::search(all.begin() + static_cast<std::ptrdiff_t>(from), all.end(), searcher);
    return at == all.end() ? std::string_view::npos : static_cast<std::size_t>(at - all.begin());
  };
  while (true) {
    p = find(open, p);
    if (p == std::string_view::npos) return true;
    const std::size_t after = p + open.size();
    if (after >= end) return false;
    const char c = all[after];
    if (c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      p = after;
      continue;
    }
    // The end of the start tag, past quoted attribute values.
    std::size_t q = after;
    char quote = 0;
    while (q < end && (quote || all[q] != '>')) {
      if (quote) {
        if (all[q] == quote) quote = 0;
      } else if (all[q] == '"' || all[q] == '\'') {
        quote = all[q];
      }
      ++q;
    }
    if (q >= end) return false;
    std::size_t stop;
    if (all[q - 1] == '/') {
      stop = q + 1;
    } else {
      const std::size_t c_at = find(close, q);
      if (c_at == std::string_view::npos) return false;
      stop = c_at + close.size();
    }
    const char saved = buf[stop];
    buf[stop] = '\0';
    const bool ok = parse_xml(doc, buf.data() + p, stop - p);
    if (ok) {
      if (const Node* n = root(doc)) f(n);
    }
    buf[stop] = saved;
    if (!ok) return false;
    p = stop;
  }
}

// The namespace prefix of the root element's name ("x:" for <x:worksheet>).
std::string root_prefix(std::string_view text) {
  std::size_t p = 0;
  while ((p = text.find('<', p)) != std::string_view::npos) {
    if (p + 1 < text.size() && text[p + 1] != '?' && text[p + 1] != '!') break;
    ++p;
  }
  if (p == std::string_view::npos) return {};
  std::size_t e = p + 1;
  while (e < text.size() && text[e] != ' ' && text[e] != '>' && text[e] != '/' && text[e] != '\r' && text[e] != '\n' &&
         text[e] != '\t') {
    ++e;
  }
  const std::string_view name = text.substr(p + 1, e - p - 1);
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? std::string() : std::string(name.substr(0, colon + 1));
}

bool read_styles(Workbook& wb, std::string_view part, Document& doc) {
  std::string text;
  if (read_part(wb, part, text) != Inflate::ok) return false;
  if (!parse_xml(doc, text.data(), text.size())) return false;
  const Node* r = root(doc);
  if (!r) return false;
  std::vector<std::pair<std::uint32_t, int>> custom;
  if (const Node* fmts = child(r, "numFmts")) {
    for (const Node* f = fmts->first_node(); f; f = f->next_sibling()) {
      if (f->type() == rapidxml::node_element && local_name(f) == "numFmt") {
        custom.emplace_back(to_uint(attr(f, "numFmtId"), 0), number_format_kind(attr(f, "formatCode")));
      }
    }
  }
  const Node* xfs = child(r, "cellXfs");
  if (!xfs) return true;
  for (const Node* x = xfs->first_node(); x; x = x->next_sibling()) {
    if (x->type() != rapidxml::node_element || local_name(x) != "xf") continue;
    const std::uint32_t id = to_uint(attr(x, "numFmtId"), 0);
    int kind = 0;
    bool found = false;
    for (const auto& [cid, ck] : custom) {
      if (cid == id) {
        kind = ck;
        found = true;
      }
    }
    if (!found) {
      if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 ||
          id == 58) {
        kind = 1;
      } else if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id == 55 ||
                 id == 56) {
        kind = 2;
      } else if (id == 22) {
        kind = 3;
      }
    }
    wb.date_style_.push_back(static_cast<std::uint8_t>(kind));
  }
  return true;
}

bool read_shared_strings(Workbook& wb, std::string_view part, std::string_view source, Document& doc,
                         std::vector<Diagnostic>& diags) {
  std::string text;
  const Inflate r = read_part(wb, part, text);
  if (r == Inflate::missing) return true;
  if (r != Inflate::ok) return part_error(r, part, source, diags);
  const std::string prefix = root_prefix(text);
  const bool ok = each_element(text, 0, text.size() - 1, prefix, "si", doc,
                               [&](const Node* si) { wb.shared_.push_back(rich_text(si)); });
  if (!ok) return fail(diags, source, "workbook.corrupt", {std::string(part)});
  return true;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == "PK\x03\x04"; }

bool looks_like_ole2(std::string_view bytes) {
  return bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

bool open_workbook(std::string_view bytes, std::string_view source, Workbook& wb, std::vector<Diagnostic>& diags) {
  wb = Workbook{};
  wb.bytes_ = bytes;
  if (bytes.empty()) return fail(diags, source, "workbook.empty");
  if (looks_like_ole2(bytes)) return fail(diags, source, "workbook.encrypted");
  if (!looks_like_zip(bytes)) return fail(diags, source, "workbook.not_zip");
  if (!read_directory(wb, source, diags)) return false;

  auto doc = std::make_unique<Document>();
  // The workbook part: from the package's relationships, or where Excel puts it.
  std::string book = "xl/workbook.xml";
  for (const Relationship& r : relationships(wb, "", *doc)) {
    if (r.type.ends_with("/officeDocument") && find_entry(wb, r.target)) book = r.target;
  }
  if (!find_entry(wb, book)) {
    for (const Workbook::Entry& e : wb.entries_) {
      if (e.name.ends_with("workbook.xml")) book = e.name;
    }
  }
  std::string text;
  if (!part_error(read_part(wb, book, text), book, source, diags)) return false;
  const std::vector<Relationship> rels = relationships(wb, book, *doc);
  if (!parse_xml(*doc, text.data(), text.size())) return fail(diags, source, "workbook.corrupt", {book});
  const Node* r = root(*doc);
  if (!r) return fail(diags, source, "workbook.corrupt", {book});
  if (const Node* pr = child(r, "workbookPr")) {
    const std::string_view d = attr(pr, "date1904");
    wb.date1904 = d == "1" || d == "true";
  }
  const std::string dir = part_dir(book);
  if (const Node* sheets = child(r, "sheets")) {
    std::size_t k = 0;
    for (const Node* s = sheets->first_node(); s; s = s->next_sibling()) {
      if (s->type() != rapidxml::node_element || local_name(s) != "sheet") continue;
      ++k;
      WorkbookSheet sheet;
      sheet.name = std::string(attr(s, "name"));
      const std::string_view state = attr(s, "state");
      sheet.visible = state != "hidden" && state != "veryHidden";
      const std::string_view id = attr(s, "id");
      for (const Relationship& rel : rels) {
        if (rel.id == id) sheet.part = rel.target;
      }
      // No relationships (or a broken one): where Excel would have put it.
      if (sheet.part.empty() || !find_entry(wb, sheet.part)) {
        const std::string guess = dir + "worksheets/sheet" + std::to_string(k) + ".xml";
        if (find_entry(wb, guess)) sheet.part = guess;
      }
      if (sheet.name.empty()) sheet.name = "Sheet" + std::to_string(k);
      // A chartsheet or dialog sheet holds no cells: not a table.
      for (const Relationship& rel : rels) {
        if (rel.id == id && (rel.type.ends_with("/chartsheet") || rel.type.ends_with("/dialogsheet"))) {
          sheet.part.clear();
        }
      }
      if (sheet.part.empty()) continue;
      wb.sheets.push_back(std::move(sheet));
    }
  }
  if (wb.sheets.empty()) return fail(diags, source, "workbook.no_sheets");

  const Relationship* styles = rel_of_type(rels, "/styles");
  read_styles(wb, styles ? styles->target : dir + "styles.xml", *doc);  // a workbook may have none
  const Relationship* strings = rel_of_type(rels, "/sharedStrings");
  return read_shared_strings(wb, strings ? strings->target : dir + "sharedStrings.xml", source, *doc, diags);
}

bool sheet_text(const Workbook& wb, std::size_t index, std::string_view source, std::string& out,
                std::vector<Diagnostic>& diags) {
  out.clear();
  if (index >= wb.sheets.size()) return fail(diags, source, "workbook.corrupt", {"sheet"});
  const std::string& part = wb.sheets[index].part;
  std::string text;
  if (!part_error(read_part(wb, part, text), part, source, diags)) return false;
  const std::string_view all(text.data(), text.size() - 1);
  const std::string prefix = root_prefix(all);
  auto doc = std::make_unique<Document>();

  // Merged ranges, after the cells: their values fill the ranges.
  struct Merge {
    std::uint32_t r1, c1, r2, c2;
    std::string value;
  };
  std::vector<Merge> merges;
  const std::size_t data_end = all.rfind("</" + prefix + "sheetData>");
  const std::size_t merge_at = all.find("<" + prefix + "mergeCells", data_end == std::string_view::npos ? 0 : data_end);
  if (merge_at != std::string_view::npos) {
    const bool ok = each_element(text, merge_at, all.size(), prefix, "mergeCell", *doc, [&](const Node* m) {
      const std::string_view ref = attr(m, "ref");
      const std::size_t colon = ref.find(':');
      Merge g{};
      if (colon == std::string_view::npos || !parse_ref(ref.substr(0, colon), g.r1, g.c1) ||
          !parse_ref(ref.substr(colon + 1), g.r2, g.c2) || g.r2 < g.r1 || g.c2 < g.c1) {
        return;
      }
      if (static_cast<std::uint64_t>(g.r2 - g.r1 + 1) * (g.c2 - g.c1 + 1) > 1000000) return;  // not a table's
      merges.push_back(std::move(g));
    });
    if (!ok) return fail(diags, source, "workbook.corrupt", {part});
    std::sort(merges.begin(), merges.end(), [](const Merge& a, const Merge& b) {
      return std::tie(a.r1, a.c1) < std::tie(b.r1, b.c1);
    });
  }

  SheetTextWriter w;
  std::uint32_t last_row = 0;
  std::string cell;
  std::vector<std::pair<std::uint32_t, std::string>> row_cells;
  std::size_t merge_next = 0;
  std::vector<Merge*> active;
  bool bad_ref = false;
  const std::size_t data_at = all.find("<" + prefix + "sheetData");
  const auto on_row = [&](const Node* row) {
    std::uint32_t r = to_uint(attr(row, "r"), last_row + 1);
    if (r == 0 || r > k_max_rows) {
      bad_ref = true;
      return;
    }
    // Merged ranges over rows that have no cells, between the last row and this one.
    for (Merge* m : active) {
      if (m->value.empty()) continue;
      for (std::uint32_t gap = std::max(m->r1, last_row + 1); gap < r && gap <= m->r2; ++gap) {
        for (std::uint32_t col = m->c1; col <= m->c2; ++col) w.cell(gap, col, m->value);
      }
    }
    last_row = r;
    while (merge_next < merges.size() && merges[merge_next].r1 <= r) active.push_back(&merges[merge_next++]);
    std::erase_if(active, [r](const Merge* m) { return m->r2 < r; });
    row_cells.clear();
    std::uint32_t next_col = 0;
    for (const Node* c = row->first_node(); c; c = c->next_sibling()) {
      if (c->type() != rapidxml::node_element || local_name(c) != "c") continue;
      std::uint32_t cr = r;
      std::uint32_t cc = next_col;
      const std::string_view ref = attr(c, "r");
      if (!ref.empty() && (!parse_ref(ref, cr, cc) || cr != r)) {
        bad_ref = true;
        return;
      }
      if (cc >= k_max_cols) {
        bad_ref = true;
        return;
      }
      next_col = cc + 1;
      const std::string_view t = attr(c, "t");
      cell.clear();
      std::string_view text_of_cell;  // the cell's text: a shared string's, or `cell`
      bool shared = false;
      if (t == "inlineStr") {
        if (const Node* is = child(c, "is")) cell = rich_text(is);
      } else {
        const std::string_view v = value(child(c, "v"));
        if (t == "s") {
          const std::uint32_t k = to_uint(v, UINT32_MAX);
          if (k < wb.shared_.size()) {
            text_of_cell = wb.shared_[k];
            shared = true;
          }
        } else if (t == "str" || t == "e") {
          append_unescaped(cell, v);
        } else if (t == "b") {
          cell = v == "1" || v == "true" ? "TRUE" : v.empty() ? "" : "FALSE";
        } else if (!v.empty()) {  // a number (t="n", absent) or an ISO date (t="d")
          double d = 0;
          const char* first = v.data() + (v.front() == '+' ? 1 : 0);
          const auto [end, ec] = std::from_chars(first, v.data() + v.size(), d);
          if (t == "d" || ec != std::errc() || end != v.data() + v.size()) {
            cell = v;
          } else {
            const std::uint32_t s = to_uint(attr(c, "s"), 0);
            const int kind = s < wb.date_style_.size() ? wb.date_style_[s] : 0;
            if (kind != 0) cell = serial_date_text(d, kind, wb.date1904);
            if (cell.empty()) cell = general_number(d);
          }
        }
      }
      if (!shared) text_of_cell = cell;
      if (active.empty()) {  // no merged range here: straight into the text
        if (!text_of_cell.empty()) w.cell(r, cc, text_of_cell);
      } else {
        row_cells.emplace_back(cc, std::string(text_of_cell));
      }
    }
    if (active.empty()) return;
    // Merged ranges over this row: the first cell's value fills the rest.
    for (Merge* m : active) {
      if (m->r1 == r) {
        for (const auto& [col, text_] : row_cells) {
          if (col == m->c1) m->value = text_;
        }
      }
      if (m->value.empty()) continue;
      for (std::uint32_t col = m->c1; col <= m->c2; ++col) {
        bool set = false;
        for (auto& [cc2, text_] : row_cells) {
          if (cc2 == col) {
            if (text_.empty()) text_ = m->value;
            set = true;
          }
        }
        if (!set) row_cells.emplace_back(col, m->value);
      }
    }
    std::stable_sort(row_cells.begin(), row_cells.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [col, text_] : row_cells) {
      if (!text_.empty()) w.cell(r, col, text_);
    }
  };
  if (data_at != std::string_view::npos) {
    const std::size_t stop = data_end == std::string_view::npos || data_end < data_at ? all.size() : data_end;
    if (!each_element(text, data_at, stop, prefix, "row", *doc, on_row)) {
      return fail(diags, source, "workbook.corrupt", {part});
    }
  }
  if (bad_ref) return fail(diags, source, "workbook.corrupt", {part});
  // Merged ranges over rows that have no cells at all.
  for (Merge& m : merges) {
    if (m.value.empty() || m.r2 <= last_row) continue;
    for (std::uint32_t row = std::max(m.r1, last_row + 1); row <= m.r2; ++row) {
      for (std::uint32_t col = m.c1; col <= m.c2; ++col) w.cell(row, col, m.value);
    }
  }
  out = w.finish();
  return true;
}

void SheetTextWriter::cell(std::uint32_t row, std::uint32_t col, std::string_view text) {
  if (m_any && (row < m_row || (row == m_row && col <= m_col))) {
    m_late.push_back({row, col, std::string(text)});
    return;
  }
  write(row, col, text);
}

void SheetTextWriter::write(std::uint32_t row, std::uint32_t col, std::string_view t) {
  if (row > m_row) {
    m_out.append(row - m_row, '\n');
    m_row = row;
    m_col = 0;
  } else if (m_any) {
    ++m_col;  // the comma after the last cell
    m_out += ',';
  }
  m_out.append(col - m_col, ',');
  m_col = col;
  m_any = true;
  bool quote = false;
  bool breaks = false;
  for (char ch : t) {
    quote = quote || ch == ',' || ch == '"' || ch == ';';
    breaks = breaks || ch == '\n' || ch == '\r' || ch == '\t';
  }
  if (!quote && !breaks) {
    m_out.append(t);
    return;
  }
  if (quote) m_out += '"';
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char ch = t[i];
    if (ch == '"') {
      m_out += "\"\"";
    } else if (ch == '\r' || ch == '\n' || ch == '\t') {
      if (ch == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
      m_out += ' ';  // a line break inside a cell: a space (line N stays row N)
    } else {
      m_out += ch;
    }
  }
  if (quote) m_out += '"';
}

std::string SheetTextWriter::finish() {
  if (m_any) m_out += '\n';
  std::string out = std::move(m_out);
  std::vector<Late> late = std::move(m_late);
  *this = SheetTextWriter{};
  if (late.empty()) return out;
  // Cells out of order (rare): all of them again, sorted; the last one
  // written at a place wins.
  std::vector<Late> cells;
  CsvReader reader(out, ',');
  CsvRecord rec;
  while (reader.next(rec)) {
    for (std::size_t k = 0; k < rec.fields.size(); ++k) {
      if (!rec.fields[k].empty()) {
        cells.push_back({static_cast<std::uint32_t>(rec.line), static_cast<std::uint32_t>(k), std::string(rec.fields[k])});
      }
    }
  }
  cells.insert(cells.end(), std::make_move_iterator(late.begin()), std::make_move_iterator(late.end()));
  std::stable_sort(cells.begin(), cells.end(),
                   [](const Late& a, const Late& b) { return std::tie(a.row, a.col) < std::tie(b.row, b.col); });
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k + 1 < cells.size() && cells[k + 1].row == cells[k].row && cells[k + 1].col == cells[k].col) continue;
    write(cells[k].row, cells[k].col, cells[k].text);
  }
  if (m_any) m_out += '\n';
  out = std::move(m_out);
  *this = SheetTextWriter{};
  return out;
}

std::string general_number(double v) {
  if (!std::isfinite(v)) return "#NUM!";
  if (v == 0) return "0";
  const double a = std::fabs(v);
  char buf[64];
  if (a < 1e11 && a >= 1e-4) {
    if (a == std::floor(a)) {
      const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
      return {buf, r.ptr};
    }
    const int digits = a < 1 ? 1 : static_cast<int>(std::floor(std::log10(a))) + 1;
    const int decimals = std::max(0, 10 - digits);
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    if (s != "0" && s != "-0" && s.size() <= 12) return s;
  }
  // Scientific: as many mantissa digits as 11 characters leave.
  for (int decimals = 5; decimals >= 0; --decimals) {
    std::snprintf(buf, sizeof buf, "%.*E", decimals, v);
    std::string s = buf;
    const std::size_t e = s.find('E');
    std::string mant = s.substr(0, e);
    std::string exp = s.substr(e + 1);  // "+17", "-05", "+100"
    if (mant.find('.') != std::string::npos) {
      while (mant.back() == '0') mant.pop_back();
      if (mant.back() == '.') mant.pop_back();
    }
    std::string out = mant + "E" + exp;
    if (out.size() - (v < 0 ? 1 : 0) <= 11 || decimals == 0) return out;
  }
  return "0";
}

std::string serial_date_text(double serial, int kind, bool date1904) {
  if (!(serial >= 0) || serial > 2958466) return {};
  double whole = std::floor(serial);
  auto secs = static_cast<long>(std::llround((serial - whole) * 86400.0));
  if (secs >= 86400) {
    secs -= 86400;
    whole += 1;
  }
  long days = static_cast<long>(whole);
  char buf[48];
  std::string date;
  if (kind != 2) {
    long y = 0;
    unsigned m = 0;
    unsigned d = 0;
    if (!date1904 && days == 60) {
      y = 1900, m = 2, d = 29;  // Lotus's leap day, which Excel keeps
    } else {
      // Days since 1970-01-01: serial 25569 in the 1900 system (whose day
      // 60 is Lotus's 1900-02-29), 1904-01-01 is serial 0 in the 1904 system.
      long z = date1904 ? days - 24107 : (days < 60 ? days + 1 : days) - 25569;
      z += 719468;
      const long era = (z >= 0 ? z : z - 146096) / 146097;
      const auto doe = static_cast<unsigned>(z - era * 146097);
      const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
      y = static_cast<long>(yoe) + era * 400;
      const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
      const unsigned mp = (5 * doy + 2) / 153;
      d = doy - (153 * mp + 2) / 5 + 1;
      m = mp < 10 ? mp + 3 : mp - 9;
      if (m <= 2) ++y;
    }
    if (!date1904 && days == 0 && kind == 3) return {};
    if (y < 0 || y > 9999) return {};
    date = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
            static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
            static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
            static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
  }
  if (kind == 1) return date;
  const long h = secs / 3600;
  const long mi = secs / 60 % 60;
  const long s = secs % 60;
  if (s != 0) {
    std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", h, mi, s);
  } else {
    std::snprintf(buf, sizeof buf, "%02ld:%02ld", h, mi);
  }
  if (kind == 2) return buf;
  return date + " " + buf;
}

std::string column_letters(std::uint32_t col) {
  std::string out;
  std::uint32_t n = col + 1;
  while (n > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return out;
}

int number_format_kind(std::string_view code) {
  // The first section (positive numbers); quoted text, escapes and [..] do not count.
  bool date = false;
  bool time = false;
  bool month_or_minute = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      const std::size_t e = code.find('"', i + 1);
      if (e == std::string_view::npos) break;
      i = e;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      const std::size_t e = code.find(']', i + 1);
      if (e == std::string_view::npos) break;
      const std::string_view in = code.substr(i + 1, e - i - 1);
      if (in == "h" || in == "hh" || in == "m" || in == "mm" || in == "s" || in == "ss") time = true;
      i = e;
    } else {
      const char l = static_cast<char>(c | 0x20);
      if (l == 'y' || l == 'd') date = true;
      if (l == 'h' || l == 's') time = true;
      if (l == 'm') month_or_minute = true;
    }
  }
  if (month_or_minute && !time) date = true;
  return (date ? 1 : 0) | (time ? 2 : 0);
}

void place_in_sheet(std::string_view text, std::string_view source, std::vector<Diagnostic>& diags,
                    std::size_t from) {
  std::vector<std::size_t> wanted;
  for (std::size_t i = from; i < diags.size(); ++i) {
    if (diags[i].source == source && diags[i].line > 0) wanted.push_back(diags[i].line);
  }
  if (wanted.empty()) return;
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  // The rows wanted, and the rows above the last of them (headers: the first
  // 64 rows, where a header is).
  std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;  // (line, cells)
  CsvReader reader(text, ',');
  CsvRecord rec;
  while (reader.next(rec) && rec.line <= wanted.back()) {
    const bool want = std::binary_search(wanted.begin(), wanted.end(), rec.line);
    if (!want && rec.line > 64) continue;
    if (rec.blank() && !want) continue;
    std::vector<std::string> cells;
    for (std::string_view f : rec.fields) cells.emplace_back(trim(f));
    rows.emplace_back(rec.line, std::move(cells));
  }
  for (std::size_t i = from; i < diags.size(); ++i) {
    Diagnostic& d = diags[i];
    if (d.source != source || d.line == 0) continue;
    std::optional<std::size_t> col;
    const std::string column(trim(d.column));
    if (!column.empty()) {
      for (const auto& [line, cells] : rows) {
        if (line >= d.line) break;
        for (std::size_t k = 0; k < cells.size() && !col; ++k) {
          if (cells[k] == column || fold_key(cells[k]) == fold_key(column)) col = k;
        }
        if (col) break;
      }
    }
    if (!col && !d.value.empty()) {
      for (const auto& [line, cells] : rows) {
        if (line != d.line) continue;
        std::optional<std::size_t> only;
        std::size_t count = 0;
        for (std::size_t k = 0; k < cells.size(); ++k) {
          if (cells[k] == trim(d.value)) {
            only = k;
            ++count;
          }
        }
        if (count == 1) col = only;
      }
    }
    d.source += ':';
    if (col) d.source += column_letters(static_cast<std::uint32_t>(*col));
    d.source += std::to_string(d.line);
    d.line = 0;
  }
}

}  // namespace matchday
