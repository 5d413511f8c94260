// Internal, for the clinched/eliminated check (status.cpp): the fixtures
// still to play, the results each can have, and every team's points under a
// partial assignment of results, with the least and most it can still reach.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "matchday/rules.hpp"
#include "matchday/standings.hpp"

namespace matchday::detail {

// One result a fixture can still have, with the points it gives each side.
struct ResultKind {
  Outcome outcome = Outcome::home_win;
  int home_points = 0;
  int away_points = 0;
};

// The results a fixture can still have under `p` (docs/spec.md §4): a regulation win
// either way and a draw; where shootouts give points, a shootout won by either
// side (and no plain draw when every draw goes to a shootout).
[[nodiscard]] inline std::vector<ResultKind> result_kinds(const PointsRule& p) {
  std::vector<ResultKind> kinds{{Outcome::home_win, p.win, p.loss}, {Outcome::away_win, p.loss, p.win}};
  const bool shootout_counts =
      p.shootouts && (p.draw_needs_shootout || p.shootout_win != p.draw || p.shootout_loss != p.draw);
  if (!shootout_counts || !p.draw_needs_shootout) kinds.push_back({Outcome::draw, p.draw, p.draw});
  if (shootout_counts) {
    kinds.push_back({Outcome::home_shootout, p.shootout_win, p.shootout_loss});
    kinds.push_back({Outcome::away_shootout, p.shootout_loss, p.shootout_win});
  }
  return kinds;
}

// A fixture still to play.
struct Unplayed {
  std::size_t match = 0;  // index into the group's matches
  std::size_t sim = 0;    // index into the simulated group's matches (TieSimulation)
  std::uint32_t home = 0;
  std::uint32_t away = 0;
};

// Every team's points with some fixtures given a result (an index into the
// kinds) and the others not yet: what it has, and the least and most it can
// finish with whatever the others' results.
class PointsRace {
 public:
  // `points`: per team, from the matches that count, adjustments included.
  PointsRace(std::vector<ResultKind> kinds, const std::vector<Unplayed>& fixtures, std::vector<int> points)
      : m_kinds(std::move(kinds)), m_fixtures(&fixtures), m_points(std::move(points)) {
    m_home_least = m_home_most = m_kinds.front().home_points;
    m_away_least = m_away_most = m_kinds.front().away_points;
    for (const ResultKind& k : m_kinds) {
      m_home_least = std::min(m_home_least, k.home_points);
      m_home_most = std::max(m_home_most, k.home_points);
      m_away_least = std::min(m_away_least, k.away_points);
      m_away_most = std::max(m_away_most, k.away_points);
    }
    m_least.assign(m_points.size(), 0);
    m_most.assign(m_points.size(), 0);
    m_assign.assign(fixtures.size(), -1);
    for (std::size_t f = 0; f < fixtures.size(); ++f) add_open(f, 1);
  }

  [[nodiscard]] const std::vector<ResultKind>& kinds() const { return m_kinds; }
  [[nodiscard]] int kind_count() const { return static_cast<int>(m_kinds.size()); }
  [[nodiscard]] const std::vector<Unplayed>& fixtures() const { return *m_fixtures; }
  [[nodiscard]] int teams() const { return static_cast<int>(m_points.size()); }
  // Per fixture: the index of its result kind, or -1.
  [[nodiscard]] const std::vector<int>& assignment() const { return m_assign; }
  [[nodiscard]] int kind_of(std::size_t f) const { return m_assign[f]; }

  [[nodiscard]] int points(std::uint32_t t) const { return m_points[t]; }
  [[nodiscard]] int least(std::uint32_t t) const { return m_points[t] + m_least[t]; }
  [[nodiscard]] int most(std::uint32_t t) const { return m_points[t] + m_most[t]; }

  void assign(std::size_t f, int kind) {
    if (m_assign[f] >= 0) unassign(f);
    add_open(f, -1);
    m_assign[f] = kind;
    const ResultKind& k = m_kinds[static_cast<std::size_t>(kind)];
    m_points[(*m_fixtures)[f].home] += k.home_points;
    m_points[(*m_fixtures)[f].away] += k.away_points;
  }

  void unassign(std::size_t f) {
    if (m_assign[f] < 0) return;
    const ResultKind& k = m_kinds[static_cast<std::size_t>(m_assign[f])];
    m_points[(*m_fixtures)[f].home] -= k.home_points;
    m_points[(*m_fixtures)[f].away] -= k.away_points;
    m_assign[f] = -1;
    add_open(f, 1);
  }

  void unassign_all() {
    for (std::size_t f = 0; f < m_assign.size(); ++f) unassign(f);
  }

  // By points alone, whatever the results not assigned: fewer than `places`
  // others can reach `t`'s least points, so it is in the top `places`.
  // (Meaningful where the rules rank by points first.)
  [[nodiscard]] bool surely_in(std::uint32_t t, int places) const {
    const int least_t = least(t);
    int rivals = 0;
    for (std::uint32_t o = 0; o < m_points.size(); ++o) {
      if (o != t && most(o) >= least_t && ++rivals >= places) return false;
    }
    return true;
  }

  // `places` others are sure to finish with more points than `t` can reach.
  [[nodiscard]] bool surely_out(std::uint32_t t, int places) const {
    const int most_t = most(t);
    int above = 0;
    for (std::uint32_t o = 0; o < m_points.size(); ++o) {
      if (o != t && least(o) > most_t) ++above;
    }
    return above >= places;
  }

 private:
  void add_open(std::size_t f, int sign) {
    const Unplayed& x = (*m_fixtures)[f];
    m_least[x.home] += sign * m_home_least;
    m_most[x.home] += sign * m_home_most;
    m_least[x.away] += sign * m_away_least;
    m_most[x.away] += sign * m_away_most;
  }

  std::vector<ResultKind> m_kinds;
  const std::vector<Unplayed>* m_fixtures;
  std::vector<int> m_points;  // with the assigned results
  std::vector<int> m_least;   // per team: the least the open fixtures add
  std::vector<int> m_most;    // and the most
  std::vector<int> m_assign;
  int m_home_least = 0, m_home_most = 0, m_away_least = 0, m_away_most = 0;
};

}  // namespace matchday::detail
