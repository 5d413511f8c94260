#include "matchday/standings.hpp"

#include "matchday/integrity.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory_resource>
#include <numeric>
#include <span>

#include "match_rules.hpp"
#include "parallel.hpp"

namespace matchday {
namespace {

using detail::counts;

// The five outcomes of a match for one side, as TeamRecord counts them.
enum SideOutcome : std::uint8_t { o_won, o_drawn, o_lost, o_shootout_won, o_shootout_lost, o_count };

// The outcome of match `m` for the home side and for the away side (docs/spec.md §4:
// without shootout points a recorded shootout leaves the draw). Without
// branches: a league's results are as good as random to a branch predictor.
inline std::pair<SideOutcome, SideOutcome> outcomes(const Match& m, const PointsRule& p) {
  // By [goals: home ahead, level, away ahead][shootout][home won it].
  static constexpr SideOutcome k_home[3][2][2] = {{{o_won, o_won}, {o_won, o_won}},
                                               {{o_drawn, o_drawn}, {o_shootout_lost, o_shootout_won}},
                                               {{o_lost, o_lost}, {o_lost, o_lost}}};
  static constexpr SideOutcome k_away[3][2][2] = {{{o_lost, o_lost}, {o_lost, o_lost}},
                                               {{o_drawn, o_drawn}, {o_shootout_won, o_shootout_lost}},
                                               {{o_won, o_won}, {o_won, o_won}}};
  const int goals = 1 + (m.home_goals < m.away_goals) - (m.home_goals > m.away_goals);
  const int shootout = p.shootouts && m.has_shootout();
  const int home_won_it = m.home_pens > m.away_pens;
  return {k_home[goals][shootout][home_won_it], k_away[goals][shootout][home_won_it]};
}

// The points of each outcome under `p`, by SideOutcome.
std::array<int, o_count> outcome_points(const PointsRule& p) {
  return {p.win, p.draw, p.loss, p.shootout_win, p.shootout_loss};
}

// Records summed over matches: per team a count of each outcome, goals, fair
// play and awarded matches, a few additions a match; played and points
// follow from the counts (record()).
class Tally {
 public:
  explicit Tally(std::size_t teams) : m_rows(teams) {}

  void add(const Match& m, const PointsRule& p) {
    const auto [home_outcome, away_outcome] = outcomes(m, p);
    Row& home = m_rows[m.home];
    Row& away = m_rows[m.away];
    ++home.outcome[home_outcome];
    ++away.outcome[away_outcome];
    home.goals_for += m.home_goals;
    home.goals_against += m.away_goals;
    away.goals_for += m.away_goals;
    away.goals_against += m.home_goals;
    home.fair_play += m.home_fair_play;
    away.fair_play += m.away_fair_play;
    const int awarded = m.status == MatchStatus::awarded;
    home.awarded += awarded;
    away.awarded += awarded;
  }

  [[nodiscard]] TeamRecord record(std::uint32_t team, const PointsRule& p) const {
    const Row& r = m_rows[team];
    TeamRecord t;
    t.won = r.outcome[o_won];
    t.drawn = r.outcome[o_drawn];
    t.lost = r.outcome[o_lost];
    t.shootout_won = r.outcome[o_shootout_won];
    t.shootout_lost = r.outcome[o_shootout_lost];
    t.played = t.won + t.drawn + t.lost + t.shootout_won + t.shootout_lost;
    t.goals_for = r.goals_for;
    t.goals_against = r.goals_against;
    const std::array<int, o_count> points = outcome_points(p);
    for (int o = 0; o < o_count; ++o) t.points += r.outcome[o] * points[o];
    t.fair_play = r.fair_play;
    t.awarded = r.awarded;
    return t;
  }

 private:
  struct Row {
    int outcome[o_count] = {};
    int goals_for = 0, goals_against = 0, fair_play = 0, awarded = 0;
  };
  std::vector<Row> m_rows;
};

// Ranks the teams of one group by the rule set's criteria (docs/spec.md §4).
class Ranker {
  // Every set of teams the ranking makes (a league makes a hundred a group)
  // comes from this arena, a bump of a pointer each, given back at once.
  std::array<std::byte, 8192> m_arena_buffer;
  std::pmr::monotonic_buffer_resource m_arena{m_arena_buffer.data(), m_arena_buffer.size()};

