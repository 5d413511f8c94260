// Clinched and eliminated (docs/spec.md §7).
//
// Each team has two questions: can some results of the fixtures still to
// play put it in the top `qualify` places, and can some put it out of them?
// A mark answers one of them "no", so it needs every result considered;
// "yes" needs one set of results (a proof).
//
// Where the rules rank by points first, most questions are settled by points
// bounds (status_points.hpp): a team whose least points fewer than `qualify`
// others can reach is in whatever happens. The rest are searched one
// question at a time, over the fixtures that can still change the answer:
// those of the team and of the teams whose points can still meet its own
// (any other team finishes above it, or below it, whatever happens, and no
// tie-breaking criterion of a tie that includes the team reads any other
// match). The search tries the outcomes of those fixtures depth first, in
// file order, and leaves a branch once the points bounds settle the question
// in it. With every one of them given an outcome, the points are known; a
// tie across the line goes to the rule set's tie-breaking (status_ties.hpp)
// with every criterion that the remaining scores could still change left
// open. If the team's bucket is still across the line:
// - not open: only lots can order it, so it can go either way;
// - open: concrete scores are tried (big and small margins for and against
//   it); one that puts it through (or out) proves that it can be. When none
//   does, the answer is taken to be "it can" (no mark) and --explain says
//   that it hinges on goal margins.
// So every mark is proven. Where the rules do not rank by points first,
// there are no bounds: one search over every fixture answers every question.
// A question whose search runs past its budget is left unanswered (no mark,
// and --explain says that not every result was checked).
//
// Groups are independent: mark_status over all of Standings runs them on
// several threads, as compute_standings does.
#include "matchday/status.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "parallel.hpp"
#include "status_points.hpp"
#include "status_ties.hpp"
#include "status_way.hpp"

namespace matchday {
namespace {

using detail::PlaceSpan;
using detail::PointsRace;
using detail::TieSimulation;
using detail::Witness;

// The search budget of one question (of all of them, where the rules do not
// rank by points first), in team-nodes (search nodes times teams squared): a
// group of 6 teams with 9 fixtures left under the Qinghai rules (4^9 =
// 262,144 results) fits with room to spare.
constexpr std::uint64_t k_work_budget = 40'000'000;
// The budget of simulated rankings of a group, in teams plus matches per
// ranking (one costs about 3 microseconds for 6 teams and 15 matches): for
// the questions, and for the ways through that --explain names.
constexpr std::uint64_t k_ranking_budget = 150'000 * 21;
constexpr std::uint64_t k_way_ranking_budget = 40'000 * 21;
// Failed searches for scores, per question, before it is left to hinge on
// goal margins without more searching.
constexpr int k_score_searches = 64;

// What the search found about one question of one team.
struct Answer {
  bool proven = false;   // some results do it: no mark
  bool hinges = false;   // an open tie might: not proven either way, no mark
  bool unknown = false;  // the search ran past its budget first: no mark
  int searches = 0;      // score searches that failed
  // Whether the question is settled against the team's mark.
  [[nodiscard]] bool marked() const { return !proven && !hinges && !unknown; }
};

// Both questions of one team, and what --explain can show of a way in.
struct TeamAnswers {
  Answer in;   // can it finish in the top places?
  Answer out;  // can it finish out of them?
  std::optional<std::vector<int>> way;  // outcomes (any score) that put it in
  std::optional<Witness> witness;       // else: scores or lots that do
};

struct Question {
  std::uint32_t team = 0;
  bool want_in = false;
};

class StatusSearch {
 public:
  StatusSearch(const GroupTable& table, const Group& group, const Rules& rules, std::optional<int> through)
      : m_sim(group, rules, adjustments(table, group), through, detail::result_kinds(rules.points)),
        m_race(detail::result_kinds(rules.points), m_sim.fixtures(), m_sim.points()) {
    m_teams = static_cast<int>(group.teams.size());
    m_places = rules.qualify;
    m_points_first = !rules.order.empty() && rules.order.front() == Criterion::points;
  }

