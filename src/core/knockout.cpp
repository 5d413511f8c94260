#include "matchday/knockout.hpp"

#include "matchday/integrity.hpp"

#include <algorithm>
#include <span>

#include "matchday/text.hpp"

namespace matchday {
namespace {

constexpr std::size_t k_max_pairing_matches = 16;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<int> small_int(std::string_view s) {
  if (s.empty() || s.size() > 3) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (!is_digit(c)) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// `A1`, `groupA1`, `甲1` (a group and a place), or `3rd2` (the second best
// third-placed team).
std::optional<Slot> parse_slot(std::string_view text) {
  text = trim(text);
  Slot s;
  s.text = std::string(text);
  std::size_t digits = text.size();
  while (digits > 0 && is_digit(text[digits - 1])) --digits;
  if (digits == text.size() || digits == 0) return std::nullopt;
  const auto tail = small_int(text.substr(digits));
  if (!tail || *tail == 0) return std::nullopt;
  const std::string_view head = text.substr(0, digits);
  // An ordinal: digits then st, nd, rd or th.
  std::size_t lead = 0;
  while (lead < head.size() && is_digit(head[lead])) ++lead;
  const std::string suffix = fold_key(head.substr(lead));
  if (lead > 0 && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) {
    const auto place = small_int(head.substr(0, lead));
    if (!place || *place == 0) return std::nullopt;
    s.place = *place;
    s.best = *tail;
    return s;
  }
  s.group = std::string(trim(head));
  if (s.group.empty()) return std::nullopt;
  s.place = *tail;
  return s;
}

Diagnostic option_error(std::string source, std::string column, std::string value, std::string_view code,
                        std::vector<std::string> args = {}) {
  return Diagnostic{Severity::error, std::move(source), 0, std::move(column), std::move(value), code, std::move(args)};
}

// a / b against c / d (b, d > 0) without floating point: <0, 0 or >0.
int compare_ratio(long long a, long long b, long long c, long long d) {
  const long long l = a * d;
  const long long r = c * b;
  return l < r ? -1 : l > r ? 1 : 0;
}

// >0 when `a` places better than `b` (SPEC: points, goal difference, goals
// per match; then fewer fair-play points per match).
int compare_placed(const PlacedTeam& a, const PlacedTeam& b) {
  const long long pa = std::max(a.played, 1);
  const long long pb = std::max(b.played, 1);
  if (int c = compare_ratio(a.points, pa, b.points, pb)) return c;
  if (int c = compare_ratio(a.goal_difference, pa, b.goal_difference, pb)) return c;
  if (int c = compare_ratio(a.goals_for, pa, b.goals_for, pb)) return c;
  return -compare_ratio(a.fair_play, pa, b.fair_play, pb);
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// A knockout row of the results, with its team names.
struct KnockoutRow {
  std::string home;
  std::string away;
  const Match* match = nullptr;
  std::string stage;
  std::string source;
  bool used = false;
};

}  // namespace

PairingParse parse_pairing(std::string_view spec, std::string_view source, std::string_view column) {
  PairingParse out;
  // The enumeration comma reads as a comma; normalize_cell turns full-width
  // forms (，－) into ASCII.
  std::string text;
  for (std::size_t i = 0; i < spec.size(); ++i) {
    if (spec.substr(i, 3) == "、") {
      text += ',';
      i += 2;
    } else {
      text += spec[i];
    }
  }
  std::string scratch;
  std::string_view rest = normalize_cell(text, scratch);
  const auto fail = [&](std::string_view value, std::string_view code, std::vector<std::string> args = {}) {
    out.diagnostics.push_back(option_error(std::string(source), std::string(column), std::string(value), code, std::move(args)));
  };
  if (trim(rest).empty()) {
    fail("", "pairing_empty");
    return out;
  }
  std::vector<Slot> seen;
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = trim(rest.substr(0, comma));
    if (!item.empty()) {
      // The '-' that splits the item into two slots (a group name may have one).
      std::optional<std::array<Slot, 2>> match;
      for (std::size_t dash = item.find('-'); dash != std::string_view::npos && !match; dash = item.find('-', dash + 1)) {
        auto a = parse_slot(item.substr(0, dash));
        auto b = parse_slot(item.substr(dash + 1));
        if (a && b) match = std::array<Slot, 2>{*a, *b};
      }
      if (!match) {
        fail(item, "pairing_bad_match");
      } else {
        for (const Slot& s : *match) {
          if (std::ranges::find(seen, s) != seen.end()) {
            fail(s.text, "pairing_slot_twice");
          } else {
            seen.push_back(s);
          }
        }
        out.pairing.matches.push_back(*match);
      }
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  const std::size_t n = out.pairing.matches.size();
  if (out.diagnostics.empty() && (n == 0 || n > k_max_pairing_matches || (n & (n - 1)) != 0)) {
    fail(spec, "pairing_count", {std::to_string(n)});
  }
  return out;
}

std::vector<PlacedTeam> rank_placed(const Standings& standings, int place,
                                    const std::vector<std::vector<std::string>>& lots) {
  std::vector<PlacedTeam> out;
  for (const GroupTable& g : standings.groups) {
    if (place < 1 || static_cast<std::size_t>(place) > g.rows.size()) continue;
    const StandingRow& r = g.rows[static_cast<std::size_t>(place - 1)];
    out.push_back({g.name, r.name, 0, false, r.record.played, r.points, r.record.goal_difference(),
                   r.record.goals_for, r.record.fair_play});
  }
  // Level teams keep group order (stable), so the listing is deterministic.
  std::ranges::stable_sort(out, [](const PlacedTeam& a, const PlacedTeam& b) { return compare_placed(a, b) > 0; });
  for (std::size_t i = 0; i < out.size();) {
    std::size_t j = i + 1;
    while (j < out.size() && compare_placed(out[i], out[j]) == 0) ++j;
    const auto run = std::span(out).subspan(i, j - i);
    // A drawing of lots that names every level team orders them.
    const std::vector<std::string>* drawn = nullptr;
    if (run.size() > 1) {
      for (const auto& list : lots) {
        const bool all = std::ranges::all_of(run, [&](const PlacedTeam& p) { return std::ranges::find(list, p.team) != list.end(); });
        if (all) {
          drawn = &list;
          break;
        }
      }
    }
    if (drawn) {
      std::ranges::stable_sort(run, {}, [&](const PlacedTeam& p) { return std::ranges::find(*drawn, p.team) - drawn->begin(); });
    }
    for (std::size_t k = i; k < j; ++k) {
      out[k].rank = static_cast<int>(drawn || run.size() == 1 ? k + 1 : i + 1);
      out[k].shared_rank = run.size() > 1 && !drawn;
    }
    i = j;
  }
  return out;
}

Results group_stage_only(const Results& results) {
  Results out;
  out.sources = results.sources;
  for (const Group& g : results.groups) {
    std::vector<char> plays(g.teams.size(), 0);
    bool any = false;
    for (const Match& m : g.matches) {
      if (m.stage != 0) continue;
      plays[m.home] = plays[m.away] = 1;
      any = true;
    }
    if (!any) continue;
    Group& h = out.groups[out.intern_group(g.name)];
    h.named_after_file = g.named_after_file;
    for (std::size_t t = 0; t < g.teams.size(); ++t) {
      if (plays[t]) h.intern_team(g.teams[t]);
    }
    for (const Match& m : g.matches) {
      if (m.stage != 0) continue;
      Match copy = m;  // (h has some of g's teams: its ids fit as g's do)
      copy.home = static_cast<std::uint16_t>(h.intern_team(g.teams[m.home]));
      copy.away = static_cast<std::uint16_t>(h.intern_team(g.teams[m.away]));
      h.matches.push_back(copy);
    }
  }
  return out;
}

Knockout compute_knockout(const Results& results, const Rules& rules, const StandingsOptions& options,
                          const Pairing& pairing) {
  Knockout out;
  auto error = [&](std::string value, std::string_view code, std::vector<std::string> args) {
    out.diagnostics.push_back(option_error("", "", std::move(value), code, std::move(args)));
  };
  const Results groups = group_stage_only(results);
  const Standings standings = compute_standings(groups, rules, options);
  out.diagnostics = standings.diagnostics;
  if (has_errors(out.diagnostics)) return out;
  for (const GroupTable& g : standings.groups) {
    if (g.remaining > 0) {
      out.diagnostics.push_back(Diagnostic{Severity::warning, "", 0, "", "", "knockout_provisional",
                                           {g.name, std::to_string(g.remaining)}});
    }
  }

  // The team a group slot names, when its place is decided.
  auto names_at_rank = [](const GroupTable& g, int rank) {
    std::vector<std::string> names;
    for (const StandingRow& r : g.rows) {
      if (r.rank == rank) names.push_back(r.name);
    }
    return names;
  };
  auto group_team = [&](const Slot& s, const std::string& group, int place) -> std::optional<std::string> {
    // `A1`, `A组1`, `Ａ1` all name group A (its name as check_results shows it).
    auto it = std::ranges::find(standings.groups, group, &GroupTable::name);
    if (it == standings.groups.end()) {
      it = std::ranges::find(standings.groups, canonical_group_name(group), &GroupTable::name);
    }
    if (it == standings.groups.end()) {
      std::vector<std::string> names;
      for (const GroupTable& g : standings.groups) names.push_back(g.name);
      error(s.text, "pairing_unknown_group", {group, join(names, ", ")});
      return std::nullopt;
    }
    if (static_cast<std::size_t>(place) > it->rows.size()) {
      error(s.text, "pairing_no_place", {group, std::to_string(it->rows.size())});
      return std::nullopt;
    }
    const StandingRow& row = it->rows[static_cast<std::size_t>(place - 1)];
    if (row.shared_rank) {
      const std::vector<std::string> level = names_at_rank(*it, row.rank);
      // Lots only once the group is over; before, the remaining matches decide.
      if (it->remaining > 0) {
        error(s.text, "knockout_place_open", {group, join(level, ", "), std::to_string(place), std::to_string(it->remaining)});
      } else {
        error(s.text, "knockout_place_level", {group, join(level, ", "), std::to_string(place), join(level, ",")});
      }
      return std::nullopt;
    }
    return row.name;
  };
  auto resolve = [&](const Slot& s) -> std::optional<std::string> {
    if (s.best == 0) return group_team(s, s.group, s.place);
    auto it = std::ranges::find(out.best, s.place, &std::pair<int, std::vector<PlacedTeam>>::first);
    if (it == out.best.end()) {
      out.best.emplace_back(s.place, rank_placed(standings, s.place, options.lots));
      std::ranges::sort(out.best, {}, &std::pair<int, std::vector<PlacedTeam>>::first);
      it = std::ranges::find(out.best, s.place, &std::pair<int, std::vector<PlacedTeam>>::first);
      // Every group's team at this place must be decided before they are compared.
      bool ok = true;
      for (const PlacedTeam& p : it->second) ok = group_team(s, p.group, s.place).has_value() && ok;
      if (!ok) return std::nullopt;
    }
    const std::vector<PlacedTeam>& ranking = it->second;
    if (static_cast<std::size_t>(s.best) > ranking.size()) {
      error(s.text, "pairing_no_best", {std::to_string(ranking.size()), std::to_string(s.place)});
      return std::nullopt;
    }
    const PlacedTeam& p = ranking[static_cast<std::size_t>(s.best - 1)];
    if (p.shared_rank) {
      std::vector<std::string> level;
      for (const PlacedTeam& q : ranking) {
        if (q.rank == p.rank) level.push_back(q.team);
      }
      error(s.text, "knockout_best_level", {std::to_string(s.place), join(level, ", "), join(level, ",")});
      return std::nullopt;
    }
    return p.team;
  };

  std::vector<KnockoutMatch> first;
  std::vector<std::pair<std::string, std::string>> placed;  // team, slot
  for (const auto& m : pairing.matches) {
    KnockoutMatch k;
    for (int side = 0; side < 2; ++side) {
      KnockoutSide& s = side == 0 ? k.home : k.away;
      s.from = SideFrom::slot;
      s.slot = m[static_cast<std::size_t>(side)];
      // A place of a group with fixtures left (for a best-placed slot, of
      // any group) may still change: the side is provisional.
      s.provisional = std::ranges::any_of(standings.groups, [&](const GroupTable& g) {
        return g.remaining > 0 && (s.slot.best != 0 || g.name == s.slot.group ||
                                   g.name == canonical_group_name(s.slot.group));
      });
      if (auto team = resolve(s.slot)) {
        for (const auto& [t, slot] : placed) {
          if (t == *team) error(s.slot.text, "knockout_team_twice", {*team, slot, s.slot.text});
        }
        placed.emplace_back(*team, s.slot.text);
        s.team = *team;
      }
    }
    first.push_back(std::move(k));
  }
  if (has_errors(out.diagnostics)) return out;

  // The knockout rows, in file order.
  std::vector<KnockoutRow> rows;
  for (const Group& g : results.groups) {
    for (const Match& m : g.matches) {
      if (m.stage == 0) continue;
      rows.push_back({g.teams[m.home], g.teams[m.away], &m, results.stages[m.stage], results.sources[m.source], false});
    }
  }
  std::ranges::stable_sort(rows, [](const KnockoutRow& a, const KnockoutRow& b) {
    return std::pair(a.match->source, a.match->line) < std::pair(b.match->source, b.match->line);
  });
  auto row_error = [&](const KnockoutRow& r, std::string value, std::string_view code, std::vector<std::string> args) {
    out.diagnostics.push_back(Diagnostic{Severity::error, r.source, r.match->line, "", std::move(value), code, std::move(args)});
  };
  for (const KnockoutRow& r : rows) {
    const Match& m = *r.match;
    const bool counts = m.status == MatchStatus::played || m.status == MatchStatus::awarded;
    if (counts && m.has_score() && m.home_goals == m.away_goals && !m.has_shootout()) {
      // A knockout match needs a winner, whatever the group-stage rules.
      row_error(r, std::to_string(m.home_goals) + "-" + std::to_string(m.away_goals), "knockout_draw_needs_shootout",
                {r.home, r.away});
    }
  }

  // Fills `k` from the row that pairs its two teams, if any.
  auto attach = [&](KnockoutMatch& k) {
    if (k.home.team.empty() || k.away.team.empty()) return;
    const KnockoutRow* found = nullptr;
    for (KnockoutRow& r : rows) {
      const bool same = (r.home == k.home.team && r.away == k.away.team) ||
                        (r.home == k.away.team && r.away == k.home.team);
      if (!same || r.used) continue;
      r.used = true;
      if (found) {
        row_error(r, r.home + " - " + r.away, "knockout_duplicate",
                  {found->source + ":" + std::to_string(found->match->line)});
        continue;
      }
      found = &r;
    }
    if (!found) return;
    const Match& m = *found->match;
    const bool swapped = found->home != k.home.team;
    k.has_result = true;
    k.status = m.status;
    k.date = m.date;
    k.stage = found->stage;
    k.source = found->source;
    k.line = m.line;
    if (!m.has_score() || (m.status != MatchStatus::played && m.status != MatchStatus::awarded)) return;
    k.home_goals = swapped ? m.away_goals : m.home_goals;
    k.away_goals = swapped ? m.home_goals : m.away_goals;
    if (m.has_shootout()) {
      k.home_pens = swapped ? m.away_pens : m.home_pens;
      k.away_pens = swapped ? m.home_pens : m.away_pens;
    }
    if (k.home_goals != k.away_goals) {
      k.winner = k.home_goals > k.away_goals ? 0 : 1;
    } else if (k.home_pens >= 0) {
      k.winner = k.home_pens > k.away_pens ? 0 : 1;
    }
    k.decided = k.winner >= 0;
  };

  out.rounds.push_back(std::move(first));
  while (true) {
    auto& round = out.rounds.back();
    for (KnockoutMatch& k : round) attach(k);
    if (round.size() <= 1) break;
    const int r = static_cast<int>(out.rounds.size()) - 1;
    std::vector<KnockoutMatch> next(round.size() / 2);
    for (std::size_t i = 0; i < next.size(); ++i) {
      for (int side = 0; side < 2; ++side) {
        const KnockoutMatch& prev = round[2 * i + static_cast<std::size_t>(side)];
        KnockoutSide& s = side == 0 ? next[i].home : next[i].away;
        s.from = SideFrom::winner;
        s.round = r;
        s.match = static_cast<int>(2 * i) + side;
        if (prev.decided) s.team = prev.winner_team();
      }
    }
    out.rounds.push_back(std::move(next));
  }
  // A play-off for third place: only where a row pairs the losing semi-finalists.
  if (out.rounds.size() >= 2) {
    const auto& semis = out.rounds[out.rounds.size() - 2];
    if (semis.size() == 2 && semis[0].decided && semis[1].decided) {
      KnockoutMatch k;
      const int r = static_cast<int>(out.rounds.size()) - 2;
      k.home = {semis[0].loser_team(), SideFrom::loser, {}, r, 0};
      k.away = {semis[1].loser_team(), SideFrom::loser, {}, r, 1};
      attach(k);
      if (k.has_result) out.third_place = std::move(k);
    }
  }
  for (const KnockoutRow& r : rows) {
    if (!r.used) row_error(r, r.home + " - " + r.away, "knockout_not_in_bracket", {r.home, r.away});
  }
  // Row errors in file order, whichever check found them.
  const auto source_index = [&](const Diagnostic& d) {
    return std::ranges::find(results.sources, d.source) - results.sources.begin();
  };
  std::ranges::stable_sort(out.diagnostics, [&](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(source_index(a), a.line) < std::pair(source_index(b), b.line);
  });
  return out;
}

}  // namespace matchday