 public:
  using Set = std::pmr::vector<std::uint32_t>;
  using Sets = std::pmr::vector<Set>;

  Ranker(const Group& group, const Rules& rules, std::optional<int> through,
         std::span<const int> adjustment, std::span<const std::vector<std::uint32_t>> lots)
      : m_group(group), m_rules(rules), m_lots(lots), m_through(through) {
    const std::size_t n = group.teams.size();
    Tally tally(n);
    m_total.assign(n, 0);
    const Match* const first = group.matches.data();
    const std::size_t count = group.matches.size();
    m_counted.reserve(count);
    for (std::size_t k = 0; k < count; ++k) {
      // The matches were written long ago (a league's 33 MB): asked for a
      // few cache lines ahead, so that the misses overlap.
      if (k + 16 < count) __builtin_prefetch(first + k + 16);
      const Match& m = first[k];
      if (!counts(m, through)) {
        m_remaining += detail::still_to_play(m, through);
        continue;
      }
      tally.add(m, rules.points);
      m_counted.push_back(static_cast<std::uint32_t>(k));
    }
    m_overall.reserve(n);
    for (std::uint32_t t = 0; t < n; ++t) {
      m_overall.push_back(tally.record(t, rules.points));
      m_total[t] = m_overall[t].points + (t < adjustment.size() ? adjustment[t] : 0);
    }
    m_points = outcome_points(rules.points);
    m_decided.assign(n, {std::nullopt, 0});
    m_in_set.assign(n, 0);
    m_mini.assign(n, {});
  }

  // Buckets of team ids in rank order; a bucket of more than one is level
  // after every criterion.
  std::vector<std::vector<std::uint32_t>> run() {
    std::vector<std::vector<std::uint32_t>> out;
    for (const Set& bucket : run_buckets()) out.emplace_back(bucket.begin(), bucket.end());
    return out;
  }
  // The same, in the ranker's arena (valid while it lives).
  const Sets& run_buckets() {
    Set all(m_group.teams.size(), &m_arena);
    std::iota(all.begin(), all.end(), 0u);
    // Name order among teams that stay level: a total, deterministic order.
    // (std::sort by name, then id, is the stable sort by name without the
    // buffer std::stable_sort allocates: this runs for each of a league's groups.)
    std::ranges::sort(all, [&](std::uint32_t a, std::uint32_t b) {
      const int c = m_group.teams[a].compare(m_group.teams[b]);
      return c < 0 || (c == 0 && a < b);
    });
    m_top = all.size();
    m_out.reserve(all.size());
    resolve(std::move(all), 0, false);
    return m_out;
  }

  const std::vector<TeamRecord>& overall() const { return m_overall; }
  int remaining() const { return m_remaining; }
  const std::vector<int>& total() const { return m_total; }
  std::vector<TieStep>& steps() { return m_steps; }
  const std::vector<std::pair<std::optional<Criterion>, int>>& decided() const { return m_decided; }
  // Simulations: criteria `open` says hang on unknown results split nothing.
  void set_open(const OpenCriterion* open) { m_open = open; }
  const std::vector<std::size_t>& open_buckets() const { return m_open_buckets; }

 private:
  // The mini-table of `set`: records over the matches among its teams only.
  void build_mini(std::span<const std::uint32_t> set) {
    for (std::uint32_t t : set) m_mini[t] = {};
    m_mini_matches = 0;
    m_mini_awarded = 0;
    // (Of a mini-table, only points and goals are read.)
    const auto add = [&](const Match& m) {
      const auto [home_outcome, away_outcome] = outcomes(m, m_rules.points);
      MiniRecord& home = m_mini[m.home];
      MiniRecord& away = m_mini[m.away];
      home.points += m_points[home_outcome];
      away.points += m_points[away_outcome];
      home.goals_for += m.home_goals;
      home.goals_against += m.away_goals;
      away.goals_for += m.away_goals;
      away.goals_against += m.home_goals;
      ++m_mini_matches;
      m_mini_awarded += m.status == MatchStatus::awarded;
    };
    const std::size_t n = m_group.teams.size();
    if (n > k_pair_index_teams) {
      for (std::uint32_t t : set) m_in_set[t] = 1;
      for (const Match& m : m_group.matches) {
        if (counts(m, m_through) && m_in_set[m.home] && m_in_set[m.away]) add(m);
      }
      for (std::uint32_t t : set) m_in_set[t] = 0;
      return;
    }
    // The matches of each pair of the set's teams: a tie of k teams reads
    // k(k-1)/2 pairs, not every match of the group (a league's group has
    // a hundred ties to split).
    if (m_pair_first.empty()) index_pairs();
    for (std::size_t i = 0; i < set.size(); ++i) {
      for (std::size_t j = i + 1; j < set.size(); ++j) {
        const std::size_t key = pair_key(set[i], set[j]);
        for (std::uint32_t k = m_pair_first[key]; k < m_pair_first[key + 1]; ++k) add(m_group.matches[m_by_pair[k]]);
      }
    }
  }

