// The clinched/eliminated check as it was before it was split into parts and
// made to search each team's questions on their own (kept verbatim but for
// its names): the reference that tests/test_status.cpp holds the new code to
// — every mark this one sets, the new one sets too.
// Clinched and eliminated (docs/spec.md §7).
//
// The check enumerates the outcomes of the remaining fixtures (a regulation
// win either way, a draw, and shootouts where the rules give them points),
// depth first, pruning a branch once no team's answer can change in it. For
// each full set of outcomes the points are known exactly. A team with fewer
// than `qualify` teams level with or above it is through; one with `qualify`
// teams strictly above it is out. Otherwise the rule set's tie-breaking runs
// (rank_group_open) with every criterion that the remaining scores could
// still change left open: a criterion is settled only when, for every score
// with those outcomes, it splits the level teams the same way (goal margins:
// a win is by 1 or more, a loss by 1 or more, a draw by 0; goals, cards:
// anything). If the team's bucket is still across the line:
// - not open: only lots can order it, so it can go either way;
// - open: concrete scores are tried (big and small margins for and against
//   it); one that puts it through (or out) proves that it can be. When none
//   does, the answer is taken to be "it can" (no mark) and --explain says
//   that it hinges on goal margins.
// So every mark is proven, and the check is complete wherever goal margins
// do not decide. Past a work budget (many fixtures left) the marks come from
// points alone: guaranteed points against every other team's maximum.
#include "reference_status.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstdint>
#include <optional>
#include <utility>

namespace matchday::reference {
namespace {

// The work budget of the whole check, in team-nodes (search nodes times
// teams squared): a group of 6 teams with 9 fixtures left under the Qinghai
// rules (4^9 = 262,144 results) fits with room to spare.
constexpr std::uint64_t k_work_budget = 40'000'000;
// The budget of simulated rankings, in teams plus matches per ranking (one
// costs about 3 microseconds for 6 teams and 15 matches): for the check, and
// for the ways through that --explain names. Together with the nodes, a
// group answers in well under a second whatever its size.
constexpr std::uint64_t k_ranking_budget = 150'000 * 21;
constexpr std::uint64_t k_way_ranking_budget = 40'000 * 21;
// Failed searches for scores, per team and question, before the question is
// left to hinge on goal margins without more searching.
constexpr int k_score_searches = 64;
// Search nodes for one team's way through, and the results enumerated to
// show that one fixture of it does not matter.
constexpr std::uint64_t k_path_budget = 20'000;
constexpr std::uint64_t k_free_budget = 4096;

// A goal margin or goal count without bound.
constexpr long long k_unbounded = 1'000'000'000'000LL;

struct Kind {
  Outcome outcome;
  int home_points;
  int away_points;
};

// The results a fixture can still have under `p` (docs/spec.md §4): a regulation win
// either way and a draw; where shootouts give points, a shootout won by either
// side (and no plain draw when every draw goes to a shootout).
std::vector<Kind> outcome_kinds(const PointsRule& p) {
  std::vector<Kind> kinds{{Outcome::home_win, p.win, p.loss}, {Outcome::away_win, p.loss, p.win}};
  const bool shootout_counts = p.shootouts && (p.draw_needs_shootout || p.shootout_win != p.draw ||
                                               p.shootout_loss != p.draw);
  if (!shootout_counts || !p.draw_needs_shootout) kinds.push_back({Outcome::draw, p.draw, p.draw});
  if (shootout_counts) {
    kinds.push_back({Outcome::home_shootout, p.shootout_win, p.shootout_loss});
    kinds.push_back({Outcome::away_shootout, p.shootout_loss, p.shootout_win});
  }
  return kinds;
}

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

struct Fixture {
  std::size_t match = 0;  // index into the group's matches
  std::size_t sim = 0;    // index into the simulated group's matches
  std::uint32_t home = 0;
  std::uint32_t away = 0;
};

// A set of results that puts a team through (or out).
struct Witness {
  std::vector<int> kinds;                    // per fixture
  std::vector<std::pair<int, int>> scores;   // per fixture; empty: any score
  bool by_lots = false;
};

struct Finding {
  bool can_in = false;   // proven: some result puts it in the top places
  bool can_out = false;  // proven: some result keeps it out
  bool in_hinges = false;   // an open tie might put it in: not proven either way
  bool out_hinges = false;
  int in_searches = 0;
  int out_searches = 0;
  std::optional<std::vector<int>> way;  // outcomes (any score) that put it in
  std::optional<Witness> witness;       // else: scores or lots that do
};

// Where a team finished in one ranking: positions [start, start + size).
struct Place {
  int start = 0;
  int size = 1;
  bool open = false;
};

class StatusCheck {
 public:
  StatusCheck(const GroupTable& table, const Group& group, const Rules& rules, std::optional<int> through)
      : m_rules(rules), m_kinds(outcome_kinds(rules.points)) {
    m_n = static_cast<int>(group.teams.size());
    m_q = rules.qualify;
    m_points_first = !rules.order.empty() && rules.order.front() == Criterion::points;
    m_adjust.assign(group.teams.size(), 0);
    for (const StandingRow& r : table.rows) {
      if (r.team < m_adjust.size()) m_adjust[r.team] = r.adjustment;
    }
    m_rec = team_records(group, rules, through);
    // The simulated group: the matches that count, then the fixtures left.
    m_sim.name = group.name;
    m_sim.teams = group.teams;
    std::vector<std::size_t> remaining;
    for (std::size_t i = 0; i < group.matches.size(); ++i) {
      const Match& m = group.matches[i];
      if (m.stage != 0 || m.status == MatchStatus::cancelled) continue;
      const bool counted = m.has_score() && (m.status == MatchStatus::played || m.status == MatchStatus::awarded) &&
                           (!through || m.matchday <= *through);
      if (counted) {
        m_sim.matches.push_back(m);
      } else {
        remaining.push_back(i);
      }
    }
    m_counted = m_sim.matches.size();
    m_team_fixtures.resize(group.teams.size());
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
    m_assign.assign(m_fixtures.size(), -1);
    m_points.resize(group.teams.size());
    m_min_add.assign(group.teams.size(), 0);
    m_max_add.assign(group.teams.size(), 0);
    for (std::size_t t = 0; t < group.teams.size(); ++t) m_points[t] = m_rec[t].points + m_adjust[t];
    for (std::size_t f = 0; f < m_fixtures.size(); ++f) add_unassigned(f, 1);
    m_member.assign(group.teams.size(), 0);
    m_surely_above.assign(group.teams.size(), 0);
    m_surely_below.assign(group.teams.size(), 0);
    m_open = [this](Criterion c, std::span<const std::uint32_t> set, std::span<const std::uint32_t> mini) {
      return is_open(c, set, mini);
    };
  }

