#include "status_ties.hpp"

#include <algorithm>

#include "match_rules.hpp"

namespace matchday::detail {
namespace {

// A goal margin or goal count without bound.
constexpr long long k_unbounded = 1'000'000'000'000LL;

}  // namespace

TieSimulation::TieSimulation(const Group& group, const Rules& rules, std::vector<int> adjust,
                             std::optional<int> through, std::vector<ResultKind> kinds)
    : m_rules(rules), m_kinds(std::move(kinds)), m_adjust(std::move(adjust)) {
  const std::size_t n = group.teams.size();
  m_adjust.resize(n, 0);
  m_records = team_records(group, rules, through);
  m_sim.name = group.name;
  m_sim.teams = group.teams;
  std::vector<std::size_t> remaining;
  for (std::size_t i = 0; i < group.matches.size(); ++i) {
    const Match& m = group.matches[i];
    if (counts(m, through)) {
      m_sim.matches.push_back(m);
    } else if (still_to_play(m, through)) {
      remaining.push_back(i);
    }
  }
  m_counted = m_sim.matches.size();
  m_team_fixtures.resize(n);
  for (std::size_t i : remaining) {
    Match m = group.matches[i];
    m.status = MatchStatus::played;
    m.home_fair_play = 0;
    m.away_fair_play = 0;
    m_team_fixtures[m.home].push_back(m_fixtures.size());
    m_team_fixtures[m.away].push_back(m_fixtures.size());
    m_fixtures.push_back({i, m_sim.matches.size(), m.home, m.away});
    m_sim.matches.push_back(m);
  }
  m_member.assign(n, 0);
  m_surely_above.assign(n, 0);
  m_surely_below.assign(n, 0);
  m_open = [this](Criterion c, std::span<const std::uint32_t> set, std::span<const std::uint32_t> mini) {
    return is_open(c, set, mini);
  };
}

std::vector<int> TieSimulation::points() const {
  std::vector<int> out(m_records.size());
  for (std::size_t t = 0; t < out.size(); ++t) out[t] = m_records[t].points + m_adjust[t];
  return out;
}

void TieSimulation::set_score(std::size_t f, int kind, int home_goals, int away_goals) {
  Match& m = m_sim.matches[m_fixtures[f].sim];
  m.home_goals = static_cast<std::int16_t>(home_goals);
  m.away_goals = static_cast<std::int16_t>(away_goals);
  const Outcome o = m_kinds[static_cast<std::size_t>(kind)].outcome;
  m.home_pens = static_cast<std::int16_t>(o == Outcome::home_shootout ? 1 : o == Outcome::away_shootout ? 0 : -1);
  m.away_pens = static_cast<std::int16_t>(o == Outcome::away_shootout ? 1 : o == Outcome::home_shootout ? 0 : -1);
}

std::optional<OpenRanking> TieSimulation::rank(const OpenCriterion* open) {
  const std::uint64_t cost = m_sim.teams.size() + m_sim.matches.size();
  if (m_ranking_left < cost) {
    m_out_of_budget = true;
    return std::nullopt;
  }
  m_ranking_left -= cost;
  return rank_group_open(m_sim, m_rules, m_adjust, open);
}

std::optional<OpenRanking> TieSimulation::rank_outcomes(const std::vector<int>& assign) {
  // One score for each outcome: 1-0, 0-1 or 0-0.
  for (std::size_t f = 0; f < m_fixtures.size(); ++f) {
    const Outcome o = m_kinds[static_cast<std::size_t>(assign[f])].outcome;
    set_score(f, assign[f], o == Outcome::home_win ? 1 : 0, o == Outcome::away_win ? 1 : 0);
  }
  m_assign = &assign;
  return rank(&m_open);
}

PlaceSpan TieSimulation::place_of(const OpenRanking& r, std::uint32_t t) const {
  int start = 0;
  for (std::size_t b = 0; b < r.buckets.size(); ++b) {
    const auto& bucket = r.buckets[b];
    if (std::ranges::find(bucket, t) == bucket.end()) {
      start += static_cast<int>(bucket.size());
      continue;
    }
    if (!r.open[b]) return {start, static_cast<int>(bucket.size()), false};
    return {start + m_surely_above[t], static_cast<int>(bucket.size()) - m_surely_above[t] - m_surely_below[t], true};
  }
  return {start, 1, false};
}

// Whether criterion `c` could order `set` differently for some score with
// the assigned outcomes (a conservative test: value ranges per team).
bool TieSimulation::is_open(Criterion c, std::span<const std::uint32_t> set, std::span<const std::uint32_t> mini) {
  const bool h2h = c == Criterion::h2h_goal_difference || c == Criterion::h2h_goals_for;
  const bool overall = c == Criterion::goal_difference || c == Criterion::goals_for || c == Criterion::fair_play;
  if (!h2h && !overall) return false;  // points, head-to-head points, wins: outcomes only; lots: no lots here
  const bool difference = c == Criterion::goal_difference || c == Criterion::h2h_goal_difference;
  m_ranges.assign(set.size(), {});
  if (h2h) {
    for (std::uint32_t t : mini) m_member[t] = 1;
  }
  for (std::size_t i = 0; i < set.size(); ++i) {
    const std::uint32_t t = set[i];
    Range& r = m_ranges[i];
    if (h2h) {
      for (std::size_t k = 0; k < m_counted; ++k) {
        const Match& m = m_sim.matches[k];
        if (!m_member[m.home] || !m_member[m.away] || (m.home != t && m.away != t)) continue;
        const int own = m.home == t ? m.home_goals : m.away_goals;
        const int other = m.home == t ? m.away_goals : m.home_goals;
        r.add(difference ? own - other : own, difference ? own - other : own);
      }
    } else if (c == Criterion::goal_difference) {
      r.add(m_records[t].goal_difference(), m_records[t].goal_difference());
    } else if (c == Criterion::goals_for) {
      r.add(m_records[t].goals_for, m_records[t].goals_for);
    } else {
      r.add(-m_records[t].fair_play, -m_records[t].fair_play);
    }
    for (std::size_t f : m_team_fixtures[t]) {
      const Unplayed& x = m_fixtures[f];
      if (h2h && (!m_member[x.home] || !m_member[x.away])) continue;
      const Outcome o = m_kinds[static_cast<std::size_t>((*m_assign)[f])].outcome;
      const bool won = (o == Outcome::home_win && x.home == t) || (o == Outcome::away_win && x.away == t);
      const bool lost = (o == Outcome::home_win && x.away == t) || (o == Outcome::away_win && x.home == t);
      if (c == Criterion::fair_play) {
        r.add(-k_unbounded, 0);  // cards still to come
      } else if (difference) {
        r.add(won ? 1 : lost ? -k_unbounded : 0, won ? k_unbounded : lost ? -1 : 0);
      } else {
        r.add(won ? 1 : 0, k_unbounded);
      }
    }
  }
  if (h2h) {
    for (std::uint32_t t : mini) m_member[t] = 0;
  }
  bool open = false;
  for (std::size_t i = 0; i < m_ranges.size() && !open; ++i) {
    for (std::size_t j = i + 1; j < m_ranges.size() && !open; ++j) {
      const Range& a = m_ranges[i];
      const Range& b = m_ranges[j];
      open = !((a.fixed() && b.fixed()) || a.hi < b.lo || b.hi < a.lo);
    }
  }
  if (open) {
    // The set stays one bucket; still, a team whose values all lie below
    // another's finishes below it (for place_of).
    for (std::size_t i = 0; i < set.size(); ++i) {
      m_surely_above[set[i]] = 0;
      m_surely_below[set[i]] = 0;
      for (std::size_t j = 0; j < set.size(); ++j) {
        m_surely_above[set[i]] += m_ranges[j].lo > m_ranges[i].hi;
        m_surely_below[set[i]] += m_ranges[j].hi < m_ranges[i].lo;
      }
    }
  }
  return open;
}

std::optional<Witness> TieSimulation::try_scores(std::uint32_t t, bool want_in, std::span<const std::uint32_t> bucket,
                                                 const std::vector<int>& assign, int places) {
  auto rival = [&](std::uint32_t x) { return x != t && std::ranges::find(bucket, x) != bucket.end(); };
  auto favoured = [&](std::uint32_t x) { return want_in ? x == t : rival(x); };
  auto against = [&](std::uint32_t x) { return want_in ? rival(x) : x == t; };
  struct Variant {
    int margin;
    bool among_rivals;  // big margins between two teams on the same side too
    bool goals;         // high scores where they help the favoured side
  };
  std::vector<Variant> variants{{1, false, false}};
  for (int margin : {3, 10, 40}) {
    for (int v = 0; v < 4; ++v) variants.push_back({margin, (v & 1) != 0, (v & 2) != 0});
  }
  std::optional<Witness> by_lots;
  std::vector<std::pair<int, int>> scores(m_fixtures.size());
  for (const Variant& v : variants) {
    for (std::size_t f = 0; f < m_fixtures.size(); ++f) {
      const Unplayed& x = m_fixtures[f];
      const Outcome o = m_kinds[static_cast<std::size_t>(assign[f])].outcome;
      int home = 0, away = 0;
      if (o == Outcome::home_win || o == Outcome::away_win) {
        const std::uint32_t w = o == Outcome::home_win ? x.home : x.away;
        const std::uint32_t l = o == Outcome::home_win ? x.away : x.home;
        int margin = 1;
        if ((favoured(w) && !favoured(l)) || (against(l) && !against(w))) margin = v.margin;
        if (v.among_rivals && ((favoured(w) && favoured(l)) || (against(w) && against(l)))) margin = v.margin;
        const int loser = v.goals && favoured(l) ? v.margin : 0;
        (o == Outcome::home_win ? home : away) = loser + margin;
        (o == Outcome::home_win ? away : home) = loser;
      } else if (v.goals && (favoured(x.home) || favoured(x.away)) && !against(x.home) && !against(x.away)) {
        home = away = v.margin;
      }
      scores[f] = {home, away};
      set_score(f, assign[f], home, away);
    }
    const std::optional<OpenRanking> ranking = rank(nullptr);
    if (!ranking) break;  // out of budget: nothing is proven past here
    const PlaceSpan p = place_of(*ranking, t);
    const bool lots = !p.in(places) && !p.out(places);
    if (want_in ? p.in(places) : p.out(places)) return Witness{assign, scores, false};
    if (lots && !by_lots) by_lots = Witness{assign, scores, true};
  }
  return by_lots;
}

}  // namespace matchday::detail