  // m_by_pair: the matches that count, ordered by pair of teams (lower id,
  // higher id); those of pair key lo * n + hi are [m_pair_first[key],
  // m_pair_first[key + 1]).
  void index_pairs() {
    const std::size_t n = m_group.teams.size();
    const auto key = [&](std::uint32_t k) { return pair_key(m_group.matches[k].home, m_group.matches[k].away); };
    m_pair_first.assign(n * n + 1, 0);
    for (std::uint32_t k : m_counted) ++m_pair_first[key(k) + 1];
    for (std::size_t i = 1; i < m_pair_first.size(); ++i) m_pair_first[i] += m_pair_first[i - 1];
    std::vector<std::uint32_t> at(m_pair_first.begin(), m_pair_first.end() - 1);
    m_by_pair.resize(m_counted.size());
    for (std::uint32_t k : m_counted) m_by_pair[at[key(k)]++] = k;
  }

  // The index_pairs() key of the pair of teams a and b.
  [[nodiscard]] std::size_t pair_key(std::uint32_t a, std::uint32_t b) const {
    return std::size_t{std::min(a, b)} * m_group.teams.size() + std::max(a, b);
  }

  // Higher is better for every criterion.
  int value(Criterion c, std::uint32_t t, std::span<const std::uint32_t> set) const {
    switch (c) {
      case Criterion::points: return m_total[t];
      case Criterion::h2h_points: return m_mini[t].points;
      case Criterion::h2h_goal_difference: return m_mini[t].goals_for - m_mini[t].goals_against;
      case Criterion::h2h_goals_for: return m_mini[t].goals_for;
      case Criterion::goal_difference: return m_overall[t].goal_difference();
      case Criterion::goals_for: return m_overall[t].goals_for;
      case Criterion::wins: return m_overall[t].won;
      case Criterion::fair_play: return -m_overall[t].fair_play;
      case Criterion::lots: return lots_value(t, set);
    }
    return 0;
  }

  // The drawn order, from the first --lots list that names every team of `set`.
  int lots_value(std::uint32_t t, std::span<const std::uint32_t> set) const {
    for (const auto& list : m_lots) {
      const bool covers = std::ranges::all_of(set, [&](std::uint32_t s) { return std::ranges::find(list, s) != list.end(); });
      if (!covers) continue;
      return -static_cast<int>(std::ranges::find(list, t) - list.begin());
    }
    return 0;
  }