  void run(GroupTable& table) {
    table.status_notes.clear();
    for (StandingRow& r : table.rows) r.status = TeamStatus::none;
    if (m_fixtures.empty() || m_n == 0) return;
    if (m_q <= 0 || m_q >= m_n) {
      // Nobody can qualify, or everybody does, whatever the results.
      for (StandingRow& r : table.rows) r.status = m_q <= 0 ? TeamStatus::eliminated : TeamStatus::clinched;
      return;
    }
    m_find.assign(static_cast<std::size_t>(m_n), {});
    m_node_budget = std::max<std::uint64_t>(k_work_budget / static_cast<std::uint64_t>(m_n * m_n), 1000);
    m_ranking_left = k_ranking_budget;
    search(0);
    const bool exact = !m_exhausted;
    m_ranking_left = k_way_ranking_budget;
    if (!exact) {
      table.status_notes.push_back({m_points_first ? StatusNote::Kind::points_only : StatusNote::Kind::unchecked,
                                    0, m_q, static_cast<int>(m_fixtures.size()), {}, false, false});
    }
    // The bounds of the points-only fallback, from the start (nothing assigned).
    for (std::size_t f = 0; f < m_fixtures.size(); ++f) unassign(f);
    for (StandingRow& r : table.rows) {
      const std::uint32_t t = r.team;
      const Finding& f = m_find[t];
      if (exact) {
        if (!f.can_out && !f.out_hinges) r.status = TeamStatus::clinched;
        if (!f.can_in && !f.in_hinges) r.status = TeamStatus::eliminated;
      } else if (m_points_first) {
        if (surely_in(t)) r.status = TeamStatus::clinched;
        if (surely_out(t)) r.status = TeamStatus::eliminated;
      }
    }
    for (const StandingRow& r : table.rows) {
      const Finding& f = m_find[r.team];
      if (exact && !f.can_out && f.out_hinges) {
        table.status_notes.push_back({StatusNote::Kind::clinched_hinges, r.team, m_q, 0, {}, false, false});
      }
      if (exact && !f.can_in && f.in_hinges) {
        table.status_notes.push_back({StatusNote::Kind::eliminated_hinges, r.team, m_q, 0, {}, false, false});
      }
      if (r.status == TeamStatus::none && (!exact || f.can_in)) {
        if (auto note = way_through(r.team)) table.status_notes.push_back(std::move(*note));
      }
    }
  }