  void run(GroupTable& table, StatusDetail detail) {
    table.status_notes.clear();
    for (StandingRow& r : table.rows) r.status = TeamStatus::none;
    const std::size_t fixtures = m_race.fixtures().size();
    if (fixtures == 0 || m_teams == 0) return;
    if (m_places <= 0 || m_places >= m_teams) {
      // Nobody can qualify, or everybody does, whatever the results.
      for (StandingRow& r : table.rows) r.status = m_places <= 0 ? TeamStatus::eliminated : TeamStatus::clinched;
      return;
    }
    m_answers.assign(static_cast<std::size_t>(m_teams), {});
    m_explain = detail == StatusDetail::explained;
    m_node_budget = std::max<std::uint64_t>(k_work_budget / static_cast<std::uint64_t>(m_teams * m_teams), 1000);
    m_sim.set_budget(k_ranking_budget);
    if (m_points_first) {
      for (std::uint32_t t = 0; t < static_cast<std::uint32_t>(m_teams); ++t) {
        for (const bool want_in : {true, false}) {
          // Settled by points from the start: a mark, no search.
          if (want_in ? m_race.surely_out(t, m_places) : m_race.surely_in(t, m_places)) continue;
          search_question({t, want_in});
        }
      }
    } else {
      search_all();
    }

    bool unanswered = false;
    for (StandingRow& r : table.rows) {
      const TeamAnswers& a = m_answers[r.team];
      if (a.out.marked()) r.status = TeamStatus::clinched;
      if (a.in.marked()) r.status = TeamStatus::eliminated;
      unanswered = unanswered || a.in.unknown || a.out.unknown;
    }
    if (!m_explain) return;
    if (unanswered) {
      table.status_notes.push_back({m_points_first ? StatusNote::Kind::points_only : StatusNote::Kind::unchecked, 0,
                                    m_places, static_cast<int>(fixtures), {}, false, false});
    }
    m_sim.set_budget(k_way_ranking_budget);
    for (const StandingRow& r : table.rows) {
      const TeamAnswers& a = m_answers[r.team];
      if (!a.out.proven && a.out.hinges && !a.out.unknown) {
        table.status_notes.push_back({StatusNote::Kind::clinched_hinges, r.team, m_places, 0, {}, false, false});
      }
      if (!a.in.proven && a.in.hinges && !a.in.unknown) {
        table.status_notes.push_back({StatusNote::Kind::eliminated_hinges, r.team, m_places, 0, {}, false, false});
      }
      if (r.status == TeamStatus::none && (a.in.unknown || a.in.proven)) {
        const detail::KnownWay known{a.way ? &*a.way : nullptr, a.witness ? &*a.witness : nullptr};
        if (auto note = detail::way_through(r.team, m_places, m_points_first, m_race, m_sim, known)) {
          table.status_notes.push_back(std::move(*note));
        }
      }
    }
  }

 private:
  static std::vector<int> adjustments(const GroupTable& table, const Group& group) {
    std::vector<int> adjust(group.teams.size(), 0);
    for (const StandingRow& r : table.rows) {
      if (r.team < adjust.size()) adjust[r.team] = r.adjustment;
    }
    return adjust;
  }

  Answer& answer(const Question& q) {
    TeamAnswers& a = m_answers[q.team];
    return q.want_in ? a.in : a.out;
  }

  // One question, over the fixtures that can change its answer: those of
  // the team and of every team whose points can still meet its own. The
  // others keep a result of the first kind throughout (no matter which).
  void search_question(Question q) {
    const std::uint32_t t = q.team;
    const std::vector<detail::Unplayed>& fixtures = m_race.fixtures();
    std::vector<char> meets(static_cast<std::size_t>(m_teams), 0);
    for (std::uint32_t o = 0; o < static_cast<std::uint32_t>(m_teams); ++o) {
      meets[o] = o == t || (m_race.least(o) <= m_race.most(t) && m_race.most(o) >= m_race.least(t));
    }
    m_order.clear();
    for (std::size_t f = 0; f < fixtures.size(); ++f) {
      if (meets[fixtures[f].home] || meets[fixtures[f].away]) {
        m_order.push_back(f);
      } else {
        m_race.assign(f, 0);
      }
    }
    m_questions.assign(1, q);
    search_from_start();
    if (m_stopped && !answer(q).proven) answer(q).unknown = true;
    m_race.unassign_all();
  }

  // Every question at once, over every fixture (no points bounds apply).
  void search_all() {
    m_questions.clear();
    for (std::uint32_t t = 0; t < static_cast<std::uint32_t>(m_teams); ++t) {
      m_questions.push_back({t, true});
      m_questions.push_back({t, false});
    }
    m_order.clear();
    for (std::size_t f = 0; f < m_race.fixtures().size(); ++f) m_order.push_back(f);
    search_from_start();
    for (const Question& q : m_questions) {
      if (m_stopped && !answer(q).proven) answer(q).unknown = true;
    }
    m_race.unassign_all();
  }