  // Splits `set` by criterion `c` into parts of equal value, best first.
  Sets split(std::span<const std::uint32_t> set, Criterion c, bool reapplied) {
    // Best value first; equal values keep the order of `set`. Sets are a
    // group's teams: an insertion sort, stable and with no buffer to allocate
    // (std::stable_sort allocates one a call, and this runs for every tie of
    // every group of a league), or std::stable_sort for a very large group.
    std::vector<std::pair<int, std::uint32_t>>& v = m_values;
    v.clear();
    for (std::uint32_t t : set) v.emplace_back(value(c, t, set), t);
    if (v.size() > 64) {
      std::ranges::stable_sort(v, std::greater<>{}, &std::pair<int, std::uint32_t>::first);
    } else {
      for (std::size_t i = 1; i < v.size(); ++i) {
        const std::pair<int, std::uint32_t> x = v[i];
        std::size_t j = i;
        for (; j > 0 && v[j - 1].first < x.first; --j) v[j] = v[j - 1];
        v[j] = x;
      }
    }
    Sets parts(&m_arena);
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < v.size(); ++i) distinct += i == 0 || v[i].first != v[i - 1].first;
    parts.reserve(distinct);
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i == 0 || v[i].first != v[i - 1].first) parts.emplace_back();
      parts.back().push_back(v[i].second);
    }
    const bool top_points = c == Criterion::points && set.size() == m_top;
    if (parts.size() > 1 && !top_points) {
      TieStep step;
      step.criterion = c;
      step.decisive = true;
      step.reapplied = reapplied;
      if (is_h2h(c)) {
        step.h2h_matches = m_mini_matches;
        step.h2h_awarded = m_mini_awarded;
      }
      for (const auto& [val, t] : v) {
        step.teams.push_back(t);
        step.values.push_back(c == Criterion::fair_play ? -val : val);
        m_decided[t] = {c, c == Criterion::fair_play ? -val : val};
      }
      m_steps.push_back(std::move(step));
    }
    return parts;
  }

  bool is_open(Criterion c, std::span<const std::uint32_t> set, std::span<const std::uint32_t> mini) const {
    return m_open && (*m_open)(c, set, mini);
  }

  void push_open(Set set) {
    m_open_buckets.push_back(m_out.size());
    m_out.push_back(std::move(set));
  }

  void resolve(Set set, std::size_t pos, bool reapplied) {
    const auto& order = m_rules.order;
    if (set.size() == 1) {
      m_out.push_back(std::move(set));
      return;
    }
    if (pos >= order.size()) {
      // Past the last criterion: a drawing of lots given with --lots still
      // orders the set, whether or not the rule set lists `lots`.
      if (order.empty() || order.back() != Criterion::lots) {
        auto parts = split(set, Criterion::lots, false);
        if (parts.size() > 1) {
          for (auto& p : parts) m_out.push_back(std::move(p));
          return;
        }
      }
      m_out.push_back(std::move(set));
      return;
    }
    const Criterion c = order[pos];
    if (!is_h2h(c)) {
      if (is_open(c, set, set)) {
        push_open(std::move(set));
        return;
      }
      for (auto& part : split(set, c, false)) resolve(std::move(part), pos + 1, false);
      return;
    }
    // A head-to-head block: every criterion of the block, in order, on one
    // mini-table built for the teams that entered it (docs/spec.md §4).
    std::size_t end = pos;
    while (end < order.size() && is_h2h(order[end])) ++end;
    build_mini(set);
    Sets parts(&m_arena);
    parts.push_back(set);
    std::pmr::vector<char> stopped(1, 0, &m_arena);  // per part: an open criterion left it as it is
    for (std::size_t k = pos; k < end; ++k) {
      Sets next(&m_arena);
      std::pmr::vector<char> next_stopped(&m_arena);
      for (std::size_t i = 0; i < parts.size(); ++i) {
        auto& part = parts[i];
        if (part.size() == 1 || stopped[i] || is_open(order[k], part, set)) {
          next_stopped.push_back(static_cast<char>(part.size() > 1));
          next.push_back(std::move(part));
          continue;
        }
        for (auto& sub : split(part, order[k], reapplied)) {
          next.push_back(std::move(sub));
          next_stopped.push_back(0);
        }
      }
      parts = std::move(next);
      stopped = std::move(next_stopped);
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      auto& part = parts[i];
      if (stopped[i]) {
        push_open(std::move(part));
      } else if (part.size() == 1) {
        m_out.push_back(std::move(part));
      } else if (part.size() < set.size() && m_rules.reapply_h2h) {
        resolve(std::move(part), pos, true);  // UEFA (d): the block again, own mini-table
      } else {
        resolve(std::move(part), end, false);
      }
    }
  }

  const Group& m_group;
  const Rules& m_rules;
  std::span<const std::vector<std::uint32_t>> m_lots;
  std::optional<int> m_through;
  std::vector<std::pair<int, std::uint32_t>> m_values;  // split()'s, kept for its capacity
  std::vector<TeamRecord> m_overall;
  std::vector<int> m_total;
  struct MiniRecord {
    int points = 0, goals_for = 0, goals_against = 0;
  };
  std::vector<MiniRecord> m_mini;
  std::array<int, o_count> m_points{};  // points per outcome
  std::vector<char> m_in_set;
  // Mini-tables read matches by pair of teams up to this many teams (n * n
  // counters); a larger group's are summed over every match.
  static constexpr std::size_t k_pair_index_teams = 64;
  std::vector<std::uint32_t> m_counted;     // indices of the matches that count
  std::vector<std::uint32_t> m_pair_first;  // per pair key, and one past the last
  std::vector<std::uint32_t> m_by_pair;     // m_counted, by pair
  int m_remaining = 0;
  int m_mini_matches = 0;
  int m_mini_awarded = 0;
  std::size_t m_top = 0;
  Sets m_out{&m_arena};
  std::vector<TieStep> m_steps;
  std::vector<std::pair<std::optional<Criterion>, int>> m_decided;
  const OpenCriterion* m_open = nullptr;
  std::vector<std::size_t> m_open_buckets;  // indices into m_out
};

