#include "matchday/fixtures.hpp"

#include <array>

#include "matchday/csv.hpp"
#include "matchday/text.hpp"
#include "parse_util.hpp"

namespace matchday {

RoundRobin round_robin(std::size_t teams, bool double_round) {
  RoundRobin out;
  if (teams < 2) return out;
  // Seats: a fixed one and m - 1 that rotate. For an even count team 0 takes
  // the fixed seat and team i + 1 starts in seat i; for an odd count the fixed
  // seat is the bye and team i starts in seat i.
  const bool odd = teams % 2 == 1;
  const std::size_t m = teams + (odd ? 1 : 0);
  const std::size_t rot = m - 1;
  const auto team_at = [&](std::size_t seat) -> std::optional<std::uint32_t> {
    if (seat == rot) return odd ? std::nullopt : std::optional<std::uint32_t>(0);
    return static_cast<std::uint32_t>(odd ? seat : seat + 1);
  };
  const int half = static_cast<int>(rot);
  out.matchdays = double_round ? 2 * half : half;
  for (std::size_t r = 0; r < rot; ++r) {
    const int md = static_cast<int>(r) + 1;
    std::optional<std::uint32_t> bye;
    // The fixed seat against seat r, at home on odd matchdays: it alternates.
    // Seats r + k and r - k: the first at home for odd k. Every rotating team
    // then alternates but for one pair of matchdays (de Werra's canonical
    // orientation), which keeps the home counts within one of each other.
    std::array<std::size_t, 2> fixed_pair = {rot, r};
    if (r % 2 == 1) std::swap(fixed_pair[0], fixed_pair[1]);
    std::vector<std::array<std::size_t, 2>> pairs{fixed_pair};
    for (std::size_t k = 1; k < m / 2; ++k) {
      const std::size_t a = (r + k) % rot;
      const std::size_t b = (r + rot - k) % rot;
      pairs.push_back(k % 2 == 1 ? std::array{a, b} : std::array{b, a});
    }
    for (const auto& [h, a] : pairs) {
      const auto home = team_at(h);
      const auto away = team_at(a);
      if (!home || !away) {
        bye = home ? home : away;
        continue;
      }
      out.fixtures.push_back({md, *home, *away});
    }
    out.byes.push_back(bye);
  }
  if (double_round) {
    const std::size_t first = out.fixtures.size();
    for (std::size_t i = 0; i < first; ++i) {
      const Fixture f = out.fixtures[i];
      out.fixtures.push_back({f.matchday + half, f.away, f.home});
    }
    for (int i = 0; i < half; ++i) out.byes.push_back(out.byes[static_cast<std::size_t>(i)]);
  }
  return out;
}

Date matchday_date(Date start, int every, int matchday) {
  return civil_from_days(days_from_civil(start) + static_cast<long>(every) * (matchday - 1));
}

std::vector<TeamEntry> parse_team_list(std::string_view text, std::string_view source,
                                       std::vector<Diagnostic>& diags) {
  static constexpr std::array<ColumnSpec, 2> k_columns{{
      {"team", "队名|代表队|球队|参赛队|参赛队伍|队伍|参赛单位|team_name"},
      {"group", "小组|分组|组别|组"},
  }};
  std::vector<TeamEntry> out;
  DiagnosticSink sink(diags, source);
  const char delim = sniff_delimiter(source, text);
  const FoundHeader fh = find_header(text, delim, k_columns, [](const HeaderMatch& m) { return m.has(0); });
  if (fh.line == 0) {
    sink.add({Severity::error, std::string(source), 0, "", "", "teams_file_empty", {}});
    return out;
  }
  const HeaderMatch& hm = fh.match;
  CsvReader reader(text, delim);
  CsvRecord rec;
  // Without a `team` header, a one-column file is a plain list of names,
  // from its first row on.
  reader.seek(fh.first_pos, fh.first_line);
  reader.next_nonblank(rec);
  const bool plain_list = !fh.found && rec.fields.size() == 1;
  if (!plain_list) {
    report_header(fh, source, sink);
    reader.seek(fh.body, fh.body_line);
    rec.line = fh.line;
  }
  if (!hm.has(0) && !plain_list) {
    sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column", {"team", "球队"}});
    return out;
  }
  std::string scratch;
  auto cell = [&](const CsvRecord& r, int index) -> std::string {
    if (index < 0 || static_cast<std::size_t>(index) >= r.fields.size()) return {};
    return std::string(normalize_cell(r.fields[static_cast<std::size_t>(index)], scratch));
  };
  auto add = [&](const CsvRecord& r) {
    if (r.blank()) return;
    if (r.unterminated_quote) {
      sink.add({Severity::error, std::string(source), r.line, "", "", "csv_unterminated_quote", {}});
      return;
    }
    TeamEntry e;
    e.name = cell(r, plain_list ? 0 : hm.index[0]);
    e.group = plain_list ? std::string() : cell(r, hm.index[1]);
    e.line = r.line;
    if (e.name.empty()) {
      sink.add({Severity::error, std::string(source), r.line, plain_list ? "" : hm.header[static_cast<std::size_t>(hm.index[0])],
                "", "team_missing", {}});
      return;
    }
    for (const TeamEntry& seen : out) {
      if (seen.group == e.group && seen.name == e.name) {
        sink.add({Severity::error, std::string(source), r.line, "", e.name, "team_duplicate",
                  {std::to_string(seen.line)}});
        return;
      }
    }
    out.push_back(std::move(e));
  };
  if (plain_list) add(rec);
  while (reader.next(rec)) add(rec);
  return out;
}

}  // namespace matchday
