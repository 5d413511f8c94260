#include "status_way.hpp"

#include <algorithm>
#include <cstdlib>

namespace matchday::detail {
namespace {

// Search nodes for one team's way through, and the results enumerated to
// show that one fixture of it does not matter.
constexpr std::uint64_t k_path_budget = 20'000;
constexpr std::uint64_t k_free_budget = 4096;

class WaySearch {
 public:
  WaySearch(std::uint32_t t, int places, bool points_first, PointsRace& race, TieSimulation& sim)
      : m_team(t), m_places(places), m_points_first(points_first), m_race(race), m_sim(sim) {}

  std::optional<StatusNote> run(KnownWay known) {
    const std::vector<Unplayed>& fixtures = m_race.fixtures();
    m_race.unassign_all();
    StatusNote note;
    note.kind = StatusNote::Kind::path;
    note.team = m_team;
    note.places = m_places;
    std::uint64_t left = k_path_budget;
    bool found = find_way(0, left);
    if (!found && known.outcomes) {
      for (std::size_t f = 0; f < fixtures.size(); ++f) m_race.assign(f, (*known.outcomes)[f]);
      found = true;
    }
    if (found) {
      // Leave out the fixtures it does not need: others' first, then its own.
      std::vector<std::size_t> order;
      for (int own = 0; own < 2; ++own) {
        for (std::size_t f = 0; f < fixtures.size(); ++f) {
          const bool plays = fixtures[f].home == m_team || fixtures[f].away == m_team;
          if (plays == (own == 1)) order.push_back(f);
        }
      }
      std::vector<std::size_t> free;
      for (std::size_t f : order) {
        const int kind = m_race.kind_of(f);
        m_race.unassign(f);
        free.push_back(f);
        std::uint64_t budget = k_free_budget;
        if (!through_whatever(free, 0, budget)) {
          free.pop_back();
          m_race.assign(f, kind);
        }
      }
      for (std::size_t f = 0; f < fixtures.size(); ++f) {
        if (m_race.kind_of(f) < 0) continue;
        note.results.push_back({fixtures[f].match, outcome(m_race.kind_of(f)), -1, -1});
      }
      note.others_free = !free.empty();
      m_race.unassign_all();
      return note;
    }
    if (!known.witness) return std::nullopt;
    const Witness& w = *known.witness;
    for (std::size_t f = 0; f < fixtures.size(); ++f) {
      FixtureResult r{fixtures[f].match, outcome(w.kinds[f]), -1, -1};
      if (!w.scores.empty()) {
        r.home_goals = w.scores[f].first;
        r.away_goals = w.scores[f].second;
      }
      note.results.push_back(r);
    }
    note.by_lots = w.by_lots;
    return note;
  }

 private:
  [[nodiscard]] Outcome outcome(int kind) const { return m_race.kinds()[static_cast<std::size_t>(kind)].outcome; }

  // Whether the team is through with every fixture assigned.
  bool through_now() {
    if (m_points_first) {
      if (m_race.surely_in(m_team, m_places)) return true;
      if (m_race.surely_out(m_team, m_places)) return false;
    }
    const std::optional<OpenRanking> ranking = m_sim.rank_outcomes(m_race.assignment());
    return ranking && m_sim.place_of(*ranking, m_team).in(m_places);  // past the budget: not shown to be through
  }

  // Whether the team is through for every outcome of the `free` fixtures
  // (the rest assigned). False when there are too many to enumerate.
  bool through_whatever(const std::vector<std::size_t>& free, std::size_t i, std::uint64_t& left) {
    if (m_points_first && m_race.surely_in(m_team, m_places)) return true;
    if (i == free.size()) return through_now();
    for (int k = 0; k < m_race.kind_count(); ++k) {
      if (left == 0) return false;
      --left;
      m_race.assign(free[i], k);
      const bool ok = through_whatever(free, i + 1, left);
      m_race.unassign(free[i]);
      if (!ok) return false;
    }
    return true;
  }

  // The outcomes of fixture `f` in the order a way through tries them: the
  // team's own wins first; elsewhere, wins for the side farther from it on
  // points (the closer one is the rival).
  [[nodiscard]] std::vector<int> preferred(std::size_t f) const {
    const Unplayed& x = m_race.fixtures()[f];
    const int home_gap = std::abs(m_race.points(x.home) - m_race.points(m_team));
    const int away_gap = std::abs(m_race.points(x.away) - m_race.points(m_team));
    const bool home_first = x.home == m_team || (x.away != m_team && home_gap >= away_gap);
    std::vector<int> order(static_cast<std::size_t>(m_race.kind_count()));
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    auto rank = [&](int k) {
      const ResultKind& kind = m_race.kinds()[static_cast<std::size_t>(k)];
      return -(home_first ? kind.home_points - kind.away_points : kind.away_points - kind.home_points);
    };
    std::ranges::stable_sort(order, {}, rank);
    return order;
  }

  bool find_way(std::size_t d, std::uint64_t& left) {
    const std::size_t count = m_race.fixtures().size();
    if (left == 0) return false;
    --left;
    if (m_points_first && m_race.surely_out(m_team, m_places)) return false;
    if (d == count) return through_now();
    if (m_points_first && m_race.surely_in(m_team, m_places)) {
      for (std::size_t f = d; f < count; ++f) m_race.assign(f, preferred(f).front());
      return true;
    }
    for (int k : preferred(d)) {
      m_race.assign(d, k);
      if (find_way(d + 1, left)) return true;
    }
    m_race.unassign(d);
    return false;
  }

  std::uint32_t m_team;
  int m_places;
  bool m_points_first;
  PointsRace& m_race;
  TieSimulation& m_sim;
};

}  // namespace

std::optional<StatusNote> way_through(std::uint32_t t, int places, bool points_first, PointsRace& race,
                                      TieSimulation& sim, KnownWay known) {
  return WaySearch(t, places, points_first, race, sim).run(known);
}

}  // namespace matchday::detail
