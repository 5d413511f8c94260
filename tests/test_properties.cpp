// Properties of standings checked on thousands of generated groups (issue 4):
// - the order of rows in the input never changes the result;
// - renaming teams never changes the order, except within a tie that only
//   lots can decide (and there the lots given decide it);
// - each team's record, and the sums over a group (points, goals for =
//   goals against, wins = losses), follow from the generated results;
// - the CSV (and TSV, Chinese headers with a BOM) output read back gives
//   the same table;
// - the tie-breaking engine agrees with an independent, plain reading of
//   docs/spec.md §4 (RefRanker below), for the four presets and random orders;
// - `matchday eligibility --format csv` lists every roster row exactly once,
//   in input order, with the line it starts on, whatever is wrong with it;
// - judging rows on several threads, writing the CSV in blocks on two threads,
//   and reading files on two threads give what one thread gives.
//
// Generation is deterministic (fixed seeds, our own PRNG), so a failure is
// reproducible; the failing case's CSV is printed with it.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "app.hpp"
#include "cmd_eligibility.hpp"
#include "cmd_standings.hpp"
#include "in_turn.hpp"
#include "matchday/eligibility.hpp"
#include "matchday/roster.hpp"
#include "matchday/csv.hpp"
#include "matchday/idcard.hpp"
#include "matchday/messages.hpp"
#include "matchday/results.hpp"
#include "matchday/rules.hpp"
#include "matchday/standings.hpp"
#include "matchday/status.hpp"
#include "matchday/text.hpp"
#include "render.hpp"
#include "test_util.hpp"

using namespace matchday;

namespace {

// splitmix64: small, fast and the same on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int uniform(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
  bool chance(int percent) { return uniform(0, 99) < percent; }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
  }

 private:
  std::uint64_t m_state;
};

// ---------------------------------------------------------------------------
// Generated groups, in our own terms (not the parser's).

struct GenMatch {
  std::string home, away;
  int hg = -1, ag = -1;  // -1: not played
  int hp = -1, ap = -1;  // -1: no shootout
  std::string status;    // "", "played", "awarded", "postponed", "cancelled"
  int hy = 0, ay = 0, hr = 0, ar = 0;
};

struct GenGroup {
  std::string name;
  std::vector<std::string> teams;
  std::vector<GenMatch> matches;
  bool chinese_header = false;
  bool cards = false;
};

const std::vector<std::string> k_team_pool = {
    "西宁市", "海东市", "海西州", "玉树州", "海南州", "海北州", "黄南州", "果洛州",
    "Golmud", "Team, A", "\"Q\" United", "Åland", "Zeta", "alpha", "Alpha 2", "格尔木市",
};

bool counts(const GenMatch& m) { return m.hg >= 0 && m.status != "postponed" && m.status != "cancelled"; }

// A group of 3 to 8 teams from k_team_pool, or of `teams` teams named 队1, 队2, …
GenGroup generate(Rng& rng, const Rules& rules, int max_goals, int unplayed_percent, int teams = 0) {
  GenGroup g;
  g.name = rng.chance(50) ? "A" : "甲组";
  std::vector<std::string> pool = k_team_pool;
  if (teams > 0) {
    pool.clear();
    for (int i = 1; i <= teams; ++i) pool.push_back("队" + std::to_string(i));
  }
  rng.shuffle(pool);
  if (teams == 0) pool.resize(static_cast<std::size_t>(rng.uniform(3, 8)));
  g.teams = pool;
  g.chinese_header = rng.chance(30);
  g.cards = rng.chance(40);
  const int legs = rules.max_meetings >= 2 && rng.chance(50) ? 2 : 1;
  for (int leg = 0; leg < legs; ++leg) {
    for (std::size_t i = 0; i < g.teams.size(); ++i) {
      for (std::size_t j = i + 1; j < g.teams.size(); ++j) {
        GenMatch m;
        m.home = g.teams[leg == 0 ? i : j];
        m.away = g.teams[leg == 0 ? j : i];
        if (rng.chance(50)) std::swap(m.home, m.away);
        if (rng.chance(unplayed_percent)) {
          const int kind = rng.uniform(0, 2);
          m.status = kind == 0 ? "" : kind == 1 ? "postponed" : "cancelled";
        } else {
          m.hg = rng.uniform(0, max_goals);
          m.ag = rng.uniform(0, max_goals);
          m.status = rng.chance(5) ? "awarded" : rng.chance(20) ? "played" : "";
          const bool needs = rules.points.draw_needs_shootout && m.status != "awarded";
          if (m.hg == m.ag && (needs || rng.chance(20))) {
            m.hp = rng.uniform(0, 6);
            do {
              m.ap = rng.uniform(0, 6);
            } while (m.ap == m.hp);
          }
          if (g.cards) {
            m.hy = rng.uniform(0, 3);
            m.ay = rng.uniform(0, 3);
            m.hr = rng.chance(10) ? 1 : 0;
            m.ar = rng.chance(10) ? 1 : 0;
          }
        }
        g.matches.push_back(m);
      }
    }
  }
  return g;
}

std::string cell(const std::string& s) { return cli::csv_cell(s, ','); }