 private:
  // --- The assignment of outcomes, with every team's points and its least
  // and most points from the fixtures not yet assigned.
  void add_unassigned(std::size_t f, int sign) {
    const Fixture& x = m_fixtures[f];
    int hmin = m_kinds[0].home_points, hmax = hmin, amin = m_kinds[0].away_points, amax = amin;
    for (const Kind& k : m_kinds) {
      hmin = std::min(hmin, k.home_points);
      hmax = std::max(hmax, k.home_points);
      amin = std::min(amin, k.away_points);
      amax = std::max(amax, k.away_points);
    }
    m_min_add[x.home] += sign * hmin;
    m_max_add[x.home] += sign * hmax;
    m_min_add[x.away] += sign * amin;
    m_max_add[x.away] += sign * amax;
  }

  void assign(std::size_t f, int kind) {
    if (m_assign[f] >= 0) unassign(f);
    add_unassigned(f, -1);
    m_assign[f] = kind;
    m_points[m_fixtures[f].home] += m_kinds[static_cast<std::size_t>(kind)].home_points;
    m_points[m_fixtures[f].away] += m_kinds[static_cast<std::size_t>(kind)].away_points;
  }

  void unassign(std::size_t f) {
    if (m_assign[f] < 0) return;
    const Kind& k = m_kinds[static_cast<std::size_t>(m_assign[f])];
    m_points[m_fixtures[f].home] -= k.home_points;
    m_points[m_fixtures[f].away] -= k.away_points;
    m_assign[f] = -1;
    add_unassigned(f, 1);
  }

  // By points alone, over every outcome of the fixtures not assigned: fewer
  // than `qualify` others can reach `t`'s least points, so it is through.
  // REQUIRES: the rules rank by points first.
  [[nodiscard]] bool surely_in(std::uint32_t t) const {
    const int least = m_points[t] + m_min_add[t];
    int rivals = 0;
    for (int o = 0; o < m_n; ++o) {
      if (o != static_cast<int>(t) && m_points[o] + m_max_add[o] >= least && ++rivals >= m_q) return false;
    }
    return true;
  }

  // `qualify` others are sure to finish with more points than `t` can reach.
  [[nodiscard]] bool surely_out(std::uint32_t t) const {
    const int most = m_points[t] + m_max_add[t];
    int above = 0;
    for (int o = 0; o < m_n; ++o) {
      if (o != static_cast<int>(t) && m_points[o] + m_min_add[o] > most) ++above;
    }
    return above >= m_q;
  }

  // --- Simulated rankings.
  void set_score(std::size_t f, int kind, int home_goals, int away_goals) {
    Match& m = m_sim.matches[m_fixtures[f].sim];
    m.home_goals = static_cast<std::int16_t>(home_goals);
    m.away_goals = static_cast<std::int16_t>(away_goals);
    const Outcome o = m_kinds[static_cast<std::size_t>(kind)].outcome;
    m.home_pens = static_cast<std::int16_t>(o == Outcome::home_shootout ? 1 : o == Outcome::away_shootout ? 0 : -1);
    m.away_pens = static_cast<std::int16_t>(o == Outcome::away_shootout ? 1 : o == Outcome::home_shootout ? 0 : -1);
  }

