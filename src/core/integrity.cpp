#include "matchday/integrity.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "matchday/text.hpp"
#include "parallel.hpp"
#include "utf8.hpp"

namespace matchday {
namespace {

// Characters that show nothing, or move the cursor, and so make two names
// that read the same differ: C0 and C1 controls, DEL, the soft hyphen,
// zero-width spaces and joiners, bidirectional marks and isolates, word
// joiners, variation selectors, the byte-order mark, interlinear annotation
// marks, Hangul fillers and the tag characters.
bool is_invisible(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD || cp == 0x34F || cp == 0x61C ||
         cp == 0x115F || cp == 0x1160 || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
         (cp >= 0xE0000 && cp <= 0xE007F);
}

// The end of the terminal escape sequence at s[i] (an ESC): a control
// sequence (ESC [ parameters intermediates final), an operating-system
// command (ESC ] … BEL or ESC \\), or ESC and one character.
std::size_t escape_end(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j >= s.size()) return j;
  if (s[j] == '[') {
    ++j;
    while (j < s.size() && s[j] >= 0x30 && s[j] <= 0x3F) ++j;
    while (j < s.size() && s[j] >= 0x20 && s[j] <= 0x2F) ++j;
    return j < s.size() && s[j] >= 0x40 && s[j] <= 0x7E ? j + 1 : j;
  }
  if (s[j] == ']') {
    for (++j; j < s.size(); ++j) {
      if (s[j] == '\x07') return j + 1;
      if (s[j] == '\x1B' && j + 1 < s.size() && s[j + 1] == '\\') return j + 2;
    }
    return j;
  }
  return static_cast<unsigned char>(s[j]) < 0x80 ? j + 1 : j;
}

bool is_space(char32_t cp) { return cp == ' ' || cp == 0xA0 || cp == 0x3000; }

// Whether clean_name would change `s`, without building its result: most
// names are clean, and a league has tens of thousands.
bool needs_cleaning(std::string_view s) {
  if (s.empty()) return false;
  // Most names hold none of the bytes that start what clean_name removes: a
  // control or space, DEL, or the lead byte of an invisible character (the
  // CJK ideographs start with 0xE4..0xE9).
  static constexpr auto k_suspect = [] {
    std::array<bool, 256> t{};
    for (int u = 0; u <= 0x20; ++u) t[u] = true;
    for (int u : {0x7F, 0xC2, 0xCD, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF, 0xF3}) t[u] = true;
    return t;
  }();
  bool any = false;
  for (char c : s) any |= k_suspect[static_cast<unsigned char>(c)];
  if (!any) return false;
  for (std::size_t i = 0; i < s.size();) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (u > 0x20 && u < 0x7F) {
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t len = utf8_sequence(s, i, cp);
    if (len == 0) return false;  // not UTF-8: clean_name keeps it as it is
    if (is_invisible(cp) || ((i == 0 || i + len == s.size()) && is_space(cp))) return true;
    i += len;
  }
  return false;
}

// Whether `s` may hold anything clean_name removes: a byte below 0x21 or
// DEL, or the lead byte of a multi-byte character (checked one by one then).
bool maybe_unclean(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F) return true;
  }
  return false;
}

// The common endings of a team's name that a secretary adds or leaves out:
// the administrative unit (city, prefecture, county, district…) and the
// words for a team. Longest first, so that 代表队 goes before 队.
constexpr std::string_view k_team_suffixes[] = {
    "足球俱乐部", "代表队", "足球队", "俱乐部", "自治州", "自治县", "少年队", "青年队", "地区",
    "市", "州", "县", "区", "盟", "旗", "省", "队", "组"};

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}
bool starts_with(std::string_view s, std::string_view start) {
  return s.size() >= start.size() && s.substr(0, start.size()) == start;
}

std::string ascii_lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// `s` with full widths folded (normalize_cell) and every space removed.
std::string folded_without_spaces(std::string_view s) {
  std::string scratch;
  const std::string_view n = normalize_cell(s, scratch);
  std::string out;
  out.reserve(n.size());
  for (char c : n) {
    if (c != ' ' && c != '\t') out.push_back(c);
  }
  return out;
}