std::string to_csv(const GenGroup& g) {
  const bool zh = g.chinese_header;
  std::string out = zh ? "小组,主队,客队,主队进球,客队进球,主队点球,客队点球,状态"
                       : "group,home,away,home_goals,away_goals,home_pens,away_pens,status";
  if (g.cards) out += zh ? ",主队黄牌,客队黄牌,主队红牌,客队红牌" : ",home_yellow,away_yellow,home_red,away_red";
  out += "\n";
  auto num = [](int v) { return v < 0 ? std::string() : std::to_string(v); };
  for (const GenMatch& m : g.matches) {
    out += cell(g.name) + "," + cell(m.home) + "," + cell(m.away) + "," + num(m.hg) + "," + num(m.ag) + "," +
           num(m.hp) + "," + num(m.ap) + "," + m.status;
    if (g.cards) {
      out += "," + std::to_string(m.hy) + "," + std::to_string(m.ay) + "," + std::to_string(m.hr) + "," +
             std::to_string(m.ar);
    }
    out += "\n";
  }
  return out;
}

Results parse(const GenGroup& g, const Rules& rules) {
  Results results;
  std::vector<Diagnostic> diags;
  parse_results(to_csv(g), "gen.csv", rules, ResultsOptions{}, results, diags);
  INFO(to_csv(g));
  for (const Diagnostic& d : diags) {
    INFO(d.line << ": " << d.code << " " << d.column << " " << d.value);
    REQUIRE(d.severity == Severity::warning);
  }
  return results;
}

// ---------------------------------------------------------------------------
// The reference: docs/spec.md §4 read plainly, on the generated matches.

struct RefRecord {
  int played = 0, won = 0, drawn = 0, lost = 0, so_won = 0, so_lost = 0;
  int gf = 0, ga = 0, points = 0, fair_play = 0;
};

// Records of the teams in `set` over the matches among them (all teams and
// all matches when `set` is empty).
std::map<std::string, RefRecord> tally(const GenGroup& g, const Rules& rules, const std::set<std::string>& set) {
  std::map<std::string, RefRecord> r;
  for (const std::string& t : g.teams) {
    if (set.empty() || set.contains(t)) r[t];
  }
  const PointsRule& p = rules.points;
  for (const GenMatch& m : g.matches) {
    if (!counts(m)) continue;
    if (!set.empty() && !(set.contains(m.home) && set.contains(m.away))) continue;
    RefRecord& h = r[m.home];
    RefRecord& a = r[m.away];
    ++h.played, ++a.played;
    h.gf += m.hg, h.ga += m.ag, a.gf += m.ag, a.ga += m.hg;  // shootout goals never count
    h.fair_play += m.hy * rules.yellow_card_points + m.hr * rules.red_card_points;
    a.fair_play += m.ay * rules.yellow_card_points + m.ar * rules.red_card_points;
    if (m.hg != m.ag) {
      RefRecord& w = m.hg > m.ag ? h : a;
      RefRecord& l = m.hg > m.ag ? a : h;
      ++w.won, ++l.lost, w.points += p.win, l.points += p.loss;
    } else if (p.shootouts && m.hp >= 0) {  // a draw decided by a shootout
      RefRecord& w = m.hp > m.ap ? h : a;
      RefRecord& l = m.hp > m.ap ? a : h;
      ++w.so_won, ++l.so_lost, w.points += p.shootout_win, l.points += p.shootout_loss;
    } else {
      ++h.drawn, ++a.drawn, h.points += p.draw, a.points += p.draw;
    }
  }
  return r;
}

using Bucket = std::set<std::string>;

struct RefRanker {
  const GenGroup& g;
  const Rules& rules;
  std::map<std::string, int> adjust;               // --adjust: points only
  std::vector<std::vector<std::string>> lots;      // --lots lists
  std::map<std::string, RefRecord> overall;
  std::vector<Bucket> out;

  // The drawn order of `set` from the first lots list naming all of it.
  const std::vector<std::string>* lots_for(const Bucket& set) const {
    for (const auto& list : lots) {
      if (std::ranges::all_of(set, [&](const std::string& t) { return std::ranges::find(list, t) != list.end(); })) {
        return &list;
      }
    }
    return nullptr;
  }

  int value(Criterion c, const std::string& t, const Bucket& set, std::map<std::string, RefRecord>& mini) const {
    const RefRecord& o = overall.at(t);
    switch (c) {
      case Criterion::points: return o.points + (adjust.contains(t) ? adjust.at(t) : 0);
      case Criterion::h2h_points: return mini.at(t).points;
      case Criterion::h2h_goal_difference: return mini.at(t).gf - mini.at(t).ga;
      case Criterion::h2h_goals_for: return mini.at(t).gf;
      case Criterion::goal_difference: return o.gf - o.ga;
      case Criterion::goals_for: return o.gf;
      case Criterion::wins: return o.won;
      case Criterion::fair_play: return -o.fair_play;  // fewer is better
      case Criterion::lots: {
        const auto* list = lots_for(set);
        return list ? -static_cast<int>(std::ranges::find(*list, t) - list->begin()) : 0;
      }
    }
    return 0;
  }

  // Splits `set` by the values of `criteria` taken together (best first).
  std::vector<Bucket> split(const Bucket& set, const std::vector<Criterion>& criteria,
                            std::map<std::string, RefRecord>& mini) const {
    std::map<std::vector<int>, Bucket, std::greater<>> by_key;
    for (const std::string& t : set) {
      std::vector<int> key;
      for (Criterion c : criteria) key.push_back(value(c, t, set, mini));
      by_key[key].insert(t);
    }
    std::vector<Bucket> parts;
    for (auto& [key, part] : by_key) parts.push_back(part);
    return parts;
  }