  void search_from_start() {
    m_nodes = 0;
    m_stopped = false;
    search(0);
  }

  // Whether the search has nothing more to find for `q`: it is proven (a
  // search stops at its first proof), or, when only the marks are asked
  // for, it hinges on goal margins (no mark whatever else is found).
  [[nodiscard]] bool done(const Question& q) {
    const Answer& a = answer(q);
    return a.proven || (!m_explain && a.hinges);
  }

  [[nodiscard]] bool all_done() {
    return std::ranges::all_of(m_questions, [&](const Question& q) { return done(q); });
  }

  // Whether something could still be found below here.
  [[nodiscard]] bool worth_searching() {
    if (!m_points_first) return true;
    return std::ranges::any_of(m_questions, [&](const Question& q) {
      if (done(q)) return false;
      return q.want_in ? !m_race.surely_out(q.team, m_places) : !m_race.surely_in(q.team, m_places);
    });
  }

  void search(std::size_t d) {
    if (++m_nodes > m_node_budget) {
      m_stopped = true;
      return;
    }
    if (d == m_order.size()) {
      check_results();
      return;
    }
    if (!worth_searching()) return;
    for (int k = 0; k < m_race.kind_count() && !m_stopped && !all_done(); ++k) {
      m_race.assign(m_order[d], k);
      search(d + 1);
    }
    m_race.unassign(m_order[d]);
  }

  void found_in(TeamAnswers& a) {
    a.in.proven = true;
    if (!a.way) a.way = m_race.assignment();
  }

  // Every fixture has an outcome: what it means for each question.
  void check_results() {
    std::vector<Question>& ties = m_ties;  // questions that hang on tie-breaking
    ties.clear();
    for (const Question& q : m_questions) {
      if (done(q)) continue;
      if (!m_points_first) {
        ties.push_back(q);
        continue;
      }
      const int own = m_race.points(q.team);
      int above = 0, level = 0;
      for (std::uint32_t o = 0; o < static_cast<std::uint32_t>(m_teams); ++o) {
        if (o == q.team) continue;
        above += m_race.points(o) > own;
        level += m_race.points(o) == own;
      }
      if (above + level < m_places) {
        if (q.want_in) found_in(m_answers[q.team]);
      } else if (above >= m_places) {
        if (!q.want_in) answer(q).proven = true;
      } else {
        ties.push_back(q);
      }
    }
    if (ties.empty()) return;
    std::optional<OpenRanking> ranking;  // where the rules do not rank by points first
    if (!m_points_first) {
      ranking = m_sim.rank_outcomes(m_race.assignment());
      if (!ranking) {
        m_stopped = true;
        return;
      }
    }
    for (const Question& q : ties) {
      TeamAnswers& a = m_answers[q.team];
      Answer& ans = answer(q);
      TiePlace ranked;
      const TiePlace* tied = &ranked;
      PlaceSpan p;
      if (ranking) {
        ranked = {m_sim.place_of(*ranking, q.team), bucket_of(*ranking, q.team)};
        p = ranked.place;
      } else {
        int above = 0;
        tied = place_among_level(q.team, above);
        if (!tied) {
          m_stopped = true;
          return;
        }
        p = tied->place;
        p.start += above;
      }
      if (p.in(m_places)) {
        if (q.want_in) found_in(a);
      } else if (p.out(m_places)) {
        if (!q.want_in) ans.proven = true;
      } else if (!p.open) {
        // Level after every criterion, across the line: lots decide.
        if (q.want_in && !a.in.proven) a.witness = Witness{m_race.assignment(), {}, true};
        ans.proven = true;
      } else {
        std::optional<Witness> w;
        if (ans.searches < k_score_searches) {
          ++ans.searches;
          w = m_sim.try_scores(q.team, q.want_in, tied->bucket, m_race.assignment(), m_places);
          if (m_sim.out_of_budget()) m_stopped = true;
        }
        if (w) {
          ans.proven = true;
          if (q.want_in) a.witness = std::move(w);
        } else {
          ans.hinges = true;
        }
      }
    }
  }

  // Where a team finished in a simulated ranking, and the bucket it is in.
  struct TiePlace {
    PlaceSpan place;
    std::vector<std::uint32_t> bucket;
  };