Diagnostic option_error(std::string_view code, std::vector<std::string> args) {
  return Diagnostic{Severity::error, "", 0, "", "", code, std::move(args)};
}

}  // namespace

std::vector<TeamRecord> team_records(const Group& group, const Rules& rules, std::optional<int> through) {
  Tally tally(group.teams.size());
  for (const Match& m : group.matches) {
    if (counts(m, through)) tally.add(m, rules.points);
  }
  std::vector<TeamRecord> r;
  r.reserve(group.teams.size());
  for (std::uint32_t t = 0; t < group.teams.size(); ++t) r.push_back(tally.record(t, rules.points));
  return r;
}

Ranking rank_group(const Group& group, const Rules& rules, std::optional<int> through) {
  Ranker ranker(group, rules, through, {}, {});
  Ranking out;
  for (const auto& bucket : ranker.run()) {
    const int rank = static_cast<int>(out.order.size()) + 1;
    for (std::uint32_t t : bucket) {
      out.order.push_back(t);
      out.rank.push_back(rank);
    }
  }
  return out;
}

OpenRanking rank_group_open(const Group& group, const Rules& rules, std::span<const int> adjustment,
                            const OpenCriterion* open) {
  Ranker ranker(group, rules, std::nullopt, adjustment, {});
  ranker.set_open(open);
  OpenRanking out;
  out.buckets = ranker.run();
  out.open.assign(out.buckets.size(), 0);
  for (std::size_t b : ranker.open_buckets()) out.open[b] = 1;
  return out;
}

namespace {

// The table of one group: its ranking, with every row's record and notes.
GroupTable group_table(const Group& group, std::size_t index, const Rules& rules, const StandingsOptions& options,
                       std::span<const int> adjust, const std::vector<std::vector<std::string>>& reasons,
                       std::span<const std::vector<std::uint32_t>> lots) {
  Ranker ranker(group, rules, options.through, adjust, lots);
  const auto& buckets = ranker.run_buckets();
  GroupTable table;
  table.name = group.name;
  table.group = index;
  table.named_after_file = group.named_after_file;
  table.remaining = ranker.remaining();
  table.rows.reserve(group.teams.size());
  for (const auto& bucket : buckets) {
    const int rank = static_cast<int>(table.rows.size()) + 1;
    if (bucket.size() > 1) table.unresolved.emplace_back(bucket.begin(), bucket.end());
    for (std::uint32_t t : bucket) {
      StandingRow row;
      row.team = t;
      row.name = group.teams[t];
      row.rank = rank;
      row.shared_rank = bucket.size() > 1;
      row.record = ranker.overall()[t];
      if (t < adjust.size()) row.adjustment = adjust[t];
      if (t < reasons.size()) row.adjustment_reasons = reasons[t];
      row.points = ranker.total()[t];
      row.decided_by = ranker.decided()[t].first;
      row.decided_value = ranker.decided()[t].second;
      table.rows.push_back(std::move(row));
    }
  }
  table.steps = std::move(ranker.steps());
  return table;
}

}  // namespace