  // Ranks `set`, which is level on every criterion before order[pos].
  void rank(const Bucket& set, std::size_t pos) {
    const auto& order = rules.order;
    if (set.size() == 1) {
      out.push_back(set);
      return;
    }
    if (pos == order.size()) {
      // Level after every criterion: lots given on the command line decide.
      std::map<std::string, RefRecord> none;
      for (const Bucket& part : split(set, {Criterion::lots}, none)) out.push_back(part);
      return;
    }
    if (!is_h2h(order[pos])) {
      std::map<std::string, RefRecord> none;
      for (const Bucket& part : split(set, {order[pos]}, none)) rank(part, pos + 1);
      return;
    }
    // A block of consecutive h2h criteria: one mini-table of the matches
    // among the teams that entered it, the block's criteria in order on it.
    std::size_t end = pos;
    std::vector<Criterion> block;
    while (end < order.size() && is_h2h(order[end])) block.push_back(order[end++]);
    std::map<std::string, RefRecord> mini = tally(g, rules, set);
    for (const Bucket& part : split(set, block, mini)) {
      if (part.size() > 1 && part.size() < set.size() && rules.reapply_h2h) {
        rank(part, pos);  // a smaller subset still level: the block again, its own mini-table
      } else {
        rank(part, end);  // the block cannot split it: the next criterion
      }
    }
  }

  std::vector<Bucket> run() {
    overall = tally(g, rules, {});
    rank(Bucket(g.teams.begin(), g.teams.end()), 0);
    return out;
  }
};

// The table's buckets: consecutive rows sharing a rank.
std::vector<Bucket> buckets_of(const GroupTable& t) {
  std::vector<Bucket> out;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (i == 0 || t.rows[i].rank != t.rows[i - 1].rank) out.emplace_back();
    out.back().insert(t.rows[i].name);
  }
  return out;
}

std::string show(const std::vector<Bucket>& buckets) {
  std::string s;
  for (const Bucket& b : buckets) {
    s += "[";
    for (const std::string& t : b) s += (s.back() == '[' ? "" : ",") + t;
    s += "] ";
  }
  return s;
}

std::string render_as(const Standings& s, cli::Format f, bool zh) {
  cli::Output io;
  cli::Context ctx{io};
  ctx.format = f;
  ctx.lang = zh ? Lang::zh : Lang::en;
  return cli::render(cli::standings_sheets(s, ctx), f, cli::RenderOptions{.chinese_headers = zh});
}

// Random rule sets: points first, then the other criteria in a random order
// (h2h criteria may form one block or several), lots last or absent.
Rules random_rules(Rng& rng) {
  Rules r = *preset(preset_names()[static_cast<std::size_t>(rng.uniform(0, 3))]);
  std::vector<Criterion> rest = {Criterion::h2h_points, Criterion::h2h_goal_difference, Criterion::h2h_goals_for,
                                 Criterion::goal_difference, Criterion::goals_for, Criterion::wins,
                                 Criterion::fair_play};
  rng.shuffle(rest);
  rest.resize(static_cast<std::size_t>(rng.uniform(1, static_cast<int>(rest.size()))));
  r.order = {Criterion::points};
  r.order.insert(r.order.end(), rest.begin(), rest.end());
  if (rng.chance(50)) r.order.push_back(Criterion::lots);
  r.reapply_h2h = rng.chance(50);
  r.name = "random";
  return r;
}

struct Config {
  std::string label;
  int groups;
  int max_goals;
  int unplayed_percent;
};

}  // namespace

TEST_SUITE_BEGIN("properties");

