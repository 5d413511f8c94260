// Internal, for the clinched/eliminated check (status.cpp): the group as it
// would stand with results for its fixtures still to play, ranked by the
// rule set's tie-breaking (rank_group_open, standings.cpp). With outcomes
// only, every criterion that goal margins, goals or cards could still change
// is left open; with scores, the ranking is the real one.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "matchday/results.hpp"
#include "matchday/rules.hpp"
#include "matchday/standings.hpp"
#include "status_points.hpp"

namespace matchday::detail {

// Results that put a team in the top places (or out of them).
struct Witness {
  std::vector<int> kinds;                   // per fixture: the index of its result kind
  std::vector<std::pair<int, int>> scores;  // per fixture; empty: any score with that result
  bool by_lots = false;                     // and then a drawing of lots going its way
};

// Where a team finished in one simulated ranking: positions [start, start +
// size), 0-based; more than one where it is level with others.
struct PlaceSpan {
  int start = 0;
  int size = 1;
  bool open = false;  // level on a criterion that scores could still settle

  [[nodiscard]] bool in(int places) const { return start + size <= places; }
  [[nodiscard]] bool out(int places) const { return start >= places; }
};

class TieSimulation {
 public:
  // `adjust`: points adjustments per team id.
  TieSimulation(const Group& group, const Rules& rules, std::vector<int> adjust, std::optional<int> through,
                std::vector<ResultKind> kinds);
  TieSimulation(const TieSimulation&) = delete;
  TieSimulation& operator=(const TieSimulation&) = delete;

  [[nodiscard]] const std::vector<Unplayed>& fixtures() const { return m_fixtures; }
  // Per team: points from the matches that count, adjustments included.
  [[nodiscard]] std::vector<int> points() const;

  // Rankings cost teams plus matches each; past `cost` more of them, rank()
  // and try_scores() give up (out_of_budget()).
  void set_budget(std::uint64_t cost) { m_ranking_left = cost; }
  [[nodiscard]] bool out_of_budget() const { return m_out_of_budget; }

  // The ranking with results `assign` (every fixture assigned), any score:
  // criteria that scores could change are open. nullopt past the budget.
  std::optional<OpenRanking> rank_outcomes(const std::vector<int>& assign);

  // Where `t` finished in `ranking` (the last one made).
  [[nodiscard]] PlaceSpan place_of(const OpenRanking& ranking, std::uint32_t t) const;

  // Scores with results `assign` that put `t` in the top `places`
  // (`want_in`) or out of them, tried with margins that favour it (or its
  // rivals in `bucket`); else scores that leave it to lots, if any.
  std::optional<Witness> try_scores(std::uint32_t t, bool want_in, std::span<const std::uint32_t> bucket,
                                    const std::vector<int>& assign, int places);

 private:
  void set_score(std::size_t f, int kind, int home_goals, int away_goals);
  std::optional<OpenRanking> rank(const OpenCriterion* open);
  bool is_open(Criterion c, std::span<const std::uint32_t> set, std::span<const std::uint32_t> mini);

  // The values a criterion can take for one team: [lo, hi].
  struct Range {
    long long lo = 0;
    long long hi = 0;
    void add(long long a, long long b) {
      lo += a;
      hi += b;
    }
    [[nodiscard]] bool fixed() const { return lo == hi; }
  };

  const Rules& m_rules;
  std::vector<ResultKind> m_kinds;
  std::vector<int> m_adjust;
  std::vector<TeamRecord> m_records;  // the matches that count
  Group m_sim;                        // the matches that count, then the fixtures
  std::size_t m_counted = 0;          // m_sim.matches[0, m_counted) count already
  std::vector<Unplayed> m_fixtures;
  std::vector<std::vector<std::size_t>> m_team_fixtures;
  const std::vector<int>* m_assign = nullptr;  // of the ranking being made
  std::vector<char> m_member;
  // Per team, of the last open bucket it was in: the teams of that bucket
  // sure to finish above it, and below it.
  std::vector<int> m_surely_above;
  std::vector<int> m_surely_below;
  std::vector<Range> m_ranges;
  OpenCriterion m_open;
  std::uint64_t m_ranking_left = 0;
  bool m_out_of_budget = false;
};

}  // namespace matchday::detail
