#include "parse_util.hpp"

#include <cstring>
#include <string>

#include "bytes.hpp"
#include "matchday/text.hpp"

namespace matchday {

std::string_view date_error_code(DateError e) {
  switch (e) {
    case DateError::ambiguous: return "date_ambiguous";
    case DateError::invalid: return "date_invalid";
    case DateError::missing: return "date_missing";
    case DateError::unrecognised:
    case DateError::none: break;
  }
  return "date_unrecognised";
}

bool report_header(const FoundHeader& h, std::string_view source, DiagnosticSink& sink) {
  if (h.line == 0) return false;
  if (h.found) {
    if (h.rows == 2) {
      sink.add({Severity::warning, std::string(source), h.line, "", "", "header_two_rows",
                {std::to_string(h.line), std::to_string(h.last_line), std::to_string(h.title.size())}});
    } else if (!h.title.empty()) {
      sink.add({Severity::warning, std::string(source), h.line, "", "", "header_found_at",
                {std::to_string(h.line), std::to_string(h.title.size())}});
    }
    return true;
  }
  // The row as a user would see it in the sheet, cut when long.
  std::string row;
  std::size_t last = h.cells.size();
  while (last > 0 && h.cells[last - 1].empty()) --last;
  for (std::size_t i = 0; i < last; ++i) {
    if (i > 0) row += ',';
    row += h.cells[i];
  }
  if (display_width(row) > 80) {
    std::string cut;
    std::size_t at = 0;
    while (at < row.size() && display_width(cut) < 76) {
      std::size_t len = 1;
      while (at + len < row.size() && (static_cast<unsigned char>(row[at + len]) & 0xC0) == 0x80) ++len;
      cut.append(row, at, len);
      at += len;
    }
    row = cut + "…";
  }
  sink.add({Severity::error, std::string(source), h.line, "", row, "header_not_found",
            {std::to_string(k_header_search_rows)}});
  return false;
}

FormKey form_key(std::string_view text) {
  const std::string k = header_key(text);
  if (k.empty() || k.size() > 30) return FormKey::none;
  static constexpr std::string_view k_team[] = {"代表队", "代表单位", "单位", "参赛单位", "参赛队", "参赛队伍",
                                                "队名", "球队", "报名单位", "队伍名称", "单位名称", "代表队名称",
                                                "队伍", "申报单位", "参赛队名称"};
  static constexpr std::string_view k_category[] = {"参赛组别", "组别", "参赛组", "比赛组别", "报名组别"};
  static constexpr std::string_view k_other[] = {
      "填表人", "制表人", "填报人", "联系人", "联系电话", "电话", "手机", "手机号", "手机号码", "审核", "审核人",
      "审核意见", "负责人", "注", "备注", "说明", "日期", "填表日期", "报名日期", "填报日期", "签字", "签名",
      "盖章", "单位盖章", "主管部门", "主管部门意见", "意见", "邮箱", "电子邮箱", "地址", "通讯地址", "传真",
      "合计", "总计", "共计", "经办人", "校长", "学校盖章", "时间", "领导签字", "负责人签字", "审核单位"};
  for (std::string_view t : k_team) {
    if (k == t) return FormKey::team;
  }
  for (std::string_view t : k_category) {
    if (k == t) return FormKey::category;
  }
  if (k.find("领队") != std::string::npos) return FormKey::leader;
  if (k.find("教练") != std::string::npos) return FormKey::coach;
  if (k.find("队医") != std::string::npos || k == "医生" || k == "医务" || k == "医务人员") return FormKey::doctor;
  for (std::string_view t : k_other) {
    if (k == t) return FormKey::other;
  }
  return FormKey::none;
}


// The `key：value` pairs of a row of a form's title block or footer, for the
// keys form_key() knows: several in a cell (`代表队：海北州   参赛组别：甲组男子`),
// the value in the next cell (`领队：,马建军` or `领队,马建军`).
std::vector<FormPair> form_pairs(const std::vector<std::string>& cells) {
  std::vector<FormPair> out;
  std::string scratch;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string cell(normalize_cell(cells[i], scratch));  // full-width colons are ':'
    if (cell.empty()) continue;
    // Colons whose key (the word before them) is one form_key() knows.
    struct Key {
      std::size_t begin, colon;
      FormKey key;
    };
    std::vector<Key> keys;
    for (std::size_t c = cell.find(':'); c != std::string::npos; c = cell.find(':', c + 1)) {
      std::size_t b = c;
      while (b > 0 && cell[b - 1] != ' ' && cell[b - 1] != '\t' && cell[b - 1] != '\n') --b;
      if (!keys.empty() && b < keys.back().colon + 1) b = keys.back().colon + 1;
      const FormKey k = form_key(std::string_view(cell).substr(b, c - b));
      if (k != FormKey::none) keys.push_back({b, c, k});
    }
    const auto next_value = [&](std::size_t& at) {  // the next cell, when it is a plain value
      std::size_t j = at + 1;
      while (j < cells.size() && trim(cells[j]).empty()) ++j;
      if (j >= cells.size()) return std::string();
      const std::string v(normalize_cell(cells[j], scratch));
      if (v.find(':') != std::string::npos || form_key(v) != FormKey::none) return std::string();
      at = j;
      return v;
    };
    if (keys.empty()) {
      const FormKey k = form_key(cell);
      if (k != FormKey::none) {
        const std::size_t at = i;
        std::string v = next_value(i);
        out.push_back({k, std::move(v), at});
      }
      continue;
    }
    const std::size_t at = i;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const std::size_t end = k + 1 < keys.size() ? keys[k + 1].begin : cell.size();
      std::string v(trim(std::string_view(cell).substr(keys[k].colon + 1, end - keys[k].colon - 1)));
      if (v.empty() && k + 1 == keys.size()) v = next_value(i);
      out.push_back({keys[k].key, std::move(v), at});
    }
  }
  return out;
}