TEST_CASE("standings properties on generated groups") {
  const std::vector<Config> configs = {
      {"ties likely", 700, 1, 10},
      {"wide scores", 300, 5, 15},
      {"half unplayed", 200, 2, 50},
  };
  std::size_t groups_checked = 0, ties_checked = 0, lots_checked = 0;
  std::map<std::string, int> failures;
  for (int family = 0; family < 5; ++family) {
    for (const Config& cfg : configs) {
      Rng rng(0x5EED0000ULL + static_cast<std::uint64_t>(family) * 1000 + static_cast<std::uint64_t>(cfg.max_goals));
      for (int n = 0; n < cfg.groups; ++n) {
        const Rules rules = family < 4 ? *preset(preset_names()[static_cast<std::size_t>(family)]) : random_rules(rng);
        const GenGroup g = generate(rng, rules, cfg.max_goals, cfg.unplayed_percent);
        std::string order_text;
        for (Criterion c : rules.order) order_text += std::string(criterion_name(c)) + " ";
        INFO("rules " << rules.name << " (" << order_text << std::string(rules.reapply_h2h ? "reapply" : "no reapply")
                      << "), " << cfg.label << " #" << n << ":\n" << to_csv(g));
        ++groups_checked;

        // Adjustments in some groups: they change points only.
        StandingsOptions options;
        std::map<std::string, int> adjust;
        if (rng.chance(15)) {
          const std::string& t = g.teams[static_cast<std::size_t>(rng.uniform(0, static_cast<int>(g.teams.size()) - 1))];
          const int points = rng.uniform(-3, 2);
          options.adjustments.push_back({"", t, points, "test"});
          adjust[t] += points;
        }

        const Results results = parse(g, rules);
        REQUIRE(results.groups.size() == 1);
        const Standings s = compute_standings(results, rules, options);
        REQUIRE(s.groups.size() == 1);
        const GroupTable& table = s.groups[0];
        REQUIRE(table.rows.size() == g.teams.size());

        // Records and sums follow from the generated results.
        const auto expected = tally(g, rules, {});
        int points_total = 0, gf = 0, ga = 0, won = 0, lost = 0, played = 0;
        int expected_points_total = 0, counted = 0;
        for (const GenMatch& m : g.matches) {
          if (!counts(m)) continue;
          ++counted;
          const PointsRule& p = rules.points;
          expected_points_total += m.hg != m.ag ? p.win + p.loss
                                 : p.shootouts && m.hp >= 0 ? p.shootout_win + p.shootout_loss : 2 * p.draw;
        }
        for (const StandingRow& r : table.rows) {
          const RefRecord& e = expected.at(r.name);
          const TeamRecord& t = r.record;
          const bool same = t.played == e.played && t.won == e.won && t.drawn == e.drawn && t.lost == e.lost &&
                            t.shootout_won == e.so_won && t.shootout_lost == e.so_lost && t.goals_for == e.gf &&
                            t.goals_against == e.ga && t.points == e.points && t.fair_play == e.fair_play;
          if (!same) ++failures["record of " + r.name];
          CHECK_MESSAGE(same, "record of " << r.name);
          CHECK(r.points == e.points + (adjust.contains(r.name) ? adjust[r.name] : 0));
          CHECK(t.played == t.won + t.drawn + t.lost + t.shootout_won + t.shootout_lost);
          points_total += t.points, gf += t.goals_for, ga += t.goals_against;
          won += t.won, lost += t.lost, played += t.played;
        }
        CHECK(points_total == expected_points_total);
        CHECK(gf == ga);
        CHECK(won == lost);
        CHECK(played == 2 * counted);

        // The engine against the plain reading of docs/spec.md §4.
        RefRanker ref{g, rules, adjust, {}, {}, {}};
        const std::vector<Bucket> want = ref.run();
        const std::vector<Bucket> got = buckets_of(table);
        if (got != want) ++failures["tie-breaking differs from the reference (" + rules.name + ")"];
        CHECK_MESSAGE(got == want, "engine:    " << show(got) << "\nreference: " << show(want));
        for (const Bucket& b : got) {
          for (const std::string& t : b) {
            const auto row = std::ranges::find(table.rows, t, &StandingRow::name);
            CHECK(row->shared_rank == (b.size() > 1));
          }
        }
        // Count the groups where tie-breaking had work to do: two teams level on points.
        std::set<int> points_seen;
        bool level_on_points = false;
        for (const StandingRow& r : table.rows) level_on_points |= !points_seen.insert(r.points).second;
        ties_checked += level_on_points;

        // The order of rows never changes the result: the whole CSV output is the same.
        const std::string csv = render_as(s, cli::Format::csv, false);
        {
          GenGroup shuffled = g;
          rng.shuffle(shuffled.matches);
          const Standings s2 = compute_standings(parse(shuffled, rules), rules, options);
          const bool same = render_as(s2, cli::Format::csv, false) == csv;
          if (!same) ++failures["row order changed the result"];
          CHECK_MESSAGE(same, "rows shuffled:\n" << to_csv(shuffled));
        }

        // Renaming teams never changes the order, except within a tie.
        {
          std::vector<std::string> fresh;
          for (std::size_t i = 0; i < g.teams.size(); ++i) fresh.push_back("T" + std::to_string(rng.uniform(10, 99)) + "_" + std::to_string(i));
          rng.shuffle(fresh);
          std::map<std::string, std::string> to;
          for (std::size_t i = 0; i < g.teams.size(); ++i) to[g.teams[i]] = fresh[i];
          GenGroup renamed = g;
          for (std::string& t : renamed.teams) t = to[t];
          for (GenMatch& m : renamed.matches) {
            m.home = to[m.home];
            m.away = to[m.away];
          }
          StandingsOptions renamed_options = options;
          for (Adjustment& a : renamed_options.adjustments) a.team = to[a.team];
          const Standings s3 = compute_standings(parse(renamed, rules), rules, renamed_options);
          std::vector<Bucket> mapped;
          for (const Bucket& b : got) {
            Bucket m;
            for (const std::string& t : b) m.insert(to[t]);
            mapped.push_back(m);
          }
          const bool same = buckets_of(s3.groups.at(0)) == mapped;
          if (!same) ++failures["renaming changed the order"];
          CHECK_MESSAGE(same, "renamed order: " << show(buckets_of(s3.groups.at(0))));
          for (std::size_t i = 0; i < table.rows.size(); ++i) {
            const StandingRow& a = table.rows[i];
            const StandingRow& b = s3.groups.at(0).rows[i];
            CHECK(a.rank == b.rank);
            CHECK(a.points == b.points);
            if (!a.shared_rank) CHECK(to[a.name] == b.name);
          }
        }

        // Lots decide what nothing else can: each unresolved tie, in a drawn order.
        if (!table.unresolved.empty()) {
          StandingsOptions with_lots = options;
          std::vector<std::vector<std::string>> draws;
          for (const auto& level : table.unresolved) {
            std::vector<std::string> names;
            for (std::uint32_t t : level) names.push_back(results.groups[0].teams[t]);
            rng.shuffle(names);
            draws.push_back(names);
          }
          with_lots.lots = draws;
          const Standings s4 = compute_standings(results, rules, with_lots);
          const GroupTable& t4 = s4.groups.at(0);
          CHECK(t4.unresolved.empty());
          RefRanker ref_lots{g, rules, adjust, draws, {}, {}};
          const std::vector<Bucket> want_lots = ref_lots.run();
          CHECK_MESSAGE(buckets_of(t4) == want_lots, "with lots: " << show(buckets_of(t4)) << "\nreference: " << show(want_lots));
          for (const auto& draw : draws) {
            std::vector<std::string> placed;
            for (const StandingRow& r : t4.rows) {
              if (std::ranges::find(draw, r.name) != draw.end()) placed.push_back(r.name);
            }
            CHECK(placed == draw);
          }
          ++lots_checked;
        }

        // The CSV output read back gives the same table (also TSV, and
        // Chinese headers behind a BOM).
        for (const auto& [format, zh] : {std::pair{cli::Format::csv, false}, std::pair{cli::Format::tsv, false},
                                         std::pair{cli::Format::csv, true}}) {
          const std::string bytes = (zh ? "\xEF\xBB\xBF" : "") + render_as(s, format, zh);
          const DecodedText text = decode_text(bytes, EncodingChoice::automatic);
          REQUIRE_FALSE(text.error_offset);
          CsvReader reader(text.text, format == cli::Format::tsv ? '\t' : ',');
          CsvRecord rec;
          REQUIRE(reader.next(rec));
          CHECK(rec.fields.size() == 15);
          if (!zh) CHECK(rec.fields[2] == "team");
          std::size_t i = 0;
          while (reader.next(rec)) {
            REQUIRE(i < table.rows.size());
            const StandingRow& r = table.rows[i++];
            const TeamRecord& t = r.record;
            const std::vector<std::string> want_cells = {
                table.name, std::to_string(r.rank), r.name, std::to_string(t.played), std::to_string(t.won),
                std::to_string(t.drawn), std::to_string(t.lost), std::to_string(t.shootout_won),
                std::to_string(t.shootout_lost), std::to_string(t.goals_for), std::to_string(t.goals_against),
                std::to_string(t.goal_difference()), std::to_string(r.points)};
            REQUIRE(rec.fields.size() == 15);
            const std::vector<std::string> cells(rec.fields.begin(), rec.fields.begin() + 13);
            const bool same = cells == want_cells;
            if (!same) ++failures["CSV read back differs"];
            CHECK_MESSAGE(same, "row " << i);
          }
          CHECK(i == table.rows.size());
        }
        if (failures.size() > 5) break;  // enough to go on; keep the report short
      }
    }
  }
  MESSAGE("checked " << groups_checked << " groups, " << ties_checked << " ties, " << lots_checked
                     << " with lots");
  CHECK(groups_checked >= 5000);
  CHECK(ties_checked > 2000);  // the generator does produce ties for the engine to break
  for (const auto& [what, count] : failures) FAIL_CHECK(what << ": " << count << " groups");
}