  // One score for each assigned outcome: 1-0, 0-1 or 0-0.
  void set_representative_scores() {
    for (std::size_t f = 0; f < m_fixtures.size(); ++f) {
      const Outcome o = m_kinds[static_cast<std::size_t>(m_assign[f])].outcome;
      set_score(f, m_assign[f], o == Outcome::home_win ? 1 : 0, o == Outcome::away_win ? 1 : 0);
    }
  }

  // A simulated ranking, within the budget; nullopt past it.
  std::optional<OpenRanking> rank_sim(const OpenCriterion* open) {
    const std::uint64_t cost = m_sim.teams.size() + m_sim.matches.size();
    if (m_ranking_left < cost) return std::nullopt;
    m_ranking_left -= cost;
    return rank_group_open(m_sim, m_rules, m_adjust, open);
  }

  [[nodiscard]] Place place_of(const OpenRanking& r, std::uint32_t t) const {
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

  [[nodiscard]] bool in(const Place& p) const { return p.start + p.size <= m_q; }
  [[nodiscard]] bool out(const Place& p) const { return p.start >= m_q; }

  // Whether criterion `c` could order `set` differently for some score with
  // the assigned outcomes (a conservative test: value ranges per team).
  bool is_open(Criterion c, std::span<const std::uint32_t> set, std::span<const std::uint32_t> mini) {
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
        r.add(m_rec[t].goal_difference(), m_rec[t].goal_difference());
      } else if (c == Criterion::goals_for) {
        r.add(m_rec[t].goals_for, m_rec[t].goals_for);
      } else {
        r.add(-m_rec[t].fair_play, -m_rec[t].fair_play);
      }
      for (std::size_t f : m_team_fixtures[t]) {
        const Fixture& x = m_fixtures[f];
        if (h2h && (!m_member[x.home] || !m_member[x.away])) continue;
        const Outcome o = m_kinds[static_cast<std::size_t>(m_assign[f])].outcome;
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

  // --- The exhaustive check.
  // Whether some team's open question could still be answered below here.
  [[nodiscard]] bool worth_searching() const {
    if (!m_points_first) return true;
    for (int t = 0; t < m_n; ++t) {
      const Finding& f = m_find[static_cast<std::size_t>(t)];
      if (!f.can_out && !surely_in(static_cast<std::uint32_t>(t))) return true;
      if (!f.can_in && !surely_out(static_cast<std::uint32_t>(t))) return true;
    }
    return false;
  }

  void search(std::size_t d) {
    if (m_exhausted) return;
    if (++m_nodes > m_node_budget) {
      m_exhausted = true;
      return;
    }
    if (d == m_fixtures.size()) {
      check_results();
      return;
    }
    if (!worth_searching()) return;
    for (int k = 0; k < static_cast<int>(m_kinds.size()) && !m_exhausted; ++k) {
      assign(d, k);
      search(d + 1);
    }
    unassign(d);
  }

  void found_in(Finding& f) {
    f.can_in = true;
    if (!f.way) f.way = m_assign;
  }

  // Every fixture has an outcome: what it means for each team.
  void check_results() {
    std::vector<std::uint32_t> ties;  // teams whose place hangs on tie-breaking
    for (int i = 0; i < m_n; ++i) {
      const auto t = static_cast<std::uint32_t>(i);
      Finding& f = m_find[t];
      if (f.can_in && f.can_out && f.way) continue;
      if (!m_points_first) {
        ties.push_back(t);
        continue;
      }
      int above = 0, level = 0;
      for (int o = 0; o < m_n; ++o) {
        if (o == i) continue;
        above += m_points[o] > m_points[t];
        level += m_points[o] == m_points[t];
      }
      if (above + level < m_q) {
        found_in(f);
      } else if (above >= m_q) {
        f.can_out = true;
      } else {
        ties.push_back(t);
      }
    }
    if (ties.empty()) return;
    set_representative_scores();
    const std::optional<OpenRanking> simulated = rank_sim(&m_open);
    if (!simulated) {
      m_exhausted = true;
      return;
    }
    const OpenRanking& ranking = *simulated;
    for (std::uint32_t t : ties) {
      Finding& f = m_find[t];
      const Place p = place_of(ranking, t);
      if (in(p)) {
        found_in(f);
      } else if (out(p)) {
        f.can_out = true;
      } else if (!p.open) {
        // Level after every criterion, across the line: lots decide.
        f.can_out = true;
        if (!f.can_in) f.witness = Witness{m_assign, {}, true};
        f.can_in = true;
      } else {
        std::vector<std::uint32_t> bucket;
        for (const auto& b : ranking.buckets) {
          if (std::ranges::find(b, t) != b.end()) bucket = b;
        }
        for (const bool want_in : {true, false}) {
          bool& proven = want_in ? f.can_in : f.can_out;
          int& searches = want_in ? f.in_searches : f.out_searches;
          if (proven) continue;
          std::optional<Witness> w;
          if (searches < k_score_searches) {
            ++searches;
            w = try_scores(t, want_in, bucket);
          }
          if (w) {
            proven = true;
            if (want_in) f.witness = std::move(w);
          } else {
            (want_in ? f.in_hinges : f.out_hinges) = true;
          }
        }
      }
    }
  }

  // Scores with the assigned outcomes that put `t` in the top places
  // (`want_in`) or out of them, tried with margins that favour it (or its
  // rivals in `bucket`). Leaves the simulated scores changed.
  std::optional<Witness> try_scores(std::uint32_t t, bool want_in, const std::vector<std::uint32_t>& bucket) {
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
        const Fixture& x = m_fixtures[f];
        const Outcome o = m_kinds[static_cast<std::size_t>(m_assign[f])].outcome;
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
        set_score(f, m_assign[f], home, away);
      }
      const std::optional<OpenRanking> ranking = rank_sim(nullptr);
      if (!ranking) {
        m_exhausted = true;  // out of budget: nothing is proven past here
        break;
      }
      const Place p = place_of(*ranking, t);
      const bool lots = !in(p) && !out(p);
      if (want_in ? in(p) : out(p)) return Witness{m_assign, scores, false};
      if (lots && !by_lots) by_lots = Witness{m_assign, scores, true};
    }
    return by_lots;
  }