// Whether a row after the header is a line of the form's footer: its first
// cell is a key (填表人：…, 联系电话, 领队：…), a note (注：1.…, 说明), or a date
// (2025年7月1日, the blank `年  月  日` of a form).
bool footer_row(const std::vector<std::string>& cells, const std::vector<FormPair>& pairs) {
  std::size_t first = 0;
  while (first < cells.size() && trim(cells[first]).empty()) ++first;
  if (first >= cells.size()) return false;
  if (!pairs.empty() && pairs.front().cell == first) return true;
  std::string scratch;
  const std::string c(normalize_cell(cells[first], scratch));
  for (std::string_view note : {"注", "说明", "备注", "附注"}) {
    if (c.starts_with(note)) {
      const std::string_view rest = std::string_view(c).substr(note.size());
      if (rest.empty() || rest[0] == ':' || rest[0] == '.' || rest[0] == ' ' || (rest[0] >= '0' && rest[0] <= '9') ||
          rest.starts_with("、") || rest.starts_with("．") || rest.starts_with("(")) {
        return true;
      }
    }
  }
  // A row of hints under a template's header: 必填, 选填, 格式：2009-01-01, 如：630102….
  bool hints = true, any = false;
  for (std::size_t i = first; i < cells.size() && hints; ++i) {
    std::string h = header_key(cells[i]);
    if (h.empty()) continue;
    any = true;
    if (h.starts_with("(") && h.ends_with(")")) h = h.substr(1, h.size() - 2);
    hints = h == "必填" || h == "选填" || h == "非必填" || h == "可选" || h == "可不填" || h == "必填项" ||
            h == "选填项" || h.starts_with("格式") || h.starts_with("如:") || h.starts_with("例如") ||
            h.starts_with("请填写") || h.starts_with("填写");
  }
  if (any && hints) return true;
  // A date line: digits, spaces and 年月日 only, with all three.
  std::string rest;
  for (char ch : c) {
    if (!(ch >= '0' && ch <= '9') && ch != ' ') rest += ch;
  }
  if (rest == "年月日") return true;
  return false;
}