namespace {

// A valid ID number for a birth date and sex (address 630102).
std::string make_id(int year, int month, int day, bool male, int seq) {
  char body[32];
  std::snprintf(body, sizeof body, "630102%04d%02d%02d%02d%d", year, month, day, seq % 100, male ? 1 : 2);
  std::string id(body, 17);
  return id + id_check_character(id);
}

struct GenRoster {
  std::string text;
  std::vector<std::size_t> lines;  // where each person row starts
};

// A roster file: good rows, damaged rows of every kind, blank lines, cells
// with commas, quotes and line breaks, and sometimes an unterminated quote
// at the end.
GenRoster generate_roster(Rng& rng, std::vector<std::string>& ids_seen) {
  GenRoster r;
  const bool zh = rng.chance(50);
  r.text = zh ? "队名,参赛组别,身份,姓名,性别,出生日期,身份证号,号码,户籍所在地,户口类型,户籍迁入日期\n"
              : "team,category,role,name,sex,birth_date,id_number,shirt_number,hukou_province,hukou_type,hukou_since\n";
  std::size_t line = 2;
  if (rng.chance(30)) {  // blank lines before the first row
    r.text += "\n,,,\n";
    line += 2;
  }
  const std::vector<std::string> teams = {"西宁市", "海东市", "Team, \"B\""};
  const int rows = rng.uniform(1, 40);
  for (int i = 0; i < rows; ++i) {
    const bool male = rng.chance(50);
    int year = rng.uniform(2007, 2012), month = rng.uniform(1, 12), day = rng.uniform(1, 28);
    std::string name = "球员" + std::to_string(i);
    std::string category = male ? "A-M" : "A-F";
    std::string role, sex = male ? "男" : "女", birth, id = make_id(year, month, day, male, i);
    std::string hukou = "青海省西宁市", hukou_type = "家庭户", since = "2015-01-01";
    switch (rng.uniform(0, 14)) {
      case 0: name = "Zhang, \"Wei\""; break;               // quoted, with a comma and quotes
      case 1: name = "两行\n名字"; break;                     // a line break inside a cell
      case 2: birth = "2009/13/40"; break;                    // no such day
      case 3: birth = "3/5/2009"; break;                      // ambiguous
      case 4: id = "6.30102E+17"; break;                      // Excel's scientific notation
      case 5: id = "123"; break;
      case 6: if (!ids_seen.empty()) id = ids_seen[rng.next() % ids_seen.size()]; break;  // a duplicate
      case 7: category = "C-X"; break;
      case 8: category = ""; break;                           // --category supplies it
      case 9: role = "裁判"; break;                           // not a role
      case 10: role = rng.chance(50) ? "教练" : "领队"; break;
      case 11: sex = "X"; break;
      case 12: name = ""; break;
      case 13: hukou_type = "临时户口"; since = "20250701"; break;
      default: break;
    }
    if (birth.empty()) birth = std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day);
    ids_seen.push_back(id);
    const std::string team = teams[rng.next() % teams.size()];
    std::string row = cell(team) + "," + category + "," + role + "," + cell(name) + "," + sex + "," + birth + "," +
                      id + "," + std::to_string(rng.uniform(1, 30)) + "," + hukou + "," + hukou_type + "," + since;
    r.lines.push_back(line);
    r.text += row + (rng.chance(20) ? "\r\n" : "\n");
    line += 1 + static_cast<std::size_t>(std::ranges::count(row, '\n'));
    if (rng.chance(10)) {  // a blank line, or one of bare commas
      r.text += rng.chance(50) ? "\n" : ",,,,\n";
      ++line;
    }
  }
  if (rng.chance(10)) {  // a stray quote opens a cell that never closes
    r.lines.push_back(line);
    r.text += "西宁市,A-M,,\"张三,男,2009-03-05\n海东市,A-M,,李四,男\n";
  }
  return r;
}

}  // namespace