  // --- A way through, for --explain.
  // Whether `t` is through with every fixture assigned.
  bool through_now(std::uint32_t t) {
    if (m_points_first) {
      if (surely_in(t)) return true;
      if (surely_out(t)) return false;
    }
    set_representative_scores();
    const std::optional<OpenRanking> ranking = rank_sim(&m_open);
    return ranking && in(place_of(*ranking, t));  // past the budget: not shown to be through
  }

  // Whether `t` is through for every outcome of the `free` fixtures (the
  // rest assigned). False when there are too many to enumerate.
  bool through_whatever(std::uint32_t t, const std::vector<std::size_t>& free, std::size_t i, std::uint64_t& left) {
    if (m_points_first && surely_in(t)) return true;
    if (i == free.size()) return through_now(t);
    for (int k = 0; k < static_cast<int>(m_kinds.size()); ++k) {
      if (left == 0) return false;
      --left;
      assign(free[i], k);
      const bool ok = through_whatever(t, free, i + 1, left);
      unassign(free[i]);
      if (!ok) return false;
    }
    return true;
  }

  // The outcomes of fixture `f` in the order a way through for `t` tries
  // them: its own wins first; elsewhere, wins for the team farther from `t`
  // on points (the closer one is the rival).
  std::vector<int> preferred(std::size_t f, std::uint32_t t) const {
    const Fixture& x = m_fixtures[f];
    const int home_gap = std::abs(m_points[x.home] - m_points[t]);
    const int away_gap = std::abs(m_points[x.away] - m_points[t]);
    const bool home_first = x.home == t || (x.away != t && home_gap >= away_gap);
    std::vector<int> order(m_kinds.size());
    for (std::size_t k = 0; k < m_kinds.size(); ++k) order[k] = static_cast<int>(k);
    auto rank = [&](int k) {
      const Kind& kind = m_kinds[static_cast<std::size_t>(k)];
      return -(home_first ? kind.home_points - kind.away_points : kind.away_points - kind.home_points);
    };
    std::ranges::stable_sort(order, {}, rank);
    return order;
  }