namespace {

// Whether `name` (from --group, an adjustment) names group `g`: as written,
// or as check_results shows it (`A组` and `Group A` name group A).
bool names_group(const Group& g, const std::string& name) {
  return g.name == name || (!g.named_after_file && g.name == canonical_group_name(name));
}

}  // namespace

Standings compute_standings(const Results& results, const Rules& rules, const StandingsOptions& options) {
  Standings out;
  // Every group named by --group must exist.
  for (const std::string& name : options.groups) {
    const bool found = std::ranges::any_of(results.groups, [&](const Group& g) { return names_group(g, name); });
    if (!found) {
      std::string names;
      for (const Group& g : results.groups) names += (names.empty() ? "" : ", ") + g.name;
      out.diagnostics.push_back(option_error("no_such_group", {name, names}));
    }
  }
  // Adjustments: find each team's group.
  std::vector<std::vector<int>> adjust(results.groups.size());
  std::vector<std::vector<std::vector<std::string>>> reasons(results.groups.size());
  // (per team of a group, only for groups with an adjustment: most have none)
  for (const Adjustment& a : options.adjustments) {
    std::vector<std::pair<std::size_t, std::uint32_t>> hits;
    for (std::size_t g = 0; g < results.groups.size(); ++g) {
      if (!a.group.empty() && !names_group(results.groups[g], a.group)) continue;
      const std::int64_t t = results.groups[g].find_team(a.team);
      if (t >= 0) hits.emplace_back(g, static_cast<std::uint32_t>(t));
    }
    if (hits.empty()) {
      out.diagnostics.push_back(a.group.empty() ? option_error("adjust_unknown_team_any", {a.team})
                                                : option_error("adjust_unknown_team", {a.team, a.group}));
    } else if (hits.size() > 1) {
      out.diagnostics.push_back(option_error("adjust_ambiguous_team", {a.team}));
    } else {
      const std::size_t g = hits[0].first;
      if (adjust[g].empty()) {
        adjust[g].assign(results.groups[g].teams.size(), 0);
        reasons[g].resize(results.groups[g].teams.size());
      }
      adjust[g][hits[0].second] += a.points;
      std::string why = std::to_string(a.points);
      if (a.points > 0) why.insert(why.begin(), '+');  // (not "+" + ...: a false -Wrestrict in GCC 12)
      if (!a.reason.empty()) why += " " + a.reason;
      reasons[hits[0].first][hits[0].second].push_back(std::move(why));
    }
  }
  // Lots: per group, the lists whose teams are all in that group.
  std::vector<std::vector<std::vector<std::uint32_t>>> lots(results.groups.size());
  for (const auto& list : options.lots) {
    bool placed = false;
    for (std::size_t g = 0; g < results.groups.size(); ++g) {
      std::vector<std::uint32_t> ids;
      for (const std::string& name : list) {
        const std::int64_t t = results.groups[g].find_team(name);
        if (t >= 0) ids.push_back(static_cast<std::uint32_t>(t));
      }
      if (ids.size() == list.size()) {
        lots[g].push_back(std::move(ids));
        placed = true;
      }
    }
    if (!placed) {
      for (const std::string& name : list) {
        const bool known = std::ranges::any_of(results.groups, [&](const Group& g) { return g.find_team(name) >= 0; });
        if (!known) out.diagnostics.push_back(option_error("lots_unknown_team", {name}));
      }
    }
  }
  if (has_errors(out.diagnostics)) return out;

  // One table per group, on as many threads as asked (each a run of groups;
  // tables land in group order).
  std::vector<std::size_t> chosen;
  for (std::size_t g = 0; g < results.groups.size(); ++g) {
    const auto named = [&](const std::string& name) { return names_group(results.groups[g], name); };
    if (options.groups.empty() || std::ranges::any_of(options.groups, named)) chosen.push_back(g);
  }
  out.groups.resize(chosen.size());
  const auto threads = static_cast<unsigned>(
      std::clamp<std::size_t>(options.threads, 1, std::max<std::size_t>(chosen.size() / 16, 1)));
  run_in_parts(chosen.size(), threads, [&](unsigned, std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      const std::size_t g = chosen[k];
      out.groups[k] = group_table(results.groups[g], g, rules, options, adjust[g], reasons[g], lots[g]);
    }
  });
  return out;
}

}  // namespace matchday