TEST_CASE("eligibility: every roster row appears exactly once in the output") {
  const test::TempDir temp;
  const std::string& dir = temp.path;
  Rng rng(0xE11E);
  int cases = 0;
  std::size_t rows_checked = 0;
  for (int n = 0; n < 300; ++n) {
    std::vector<std::string> ids_seen;
    std::vector<std::string> files;
    std::vector<std::pair<std::string, std::size_t>> expected;  // (file, line) in input order
    const int file_count = rng.uniform(1, 3);
    std::string all_text;
    for (int f = 0; f < file_count; ++f) {
      const GenRoster roster = generate_roster(rng, ids_seen);
      const std::string path = dir + "/team" + std::to_string(f) + ".csv";
      std::ofstream(path, std::ios::binary) << roster.text;
      files.push_back(path);
      for (std::size_t line : roster.lines) expected.emplace_back(path, line);
      all_text += "== " + path + "\n" + roster.text;
    }
    INFO("case " << n << ":\n" << all_text);
    cli::Output io;
    std::vector<std::string> args = {"matchday", "eligibility", "--format", "csv", "--category", "A-M"};
    args.insert(args.end(), files.begin(), files.end());
    const int code = cli::run_cli(args, io);
    INFO("stderr: " << io.err);
    REQUIRE((code == 0 || code == 1));
    CsvReader reader(io.out, ',');
    CsvRecord rec;
    REQUIRE(reader.next(rec));
    REQUIRE(rec.fields.size() == 8);
    CHECK(rec.fields[1] == "line");
    std::vector<std::pair<std::string, std::size_t>> listed;
    std::size_t team_rows = 0;
    bool teams_started = false;
    while (reader.next(rec)) {
      REQUIRE(rec.fields.size() == 8);
      CHECK((rec.fields[6] == "eligible" || rec.fields[6] == "ineligible"));
      CHECK((rec.fields[6] == "eligible") == rec.fields[7].empty());
      if (rec.fields[4] == "team") {
        teams_started = true;
        ++team_rows;
        CHECK(rec.fields[1].empty());
        continue;
      }
      CHECK_FALSE(teams_started);  // person rows first, then team rows
      listed.emplace_back(std::string(rec.fields[0]), std::stoul(std::string(rec.fields[1])));
    }
    const bool same = listed == expected;
    CHECK_MESSAGE(same, "rows listed " << listed.size() << ", rows in the files " << expected.size());
    CHECK(team_rows >= 1);
    rows_checked += expected.size();
    ++cases;
    for (const std::string& f : files) ::unlink(f.c_str());
    if (!same) break;
  }
  MESSAGE("checked " << cases << " sets of roster files, " << rows_checked << " rows");
  CHECK(rows_checked > 3000);
}

// Many groups at once: ranking them on several threads changes nothing, and
// the CSV/TSV written straight from the tables is byte for byte what the
// general renderer makes of the sheets (names with commas and quotes, notes,
// status marks, adjustments with reasons, both languages).
TEST_CASE("standings properties on large groups: head-to-head by pairs of teams or over every match") {
  // Up to 64 teams the mini-tables read the matches of each pair of the tied
  // teams (an index built once a group); above, every match of the group.
  // Both against the reference, on groups of sizes either side of the line.
  std::size_t ties = 0;
  for (int n = 0; n < 24; ++n) {
    Rng rng(0x1A26E000ULL + static_cast<std::uint64_t>(n));
    const Rules rules = n % 3 == 0 ? random_rules(rng) : *preset(preset_names()[static_cast<std::size_t>(n) % 4]);
    const GenGroup g = generate(rng, rules, 1, n % 2 == 0 ? 0 : 20, rng.uniform(60, 70));
    INFO("rules " << rules.name << ", " << g.teams.size() << " teams, group #" << n);
    const Standings s = compute_standings(parse(g, rules), rules, {});
    REQUIRE(s.groups.size() == 1);
    const std::vector<Bucket> want = RefRanker{g, rules, {}, {}, {}, {}}.run();
    CHECK_MESSAGE(buckets_of(s.groups[0]) == want, "engine:    " << show(buckets_of(s.groups[0])) << "\nreference: " << show(want));
    for (const TieStep& step : s.groups[0].steps) ties += is_h2h(step.criterion);
  }
  CHECK(ties > 100);  // head-to-head split many ties
}