  static std::vector<std::uint32_t> bucket_of(const OpenRanking& ranking, std::uint32_t t) {
    for (const auto& b : ranking.buckets) {
      if (std::ranges::find(b, t) != b.end()) return b;
    }
    return {};
  }

  // Where `t` finishes with every fixture given an outcome, under rules
  // that rank by points first: the teams with more points are above it, and
  // its place among the teams level with it depends only on them, their
  // matches and the outcomes of their fixtures (head-to-head among them,
  // their own goals and cards). So the ranking of one such set with those
  // outcomes serves every leaf of the search that repeats them (most do).
  // Sets `above` to the number of teams with more points; the place it
  // returns starts among the level teams. Null past the budget of rankings.
  const TiePlace* place_among_level(std::uint32_t t, int& above) {
    const int own = m_race.points(t);
    above = 0;
    std::string& key = m_key;
    key.clear();
    for (std::uint32_t o = 0; o < static_cast<std::uint32_t>(m_teams); ++o) {
      above += m_race.points(o) > own;
      if (m_race.points(o) == own) {
        key += static_cast<char>(o & 0xFF);
        key += static_cast<char>(o >> 8);
      }
    }
    const std::size_t level_bytes = key.size();
    key += '|';
    const std::vector<detail::Unplayed>& fixtures = m_race.fixtures();
    for (std::size_t f = 0; f < fixtures.size(); ++f) {
      if (m_race.points(fixtures[f].home) == own || m_race.points(fixtures[f].away) == own) {
        key += static_cast<char>(m_race.kind_of(f));
      }
    }
    auto it = m_level_places.find(key);
    if (it == m_level_places.end()) {
      const std::optional<OpenRanking> ranking = m_sim.rank_outcomes(m_race.assignment());
      if (!ranking) return nullptr;
      std::vector<TiePlace> places;  // in the order of the teams in the key
      for (std::size_t i = 0; i < level_bytes; i += 2) {
        const auto u = static_cast<std::uint32_t>(static_cast<unsigned char>(key[i]) |
                                                  (static_cast<unsigned char>(key[i + 1]) << 8));
        TiePlace p{m_sim.place_of(*ranking, u), bucket_of(*ranking, u)};
        p.place.start -= above;
        places.push_back(std::move(p));
      }
      it = m_level_places.emplace(key, std::move(places)).first;
    }
    // The team's entry: its rank among the level teams' ids.
    std::size_t index = 0;
    for (std::uint32_t o = 0; o < t; ++o) index += m_race.points(o) == own;
    return &it->second[index];
  }

  TieSimulation m_sim;
  PointsRace m_race;
  int m_teams = 0;
  int m_places = 0;
  bool m_points_first = false;
  std::vector<TeamAnswers> m_answers;
  // The search under way: its questions and the fixtures it assigns, in order.
  std::vector<Question> m_questions;
  std::vector<std::size_t> m_order;
  std::uint64_t m_nodes = 0;
  std::uint64_t m_node_budget = 0;
  bool m_stopped = false;
  bool m_explain = false;  // StatusDetail::explained
  // place_among_level's rankings: by the level teams and their fixtures' outcomes.
  std::unordered_map<std::string, std::vector<TiePlace>> m_level_places;
  std::string m_key;             // place_among_level's, kept for its capacity
  std::vector<Question> m_ties;  // check_results', likewise
};

}  // namespace

void mark_status(GroupTable& table, const Group& group, const Rules& rules, const StandingsOptions& options,
                 StatusDetail detail) {
  if (table.remaining == 0) return;  // fully played: nothing to prove (and nothing to cost)
  StatusSearch search(table, group, rules, options.through);
  search.run(table, detail);
}

void mark_status(Standings& standings, const Results& results, const Rules& rules, const StandingsOptions& options,
                 StatusDetail detail) {
  const std::size_t n = standings.groups.size();
  const auto threads = static_cast<unsigned>(std::clamp<std::size_t>(options.threads, 1, std::max<std::size_t>(n, 1)));
  // Each part marks its own run of tables, reading the shared results.
  GroupTable* const tables = standings.groups.data();
  const Group* const groups = results.groups.data();
  run_in_parts(n, threads, [tables, groups, &rules, &options, detail](unsigned, std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) mark_status(tables[k], groups[tables[k].group], rules, options, detail);
  });
}

}  // namespace matchday