// folded_without_spaces, ASCII lower-cased, in one string.
std::string folded_key(std::string_view s) {
  std::string scratch;
  const std::string_view n = normalize_cell(s, scratch);
  std::string out;
  out.reserve(n.size());
  for (char c : n) {
    if (c == ' ' || c == '\t') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// Where a name was written: "file:line" for the first few rows, then a count.
class Places {
 public:
  void add(std::string place) {
    if (m_list.size() < k_shown) {
      m_list.push_back(std::move(place));
    } else {
      ++m_more;
    }
  }
  [[nodiscard]] std::string text() const {
    std::string out;
    for (const std::string& p : m_list) out += (out.empty() ? "" : ", ") + p;
    if (m_more > 0) out += " (+" + std::to_string(m_more) + ")";
    return out;
  }

 private:
  static constexpr std::size_t k_shown = 8;
  std::vector<std::string> m_list;
  std::size_t m_more = 0;
};

std::string place_of(const Results& r, const Match& m) { return r.sources[m.source] + ":" + std::to_string(m.line); }

Diagnostic error_at(const Results& r, const Match& m, std::string_view code, std::vector<std::string> args) {
  return {Severity::error, r.sources[m.source], m.line, "", "", code, std::move(args)};
}

// Whether a match is a meeting of its teams in the group stage: cancelled and
// postponed rows are not (the match was, or will be, played on another row),
// knockout-stage rows belong to the bracket.
bool is_group_meeting(const Match& m) {
  return m.stage == 0 && m.status != MatchStatus::cancelled && m.status != MatchStatus::postponed;
}

// Step 1: names cleaned, groups written two ways made one. Rebuilds the
// groups only when a name changes; returns the diagnostics of matches whose
// teams became one.
void tidy_names(Results& results, std::vector<Diagnostic>& diags) {
  const std::size_t n = results.groups.size();
  std::unordered_map<std::string, std::size_t> by_key;  // a group's key → its new index
  by_key.reserve(n);
  std::vector<std::size_t> target(n);
  std::vector<bool> rebuild(n, false);  // merged with another, or a team's name to clean
  std::vector<std::size_t> first_of;    // the first group of each key
  std::size_t targets = 0;
  for (std::size_t g = 0; g < n; ++g) {
    Group& group = results.groups[g];
    if (!group.named_after_file) group.name = canonical_group_name(group.name);  // a rename: no match moves
    std::string key = group.named_after_file ? "\x01" + group.name : ascii_lower(group.name);
    const auto [it, added] = by_key.try_emplace(std::move(key), targets);
    if (added) {
      ++targets;
      first_of.push_back(g);
    }
    target[g] = it->second;
    if (!added) rebuild[g] = rebuild[first_of[it->second]] = true;
    for (const std::string& team : group.teams) {
      if (needs_cleaning(team)) {
        rebuild[g] = true;
        break;
      }
    }
  }
  if (targets == n && std::none_of(rebuild.begin(), rebuild.end(), [](bool b) { return b; })) return;

  // Groups of one key gathered into the first of them, in file order; only
  // groups merged or with names to clean are rebuilt.
  std::vector<Group> groups(targets);
  std::vector<std::size_t> sources_of(targets, 0);
  for (std::size_t g = 0; g < n; ++g) {
    Group& from = results.groups[g];
    Group& to = groups[target[g]];
    const bool first = sources_of[target[g]]++ == 0;
    if (first && !rebuild[g]) {
      to = std::move(from);
      continue;
    }
    if (first) {
      to.name = from.name;
      to.named_after_file = from.named_after_file;
    }
    std::vector<std::uint32_t> id(from.teams.size());
    for (std::size_t t = 0; t < from.teams.size(); ++t) id[t] = to.intern_team(clean_name(from.teams[t]));
    to.matches.reserve(to.matches.size() + from.matches.size());
    for (Match m : from.matches) {
      m.home = static_cast<std::uint16_t>(id[m.home]);
      m.away = static_cast<std::uint16_t>(id[m.away]);
      if (m.home == m.away) {
        diags.push_back(error_at(results, m, "same_team_hidden", {to.teams[m.home]}));
      }
      to.matches.push_back(m);
    }
  }
  for (std::size_t g = 0; g < targets; ++g) {
    if (sources_of[g] > 1) {
      std::stable_sort(groups[g].matches.begin(), groups[g].matches.end(), [](const Match& a, const Match& b) {
        return a.source != b.source ? a.source < b.source : a.line < b.line;
      });
    }
  }
  results.groups = std::move(groups);
}

// Whether team_name_key(name) is `name` itself: nothing to fold, lower or
// clean, and no ending to take off (most names: a check instead of a copy).
bool is_own_key(std::string_view name) {
  static constexpr auto k_changes = [] {
    std::array<bool, 256> t{};
    for (int u = 0; u <= 0x20; ++u) t[u] = true;
    for (int u = 'A'; u <= 'Z'; ++u) t[u] = true;
    for (int u : {0x7F, 0xC2, 0xCD, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF, 0xF3}) t[u] = true;
    return t;
  }();
  bool any = name.empty();
  for (char c : name) any |= k_changes[static_cast<unsigned char>(c)];
  if (any) return false;
  for (std::string_view end : k_team_suffixes) {
    if (ends_with(name, end)) return false;
  }
  return true;
}

// Step 2a: two names of one group that are one team written two ways.
void check_team_names(const Results& results, const Group& g, std::vector<Diagnostic>& diags) {
  if (g.teams.size() < 2) return;
  // (key, team), sorted: equal keys side by side. A key views its name, or
  // one of `owned` when it differs.
  std::vector<std::pair<std::string_view, std::uint32_t>> keys;
  std::vector<std::string> owned;
  keys.reserve(g.teams.size());
  owned.reserve(g.teams.size());
  for (std::uint32_t t = 0; t < g.teams.size(); ++t) {
    if (is_own_key(g.teams[t])) {
      keys.emplace_back(g.teams[t], t);
    } else {
      owned.push_back(team_name_key(g.teams[t]));
      keys.emplace_back(owned.back(), t);
    }
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::vector<std::uint32_t>> clashes;
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i + 1;
    while (j < keys.size() && keys[j].first == keys[i].first) ++j;
    if (j - i > 1 && !keys[i].first.empty()) {
      std::vector<std::uint32_t> ids;
      for (std::size_t k = i; k < j; ++k) ids.push_back(keys[k].second);
      clashes.push_back(std::move(ids));
    }
    i = j;
  }
  if (clashes.empty()) return;
  std::sort(clashes.begin(), clashes.end());  // the order of the teams' first appearance
  std::vector<std::size_t> rows(g.teams.size(), 0);
  std::vector<Places> places(g.teams.size());
  std::vector<const Match*> first(g.teams.size(), nullptr);
  for (const Match& m : g.matches) {
    for (std::uint32_t t : {std::uint32_t{m.home}, std::uint32_t{m.away}}) {
      ++rows[t];
      places[t].add(place_of(results, m));
      if (!first[t]) first[t] = &m;
    }
  }
  for (const auto& ids : clashes) {
    // The name most rows use is the one meant; the others are reported at
    // their first row.
    const std::uint32_t meant =
        *std::max_element(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) { return rows[a] < rows[b]; });
    for (std::uint32_t t : ids) {
      if (t == meant || !first[t]) continue;
      diags.push_back(error_at(results, *first[t], "team_written_two_ways",
                               {g.teams[t], places[t].text(), g.teams[meant], places[meant].text(),
                                g.name.empty() ? "-" : g.name}));
    }
  }
}

// Step 2b: pairs that meet more often than the rules allow, or twice on one
// matchday or date. Meetings of a pair are chained through `next`, from a
// table of pairs that holds only the pairs that met (linear in the matches).
constexpr std::uint32_t k_none = 0xFFFFFFFF;

// The meetings of one group's pairs, chained; reused from group to group.
struct MeetingScratch {
  struct Chain {
    std::uint32_t first = k_none, last = k_none, count = 0;
  };
  std::vector<std::uint32_t> next;   // by match: the pair's next meeting
  std::vector<Chain> table;          // small groups: by lo * teams + hi
  std::unordered_map<std::uint64_t, Chain> hashed;  // large groups
  std::vector<std::pair<std::uint32_t, std::uint32_t>> repeated;  // pairs met more than once
};

void check_meetings(const Results& results, const Group& g, const Rules& rules, MeetingScratch& scratch,
                    std::vector<Diagnostic>& diags) {
  using Chain = MeetingScratch::Chain;
  const std::size_t n = g.matches.size();
  std::vector<std::uint32_t>& next = scratch.next;
  next.assign(n, k_none);
  // Small groups (all but a wrong file): a square table of the pairs, which
  // is no larger than a few times the matches; large ones: a hash table.
  const std::size_t teams = g.teams.size();
  const bool dense = teams <= 64 || teams * teams <= 4 * n;
  std::vector<Chain>& table = scratch.table;
  table.assign(dense ? teams * teams : 0, Chain{});
  std::unordered_map<std::uint64_t, Chain>& hashed = scratch.hashed;
  hashed.clear();
  if (!dense) hashed.reserve(n);
  const auto chain_of = [&](std::uint64_t lo, std::uint64_t hi) -> Chain& {
    return dense ? table[lo * teams + hi] : hashed[(lo << 32) | hi];
  };
  auto& repeated = scratch.repeated;
  repeated.clear();
  for (std::uint32_t i = 0; i < n; ++i) {
    const Match& m = g.matches[i];
    if (!is_group_meeting(m) || m.home == m.away) continue;
    const std::uint32_t lo = std::min(m.home, m.away), hi = std::max(m.home, m.away);
    Chain& c = chain_of(lo, hi);
    if (c.count == 0) {
      c.first = i;
    } else {
      next[c.last] = i;
      if (c.count == 1) repeated.emplace_back(lo, hi);
    }
    c.last = i;
    ++c.count;
  }
  const auto limit = static_cast<std::uint32_t>(std::max(rules.max_meetings, 1));
  const auto sources_differ = [&](std::uint32_t from) {
    for (std::uint32_t i = from; i != k_none; i = next[i]) {
      if (g.matches[i].source != g.matches[from].source) return true;
    }
    return false;
  };
  for (const auto& [lo, hi] : repeated) {
    const Chain& c = chain_of(lo, hi);
    const Match& first = g.matches[c.first];
    const std::string& a = g.teams[first.home];
    const std::string& b = g.teams[first.away];
    if (c.count > limit) {
      Places places;
      for (std::uint32_t i = c.first; i != k_none; i = next[i]) places.add(place_of(results, g.matches[i]));
      diags.push_back(error_at(results, first, sources_differ(c.first) ? "meets_too_often_files" : "meets_too_often",
                               {a, b, std::to_string(c.count), std::to_string(limit), places.text()}));
      continue;
    }
    // Within the limit (a few rows): still one match, if two rows share a
    // matchday or a date (a copy, perhaps with home and away swapped or
    // another score).
    for (std::uint32_t x = c.first; x != k_none; x = next[x]) {
      for (std::uint32_t y = next[x]; y != k_none; y = next[y]) {
        const Match& p = g.matches[x];
        const Match& q = g.matches[y];
        const bool same_day = p.matchday > 0 && p.matchday == q.matchday;
        const bool same_date = p.date.year != 0 && Date(p.date) == Date(q.date);
        if (!same_day && !same_date) continue;
        diags.push_back(error_at(results, p, p.source != q.source ? "meets_twice_files" : "meets_twice",
                                 {a, b, same_day ? std::to_string(p.matchday) : p.date.iso(),
                                  place_of(results, p) + ", " + place_of(results, q)}));
      }
    }
  }
}

// Step 3: a team in far fewer rows than the others of its group (warnings),
// and, for step 2c, each team's first group-stage row, teams in that order.
void check_rows(const Results& results, const Group& g, std::vector<Diagnostic>& warnings,
                std::vector<std::pair<std::uint32_t, const Match*>>& first_seen) {
  std::vector<std::uint32_t> rows(g.teams.size(), 0);
  std::vector<const Match*> first(g.teams.size(), nullptr);
  for (const Match& m : g.matches) {
    if (m.stage != 0) continue;
    const bool meeting = is_group_meeting(m);
    for (std::uint32_t t : {std::uint32_t{m.home}, std::uint32_t{m.away}}) {
      rows[t] += meeting ? 1 : 0;
      if (!first[t]) {
        first[t] = &m;
        first_seen.emplace_back(t, &m);
      }
    }
  }
  if (g.teams.size() < 3) return;
  const std::uint32_t most = *std::max_element(rows.begin(), rows.end());
  for (std::uint32_t t = 0; t < g.teams.size(); ++t) {
    if (rows[t] > 0 && rows[t] * 2 < most) {
      Diagnostic d = error_at(results, *first[t], "team_few_rows",
                              {g.teams[t], std::to_string(rows[t]), std::to_string(most), g.name.empty() ? "-" : g.name});
      d.severity = Severity::warning;
      warnings.push_back(std::move(d));
    }
  }
}

// What the checks of one group found.
struct GroupFindings {
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
  std::vector<std::pair<std::uint32_t, const Match*>> first_seen;  // team, its first group-stage row
};

// Step 2c: teams that play group matches in two groups, one error a pair of groups.
void check_groups_share_teams(const Results& results, const std::vector<GroupFindings>& found,
                              std::vector<Diagnostic>& diags) {
  struct Seen {
    std::size_t group;
    const Match* first;
  };
  std::size_t all_teams = 0;
  for (const Group& g : results.groups) all_teams += g.teams.size();
  std::unordered_map<std::string_view, Seen> home_of;
  home_of.reserve(all_teams);
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::pair<std::string_view, const Match*>>> shared;
  std::map<std::pair<std::size_t, std::size_t>, const Match*> first_in;
  for (std::size_t gi = 0; gi < results.groups.size(); ++gi) {
    const Group& g = results.groups[gi];
    for (const auto& [t, first] : found[gi].first_seen) {
      const auto [it, added] = home_of.try_emplace(g.teams[t], Seen{gi, first});
      if (added || it->second.group == gi) continue;
      const auto key = std::make_pair(it->second.group, gi);
      shared[key].emplace_back(g.teams[t], first);
      first_in.try_emplace(key, it->second.first);
    }
  }
  // A group all of whose teams play in two or more other groups is the
  // knockout stage read as a group: a knockout file without its stage column.
  std::map<std::size_t, std::vector<std::size_t>> sharers;  // later group → earlier groups
  std::map<std::size_t, std::size_t> shared_teams;
  for (const auto& [key, teams] : shared) {
    sharers[key.second].push_back(key.first);
    shared_teams[key.second] += teams.size();
  }
  std::vector<bool> knockout_like(results.groups.size(), false);
  for (const auto& [gi, earlier] : sharers) {
    const Group& g = results.groups[gi];
    if (earlier.size() < 2 || shared_teams[gi] < g.teams.size()) continue;
    knockout_like[gi] = true;
    diags.push_back(error_at(results, g.matches.front(), "knockout_without_stage",
                             {results.sources[g.matches.front().source]}));
  }
  for (const auto& [key, teams] : shared) {
    if (knockout_like[key.second]) continue;
    const Group& ga = results.groups[key.first];
    const Group& gb = results.groups[key.second];
    std::string names;
    for (const auto& [name, m] : teams) names += (names.empty() ? "" : ", ") + std::string(name);
    const Match& in_b = *teams[0].second;
    diags.push_back(error_at(results, in_b, "team_in_two_groups",
                             {names, ga.name, place_of(results, *first_in[key]), gb.name, place_of(results, in_b),
                              std::to_string(teams.size())}));
  }
}

// Adds `found` to `diags` with at most k_max_errors_per_file errors a file,
// as the readers keep, the rest counted: a wrong file can repeat one mistake
// on every row.
void add_capped(std::vector<Diagnostic>& found, std::vector<Diagnostic>& diags) {
  std::map<std::string, std::unique_ptr<DiagnosticSink>> sinks;
  for (Diagnostic& d : found) {
    auto& sink = sinks[d.source];
    if (!sink) sink = std::make_unique<DiagnosticSink>(diags, d.source);
    sink->add(std::move(d));
  }
}

// Below this many matches the groups are checked on the calling thread.
constexpr std::size_t k_matches_per_thread = 50000;

}  // namespace