TEST_CASE("standings of many groups: threads and the direct CSV writer change nothing") {
  Rng rng(0x5EED7777ULL);
  for (int family = 0; family < 4; ++family) {
    const Rules rules = *preset(preset_names()[static_cast<std::size_t>(family)]);
    Results results;
    std::vector<Diagnostic> diags;
    StandingsOptions options;
    for (int n = 0; n < 60; ++n) {
      GenGroup g = generate(rng, rules, 1 + n % 4, n % 3 == 0 ? 30 : 0);
      g.name = std::to_string(n);
      g.name.insert(0, n % 7 == 0 ? "组, \"" : "G");
      if (n % 7 == 0) g.name += '"';
      parse_results(to_csv(g), "gen.csv", rules, ResultsOptions{}, results, diags);
      if (n % 5 == 0) options.adjustments.push_back({g.name, g.teams[0], -1 - n % 3, n % 2 ? "late, \"fee\"" : ""});
    }
    REQUIRE_FALSE(has_errors(diags));
    const Standings one = compute_standings(results, rules, options);
    options.threads = 3;
    Standings many = compute_standings(results, rules, options);
    REQUIRE(one.groups.size() == many.groups.size());
    for (std::size_t k = 0; k < one.groups.size(); ++k) {
      CHECK(one.groups[k].name == many.groups[k].name);
      CHECK(one.groups[k].group == many.groups[k].group);
      REQUIRE(one.groups[k].rows.size() == many.groups[k].rows.size());
      for (std::size_t r = 0; r < one.groups[k].rows.size(); ++r) {
        const StandingRow& a = one.groups[k].rows[r];
        const StandingRow& b = many.groups[k].rows[r];
        CHECK(a.name == b.name);
        CHECK(a.rank == b.rank);
        CHECK(a.points == b.points);
        CHECK(a.decided_by == b.decided_by);
        CHECK(a.adjustment_reasons == b.adjustment_reasons);
      }
      CHECK(one.groups[k].steps.size() == many.groups[k].steps.size());
    }
    for (GroupTable& t : many.groups) mark_status(t, results.groups[t.group], rules, options);
    // Every group's marks at once, on three threads: the same marks and notes.
    Standings together = compute_standings(results, rules, options);
    mark_status(together, results, rules, options);
    Standings marks_only = compute_standings(results, rules, options);
    mark_status(marks_only, results, rules, options, StatusDetail::marks);
    int status_marks = 0;
    for (std::size_t k = 0; k < many.groups.size(); ++k) {
      CHECK(together.groups[k].status_notes.size() == many.groups[k].status_notes.size());
      CHECK(marks_only.groups[k].status_notes.empty());
      for (std::size_t r = 0; r < many.groups[k].rows.size(); ++r) {
        CHECK(together.groups[k].rows[r].status == many.groups[k].rows[r].status);
        CHECK(marks_only.groups[k].rows[r].status == many.groups[k].rows[r].status);
        status_marks += many.groups[k].rows[r].status != TeamStatus::none;
      }
    }
    CHECK(status_marks > 0);
    for (const char* lang : {"en", "zh"}) {
      for (const char* format : {"csv", "tsv"}) {
        CAPTURE(family);
        CAPTURE(lang);
        CAPTURE(format);
        cli::Output io;
        cli::CommonOptions co;
        co.format = format;
        co.lang = lang;
        const cli::Context ctx = cli::make_context(co, io);
        const std::string expected =
            cli::render(cli::standings_sheets(many, ctx), ctx.format, {.chinese_headers = ctx.lang == Lang::zh});
        CHECK(cli::standings_delimited(many, ctx, format[0] == 'c' ? ',' : '\t') == expected);
        CHECK(cli::standings_delimited(many, ctx, format[0] == 'c' ? ',' : '\t', 3) == expected);
        CHECK(expected.find("\"\"fee\"\"") != std::string::npos);
      }
    }
  }
}

namespace {

// Everything a report says, as text: two reports are the same when these are.
// `messages` false: all but the findings' messages.
std::string dump(const EligibilityReport& rep, bool messages = true) {
  std::string out;
  const auto findings = [&](const std::vector<Finding>& fs) {
    for (const Finding& f : fs) {
      for (const std::string_view part : {std::string_view(" ["), reason_code(f.reason), std::string_view("|"),
                                          std::string_view(f.column), std::string_view("|"), std::string_view(f.value)}) {
        out += part;
      }
      for (const Message& m : f.messages) {
        if (!messages) break;
        out += '|';
        out += m.code;
        for (const std::string& a : m.args) {
          out += ',';
          out += a;
        }
      }
      out += ']';
    }
  };
  for (const RowVerdict& v : rep.rows) {
    out += v.eligible ? "row ok" : "row no";
    findings(v.findings);
    out += "\n";
  }
  for (const TeamVerdict& t : rep.teams) {
    out += "team " + std::to_string(t.team) + " " + t.category.code() + " " + std::to_string(t.players) + " " +
           std::to_string(t.eligible_players) + " " + std::to_string(t.staff) + " " +
           std::to_string(t.eligible_rows) + (t.eligible ? " ok" : " no") + " sources";
    for (std::uint32_t s : t.sources) out += " " + std::to_string(s);
    out += " rows";
    for (std::uint32_t r : t.rows) out += " " + std::to_string(r);
    findings(t.findings);
    out += "\n";
  }
  const EligibilitySummary& s = rep.summary;
  out += "summary " + std::to_string(s.rows) + " " + std::to_string(s.eligible) + " " + std::to_string(s.ineligible) +
         " " + std::to_string(s.players) + " " + std::to_string(s.staff) + " " + std::to_string(s.teams) + " " +
         std::to_string(s.teams_with_findings) + " " + rep.as_of.iso() + (rep.documents_checked ? " docs" : "") + "\n";
  for (const Diagnostic& d : rep.warnings) out += format_diagnostic(d, Lang::en);
  return out;
}

}  // namespace