  bool find_way(std::uint32_t t, std::size_t d, std::uint64_t& left) {
    if (left == 0) return false;
    --left;
    if (m_points_first && surely_out(t)) return false;
    if (d == m_fixtures.size()) return through_now(t);
    if (m_points_first && surely_in(t)) {
      for (std::size_t f = d; f < m_fixtures.size(); ++f) assign(f, preferred(f, t).front());
      return true;
    }
    for (int k : preferred(d, t)) {
      assign(d, k);
      if (find_way(t, d + 1, left)) return true;
    }
    unassign(d);
    return false;
  }

  std::optional<StatusNote> way_through(std::uint32_t t) {
    for (std::size_t f = 0; f < m_fixtures.size(); ++f) unassign(f);
    StatusNote note;
    note.kind = StatusNote::Kind::path;
    note.team = t;
    note.places = m_q;
    std::uint64_t left = k_path_budget;
    bool found = find_way(t, 0, left);
    if (!found && m_find[t].way) {
      for (std::size_t f = 0; f < m_fixtures.size(); ++f) assign(f, (*m_find[t].way)[f]);
      found = true;
    }
    if (found) {
      // Leave out the fixtures it does not need: others' first, then its own.
      std::vector<std::size_t> order;
      for (int own = 0; own < 2; ++own) {
        for (std::size_t f = 0; f < m_fixtures.size(); ++f) {
          const bool plays = m_fixtures[f].home == t || m_fixtures[f].away == t;
          if (plays == (own == 1)) order.push_back(f);
        }
      }
      std::vector<std::size_t> free;
      for (std::size_t f : order) {
        const int kind = m_assign[f];
        unassign(f);
        free.push_back(f);
        std::uint64_t budget = k_free_budget;
        if (!through_whatever(t, free, 0, budget)) {
          free.pop_back();
          assign(f, kind);
        }
      }
      for (std::size_t f = 0; f < m_fixtures.size(); ++f) {
        if (m_assign[f] < 0) continue;
        note.results.push_back({m_fixtures[f].match, m_kinds[static_cast<std::size_t>(m_assign[f])].outcome, -1, -1});
      }
      note.others_free = !free.empty();
      return note;
    }
    const std::optional<Witness>& w = m_find[t].witness;
    if (!w) return std::nullopt;
    for (std::size_t f = 0; f < m_fixtures.size(); ++f) {
      FixtureResult r{m_fixtures[f].match, m_kinds[static_cast<std::size_t>(w->kinds[f])].outcome, -1, -1};
      if (!w->scores.empty()) {
        r.home_goals = w->scores[f].first;
        r.away_goals = w->scores[f].second;
      }
      note.results.push_back(r);
    }
    note.by_lots = w->by_lots;
    return note;
  }

  const Rules& m_rules;
  std::vector<Kind> m_kinds;
  int m_n = 0;
  int m_q = 0;
  bool m_points_first = false;
  std::vector<int> m_adjust;
  std::vector<TeamRecord> m_rec;  // the matches that count
  Group m_sim;
  std::size_t m_counted = 0;      // m_sim.matches[0, m_counted) count already
  std::vector<Fixture> m_fixtures;
  std::vector<std::vector<std::size_t>> m_team_fixtures;
  std::vector<int> m_assign;  // outcome per fixture; -1: not assigned
  std::vector<int> m_points;
  std::vector<int> m_min_add;
  std::vector<int> m_max_add;
  std::vector<Finding> m_find;
  std::vector<char> m_member;
  // Per team of the last open bucket it was in: the teams of that bucket
  // sure to finish above it, and below it.
  std::vector<int> m_surely_above;
  std::vector<int> m_surely_below;
  std::vector<Range> m_ranges;
  OpenCriterion m_open;
  std::uint64_t m_nodes = 0;
  std::uint64_t m_node_budget = 0;
  std::uint64_t m_ranking_left = 0;
  bool m_exhausted = false;
};

}  // namespace

void mark_status_before_split(GroupTable& table, const Group& group, const Rules& rules, const StandingsOptions& options) {
  if (table.remaining == 0) return;  // fully played: nothing to prove (and nothing to cost)
  StatusCheck check(table, group, rules, options.through);
  check.run(table);
}

}  // namespace matchday::reference