std::string clean_name(std::string_view name) {
  std::string out;
  if (!maybe_unclean(name)) return std::string(name);
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    if (name[i] == '\x1B') {  // a terminal escape sequence goes whole, not just its ESC
      i = escape_end(name, i);
      continue;
    }
    char32_t cp;
    const std::size_t len = utf8_sequence(name, i, cp);
    if (len == 0) {  // not UTF-8 (the readers let none through): kept as it is
      out.push_back(name[i]);
      ++i;
      continue;
    }
    if (!is_invisible(cp)) out.append(name.substr(i, len));
    i += len;
  }
  // Surrounding spaces of every kind, now that what hid them is gone.
  std::size_t b = 0, e = out.size();
  while (b < e) {
    char32_t cp;
    const std::size_t len = utf8_sequence(out, b, cp);
    if (len == 0 || !is_space(cp)) break;
    b += len;
  }
  while (e > b) {
    std::size_t s = e - 1;
    while (s > b && (static_cast<unsigned char>(out[s]) & 0xC0) == 0x80) --s;
    char32_t cp;
    const std::size_t len = utf8_sequence(out, s, cp);
    if (len == 0 || s + len != e || !is_space(cp)) break;
    e = s;
  }
  return out.substr(b, e - b);
}

bool has_controls(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) return true;
    if (u == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

std::string without_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u == 0x1B) {
      i = escape_end(text, i);
    } else if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) {
      ++i;
    } else if (u == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      i += 2;  // a C1 control
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

std::string canonical_group_name(std::string_view name) {
  const std::string cleaned = clean_name(name);
  std::string s = folded_without_spaces(cleaned);
  if (starts_with(s, "第")) s.erase(0, std::string_view("第").size());
  if (starts_with(ascii_lower(s.substr(0, 5)), "group")) s.erase(0, 5);
  for (std::string_view end : {"小组", "组", "組"}) {
    if (ends_with(s, end) && s.size() > end.size()) {
      s.erase(s.size() - end.size());
      break;
    }
  }
  if (s.empty()) return cleaned;
  if (s.size() == 1 && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string team_name_key(std::string_view name) {
  std::string s = needs_cleaning(name) ? folded_key(clean_name(name)) : folded_key(name);
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view end : k_team_suffixes) {
      if (ends_with(s, end) && s.size() > end.size()) {
        s.erase(s.size() - end.size());
        cut = true;
        break;
      }
    }
  }
  return s;
}

void resolve_matchdays(Results& results, std::vector<Diagnostic>& diags) {
  std::vector<Diagnostic> found;
  for (Group& g : results.groups) {
    // Each matchday's one date, if all its rows share one (0: they do not),
    // and the matchdays played on each date.
    std::map<std::int32_t, std::optional<Date>> date_of;
    std::map<Date, std::vector<std::int32_t>> matchdays_on;
    bool missing = false;
    for (const Match& m : g.matches) {
      if (m.stage != 0) continue;
      if (m.matchday == 0) {
        missing = true;
        continue;
      }
      const Date d = m.date;
      const auto [it, added] = date_of.try_emplace(m.matchday, d);
      if (!added && it->second && *it->second != d) it->second.reset();
      if (m.date.year != 0) {
        auto& days = matchdays_on[d];
        if (std::find(days.begin(), days.end(), m.matchday) == days.end()) days.push_back(m.matchday);
      }
    }
    if (!missing) continue;
    for (Match& m : g.matches) {
      if (m.stage != 0 || m.matchday != 0) continue;
      const Date d = m.date;
      const auto on = m.date.year != 0 ? matchdays_on.find(d) : matchdays_on.end();
      if (on != matchdays_on.end() && on->second.size() == 1 && date_of[on->second[0]] == d) {
        m.matchday = on->second[0];
        Diagnostic w = error_at(results, m, "matchday_from_date", {d.iso(), std::to_string(m.matchday)});
        w.severity = Severity::warning;
        found.push_back(std::move(w));
      } else {
        found.push_back(error_at(results, m, "matchday_missing_through", {}));
      }
    }
  }
  add_capped(found, diags);
}

void check_results(Results& results, const Rules& rules, std::vector<Diagnostic>& diags, unsigned threads) {
  std::vector<Diagnostic> found;
  tidy_names(results, found);
  // Each group on its own (in parts on several threads for a league's
  // thousands of groups), then what groups share.
  std::vector<GroupFindings> groups(results.groups.size());
  std::size_t matches = 0;
  for (const Group& g : results.groups) matches += g.matches.size();
  const unsigned parts = matches >= k_matches_per_thread ? std::max(1U, threads) : 1U;
  run_in_parts(groups.size(), parts, [&results, &rules, out = groups.data()](unsigned, std::size_t from, std::size_t to) {
    MeetingScratch scratch;
    for (std::size_t gi = from; gi < to; ++gi) {
      const Group& g = results.groups[gi];
      check_team_names(results, g, out[gi].errors);
      check_meetings(results, g, rules, scratch, out[gi].errors);
      check_rows(results, g, out[gi].warnings, out[gi].first_seen);
    }
  });
  for (GroupFindings& g : groups) std::move(g.errors.begin(), g.errors.end(), std::back_inserter(found));
  check_groups_share_teams(results, groups, found);
  if (!has_errors(found)) {
    for (GroupFindings& g : groups) std::move(g.warnings.begin(), g.warnings.end(), std::back_inserter(found));
  }
  add_capped(found, diags);
}

}  // namespace matchday