TEST_CASE("eligibility: threads, a CSV written in blocks and files read on two threads change nothing") {
  const test::TempDir temp;
  const std::string& dir = temp.path;
  const Rules rules = *preset(k_default_preset);
  Rng rng(0x9A27);
  int parted = 0;
  for (int n = 0; n < 150; ++n) {
    // Several files read one by one, as the CLI reads them (the stem is the default team).
    std::vector<std::string> ids_seen, files;
    Roster roster;
    std::vector<Diagnostic> diags;
    RosterOptions ro;
    ro.category = Category{'A', Sex::male};
    ro.province = rules.eligibility.province;
    ro.province_aliases = rules.eligibility.province_aliases;
    EligibilityOptions eo;
    if (n % 3 == 1) eo.documents = std::vector<TeamDocuments>{};  // every team's documents missing
    ro.as_of = effective_as_of(rules.eligibility, eo);
    std::string all_text;
    const int file_count = rng.uniform(1, 5);
    for (int f = 0; f < file_count; ++f) {
      const GenRoster g = generate_roster(rng, ids_seen);
      const std::string path = dir + "/team" + std::to_string(f) + ".csv";
      std::ofstream(path, std::ios::binary) << g.text;
      files.push_back(path);
      all_text += "== " + path + "\n" + g.text;
      ro.default_team = "team" + std::to_string(f);
      parse_roster(g.text, path, ro, roster, diags);
    }
    INFO("case " << n << ":\n" << all_text);
    const EligibilityReport one = check_eligibility(roster, rules, eo);
    const std::string expected = dump(one);
    for (unsigned threads : {2U, 3U, 5U}) {
      CAPTURE(threads);
      EligibilityOptions parts = eo;
      parts.threads = threads;
      parts.min_rows_per_thread = 1;
      CHECK(dump(check_eligibility(roster, rules, parts)) == expected);
      parted += roster.rows.size() >= threads;
      // Without messages (for CSV): the same but for them, and none at all.
      parts.messages = false;
      const EligibilityReport bare = check_eligibility(roster, rules, parts);
      CHECK(dump(bare, false) == dump(one, false));
      CHECK(dump(bare) == dump(bare, false));
    }

    // The CSV/TSV text: as render() makes it of the sheet, on two threads or one.
    cli::Output io;
    for (const bool zh : {false, true}) {
      for (const char delimiter : {',', '\t'}) {
        cli::Context ctx{io};
        ctx.lang = zh ? Lang::zh : Lang::en;
        ctx.format = delimiter == ',' ? cli::Format::csv : cli::Format::tsv;
        cli::RenderOptions o;
        o.chinese_headers = zh;
        const std::string sheet = cli::render({cli::eligibility_sheet(roster, one, ctx)}, ctx.format, o);
        CHECK(cli::eligibility_delimited(roster, one, ctx, delimiter) == sheet);
        CHECK(cli::eligibility_delimited(roster, one, ctx, delimiter, 2, 1) == sheet);
        // Piece by piece, as standard output gets it: the same bytes, in order.
        std::string pieces;
        const cli::PieceSink sink = [&](std::string_view piece) { pieces += piece; };
        CHECK(cli::eligibility_delimited(roster, one, ctx, delimiter, 2, 1, &sink).empty());
        CHECK(pieces == sheet);
      }
    }

    // The command line reads two or more files on two threads (on a machine
    // with two cores): the same rows, in the same order, as one by one.
    if (n % 3 != 1 && !has_errors(diags)) {
      cli::Context ctx{io};
      ctx.format = cli::Format::csv;
      cli::Output run;
      std::vector<std::string> args = {"matchday", "eligibility", "--format", "csv", "--category", "A-M"};
      args.insert(args.end(), files.begin(), files.end());
      const int code = cli::run_cli(args, run);
      CHECK(code == (one.all_eligible() ? 0 : 1));
      CHECK(run.out == cli::eligibility_delimited(roster, one, ctx, ','));
      // Written to a sink as it is made (what main does with standard
      // output), with a byte-order mark: the same bytes.
      if (n % 5 == 0) {
        struct StringSink final : cli::OutputSink {
          std::string text;
          bool write(std::string_view piece) override {
            text += piece;
            return true;
          }
        } sink;
        cli::Output streamed;
        streamed.stream = &sink;
        std::vector<std::string> with_bom = args;
        with_bom.insert(with_bom.begin() + 2, "--bom");
        CHECK(cli::run_cli(with_bom, streamed) == code);
        CHECK(streamed.out.empty());
        CHECK(sink.text == "\xEF\xBB\xBF" + run.out);
      }
      std::string err;
      for (const Diagnostic& d : diags) err += format_diagnostic(d, Lang::en) + "\n";
      CHECK(run.err.starts_with(err));
    }
    for (const std::string& f : files) ::unlink(f.c_str());
  }
  CHECK(parted > 300);
}

TEST_CASE("in_turn: items done in place or aside, on one thread or two, are put in order") {
  int helper_items = 0, put_items = 0;
  for (int round = 0; round < 40; ++round) {
    const std::size_t n = static_cast<std::size_t>(round * 7 % 50);
    for (const bool two : {false, true}) {
      CAPTURE(round);
      CAPTURE(two);
      std::string out, expected;
      for (std::size_t k = 0; k < n; ++k) expected += std::to_string(k) + ",";
      std::vector<std::string> aside(n);
      std::atomic<int> helper{0};
      std::atomic<bool> stray{false};  // the helper ran with `two` false
      cli::in_turn(
          n, two,
          [&](std::size_t k) {
            out += std::to_string(k) + ",";
            // Slow in place, so that the helper takes some items.
            const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(50);
            while (std::chrono::steady_clock::now() < until) {
            }
          },
          [&](std::size_t k, unsigned thread) {
            aside[k] = std::to_string(k) + ",";
            helper += thread == 1;
            if (thread != 0 && !two) stray = true;
          },
          [&](std::size_t k) {
            out += aside[k];
            ++put_items;
          });
      CHECK(out == expected);
      CHECK_FALSE(stray);
      helper_items += helper;
    }
  }
  CHECK(helper_items > 0);
  CHECK(put_items > 0);
}

TEST_SUITE_END();