bool FooterRows::skip(const CsvRecord& record) {
  if (record.unterminated_quote) return false;
  m_cells.assign(record.fields.begin(), record.fields.end());
  if (!footer_row(m_cells, form_pairs(m_cells))) return false;
  m_lines.push_back(record.line);
  return true;
}

void FooterRows::said(std::string_view source, DiagnosticSink& sink) const {
  if (m_lines.empty()) return;
  sink.add({Severity::warning, std::string(source), m_lines.front(), "", "", "form_footer_rows",
            {std::to_string(m_lines.size()), line_list(m_lines)}});
}

std::string line_list(const std::vector<std::size_t>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    while (j + 1 < lines.size() && lines[j + 1] == lines[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(lines[i]);
    if (j > i) out += (j == i + 1 ? ", " : "-") + std::to_string(lines[j]);
    i = j + 1;
  }
  return out;
}

RowReader::RowReader(std::string_view source, const HeaderMatch& header, DiagnosticSink& sink)
    : m_source(source), m_header(header), m_sink(sink), m_scratch(header.index.size()),
      m_cells(header.index.size()) {}

namespace {

// Whether normalize_cell() returns each of `record`'s fields unchanged: true
// when the fields lie one after another in the text (no quotes, nothing
// unescaped) and the bytes from the first to the end of the last hold no
// ASCII control character or space (nothing to trim; this also sends files
// delimited by tabs the long way) and none of the lead bytes normalize_cell
// rewrites (0xEF, 0xE3, 0xC2). The usual row of ASCII numbers and Chinese
// names is plain, and its cells are then read as they are, without a
// normalising pass over each. Sixteen bytes at a time.
bool plain_record(const CsvRecord& record) {
  const std::vector<std::string_view>& f = record.fields;
  if (f.empty() || !record.storage_.empty()) return false;
  std::size_t bytes = f.size() - 1;  // the delimiters
  for (const std::string_view v : f) bytes += v.size();
  const char* const begin = f.front().data();
  if (begin == nullptr || f.back().data() + f.back().size() != begin + bytes) return false;
  const auto clean = [](const char* p) {  // 16 bytes at p
#if defined(__SSE2__)
    return unclean_mask(p) == 0;
#else
    for (int k = 0; k < 16; ++k) {
      if (is_unclean(p[k])) return false;
    }
    return true;
#endif
  };
  std::size_t at = 0;
  for (; at + 16 <= bytes; at += 16) {
    if (!clean(begin + at)) return false;
  }
  char tail[16];
  std::memset(tail, 'x', sizeof tail);  // padding that is clean
  std::memcpy(tail, begin + at, bytes - at);
  return clean(tail);
}

}  // namespace

void RowReader::start(const CsvRecord& record) {
  m_record = &record;
  ++m_row;  // forgets every cell of the previous row
  m_plain = record.plain_ >= 0 ? record.plain_ == 1 : plain_record(record);
}

std::string_view RowReader::header(std::size_t col, std::string_view fallback) const {
  const int f = m_header.index[col];
  if (f < 0) return fallback;
  return m_header.header[static_cast<std::size_t>(f)];
}

std::optional<Date> RowReader::date(std::size_t col) {
  // The common written form, 2025-07-30, read directly; everything else (and
  // every error) through parse_date, which gives this form the same result.
  const std::string_view r = raw(col);
  if (r.size() == 10) {
    if (const std::optional<Date> d = iso_date(r.data())) return d;
  }
  const DateParse p = parse_date(r);
  if (p.date) return p.date;
  if (p.error != DateError::missing) fail(col, date_error_code(p.error));
  return std::nullopt;
}

bool RowReader::fail(std::size_t col, std::string_view code, std::vector<std::string> args) {
  return fail_value(col, trim(raw(col)), code, std::move(args));
}

bool RowReader::fail_value(std::size_t col, std::string_view value, std::string_view code,
                           std::vector<std::string> args) {
  const int f = m_header.index[col];
  std::string column = f >= 0 ? m_header.header[static_cast<std::size_t>(f)] : std::string();
  m_sink.add({Severity::error, m_source, line(), std::move(column), std::string(value), code, std::move(args)});
  return false;
}

}  // namespace matchday
