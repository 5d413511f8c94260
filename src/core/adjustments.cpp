#include <array>
#include <charconv>

#include "matchday/csv.hpp"
#include "matchday/standings.hpp"
#include "matchday/text.hpp"
#include "parse_util.hpp"

namespace matchday {
namespace {

// "-3", "+2", "3" (full-width forms normalised by the caller).
std::optional<int> parse_signed(std::string_view s) {
  if (s.empty()) return std::nullopt;
  const bool plus = s[0] == '+';
  const char* b = s.data() + (plus ? 1 : 0);
  int v = 0;
  const auto r = std::from_chars(b, s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < -999 || v > 999) return std::nullopt;
  return v;
}

enum Col : std::size_t { c_group, c_team, c_points, c_reason, c_count };
constexpr std::array<ColumnSpec, c_count> k_columns{{
    {"group", "小组|分组|组别"},
    {"team", "球队|队名|代表队|参赛队|参赛队伍|队伍", true},
    {"points", "积分|分数|扣分|调整|积分调整|调整积分|加减分", true},
    {"reason", "原因|理由|说明|备注"},
}};

}  // namespace

std::optional<Adjustment> parse_adjustment(std::string_view text) {
  std::string scratch;
  text = normalize_cell(text, scratch);
  const std::size_t eq = text.rfind('=');
  if (eq == std::string_view::npos) return std::nullopt;
  Adjustment a;
  a.team = std::string(trim(text.substr(0, eq)));
  std::string_view rest = text.substr(eq + 1);
  const std::size_t colon = rest.find(':');
  auto pts = parse_signed(trim(rest.substr(0, colon)));
  if (a.team.empty() || !pts) return std::nullopt;
  a.points = *pts;
  if (colon != std::string_view::npos) a.reason = std::string(trim(rest.substr(colon + 1)));
  return a;
}

std::vector<Adjustment> parse_adjustments(std::string_view text, std::string_view source,
                                          std::vector<Diagnostic>& diags) {
  std::vector<Adjustment> out;
  DiagnosticSink sink(diags, source);
  const char delim = sniff_delimiter(source, text);
  const FoundHeader fh = find_header(text, delim, k_columns);
  if (fh.line == 0) {
    sink.add({Severity::error, std::string(source), 0, "", "", "empty_file", {}});
    return out;
  }
  report_header(fh, source, sink);
  const HeaderMatch& hm = fh.match;
  CsvReader reader(text, delim);
  reader.seek(fh.body, fh.body_line);
  CsvRecord rec;
  rec.line = fh.line;
  for (std::string_view key : hm.missing) {
    sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column",
              {std::string(key), key == "team" ? "球队" : "积分"}});
  }
  if (!hm.missing.empty()) return out;
  RowReader row(source, hm, sink);
  FooterRows footer;
  while (reader.next(rec)) {
    if (rec.blank() || footer.skip(rec)) continue;
    row.start(rec);
    Adjustment a;
    a.group = std::string(row.text(c_group));
    a.team = std::string(row.text(c_team));
    a.reason = std::string(row.text(c_reason));
    bool ok = true;
    if (a.team.empty()) ok = row.fail(c_team, "team_missing");
    if (auto p = parse_signed(row.text(c_points))) {
      a.points = *p;
    } else {
      ok = row.fail(c_points, "adjust_points_bad");
    }
    if (ok) out.push_back(std::move(a));
  }
  footer.said(source, sink);
  return out;
}

}  // namespace matchday
