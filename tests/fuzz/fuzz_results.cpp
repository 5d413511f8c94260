// Fuzzes the results parser and the standings computed from what it accepts.
//
// The first byte picks the rule preset (shootout or not, meeting limits) and
// the encoding choice; the rest is the file. Invariants besides "no crash":
// - every diagnostic names line 0 (the whole file) or the line of a record;
// - at most k_max_errors_per_file errors are kept, plus one `more_errors`;
// - no error: every non-blank row after the header became exactly one match
//   (same lines, in input order), and every match is well formed (two
//   different known teams, both scores or neither, a shootout only on a draw
//   and never level, a draw has a shootout where the rules require one);
// - the standings: one row per team, each team once; ranks start at 1 and
//   follow the row order (shared only within a level bucket); points never
//   increase down the table; played = W + D + L + PW + PL; each team's points
//   follow from its results; goals for = goals against over the group, wins =
//   losses, shootout wins = shootout losses; rank_group gives the same order;
// - the general reader alone (no fast row parser), and reading in parts on
//   three threads with the UTF-8 check inside, give the same groups, matches
//   and diagnostics.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "matchday/csv.hpp"
#include "matchday/results.hpp"
#include "matchday/standings.hpp"
#include "matchday/text.hpp"

using namespace matchday;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t selector = data[0];
  const auto names = preset_names();
  const Rules rules = *preset(names[selector % names.size()]);
  const auto choice = static_cast<EncodingChoice>((selector / 4) % 3);
  const std::string_view bytes = fuzz::as_text(data + 1, size - 1);
  // (The text as parse_results decodes it, for the checks of lines below;
  // bytes that do not decode are a bad_encoding error, nothing else.)
  const DecodedText decoded = decode_text(bytes, choice);
  if (decoded.error_offset) return 0;
  const std::string_view text = decoded.text;
  const std::string source = "fuzz.csv";

  Results results;
  std::vector<Diagnostic> diags;
  ResultsOptions options;
  options.default_group = "fuzz";
  options.encoding = choice;
  parse_results(bytes, source, rules, options, results, diags);

  // The fast row parser and reading in parts (with the UTF-8 check inside)
  // give what the general reader gives on one thread.
  {
    ResultsOptions general = options;
    general.execution.fast_rows = false;
    Results reference;
    std::vector<Diagnostic> reference_diags;
    parse_results(bytes, source, rules, general, reference, reference_diags);
    ResultsOptions parted = options;
    parted.execution.threads = 3;
    parted.execution.min_bytes_per_thread = 16;
    Results in_parts;
    std::vector<Diagnostic> parts_diags;
    parse_results(bytes, source, rules, parted, in_parts, parts_diags);
    FUZZ_CHECK(reference_diags == diags && parts_diags == diags);
    for (const Results* other : {&reference, &in_parts}) {
      FUZZ_CHECK(other->groups.size() == results.groups.size());
      for (std::size_t g = 0; g < results.groups.size(); ++g) {
        const Group& a = results.groups[g];
        const Group& b = other->groups[g];
        FUZZ_CHECK(a.name == b.name && a.teams == b.teams && a.named_after_file == b.named_after_file);
        FUZZ_CHECK(a.matches.size() == b.matches.size());
        for (std::size_t k = 0; k < a.matches.size(); ++k) {
          const Match& x = a.matches[k];
          const Match& y = b.matches[k];
          FUZZ_CHECK(x.home == y.home && x.away == y.away && x.line == y.line && x.matchday == y.matchday &&
                     x.home_goals == y.home_goals && x.away_goals == y.away_goals && x.home_pens == y.home_pens &&
                     x.away_pens == y.away_pens && x.home_fair_play == y.home_fair_play &&
                     x.away_fair_play == y.away_fair_play && x.status == y.status && x.stage == y.stage &&
                     Date(x.date) == Date(y.date));
        }
      }
    }
  }

  // The records as the reader sees them, independently of the parser.
  std::vector<std::size_t> record_lines;
  std::vector<std::size_t> data_lines;  // non-blank rows after the header
  {
    matchday::fuzz::scan_records(text, source, record_lines, data_lines);
  }

  std::size_t errors = 0;
  for (const Diagnostic& d : diags) {
    FUZZ_CHECK(d.source == source);
    FUZZ_CHECK(!d.code.empty());
    FUZZ_CHECK(d.line == 0 || std::ranges::binary_search(record_lines, d.line));
    if (d.severity == Severity::error) ++errors;
  }
  FUZZ_CHECK(errors <= k_max_errors_per_file + 1);
  if (errors > 0) return 0;

  // Every row became one match.
  std::vector<std::size_t> match_lines;
  for (const Group& g : results.groups) {
    FUZZ_CHECK(!g.teams.empty());
    FUZZ_CHECK(std::set<std::string>(g.teams.begin(), g.teams.end()).size() == g.teams.size());
    for (const std::string& t : g.teams) FUZZ_CHECK(!t.empty() && trim(t) == t);
    std::uint32_t last_line = 0;
    for (const Match& m : g.matches) {
      FUZZ_CHECK(m.line > last_line);  // input order within a group
      last_line = m.line;
      match_lines.push_back(m.line);
      FUZZ_CHECK(m.home < g.teams.size() && m.away < g.teams.size() && m.home != m.away);
      FUZZ_CHECK((m.home_goals < 0) == (m.away_goals < 0));
      FUZZ_CHECK((m.home_pens < 0) == (m.away_pens < 0));
      FUZZ_CHECK(m.home_goals <= 999 && m.away_goals <= 999);
      if (m.has_shootout()) {
        FUZZ_CHECK(m.has_score() && m.home_goals == m.away_goals && m.home_pens != m.away_pens);
      }
      if (m.status == MatchStatus::awarded) FUZZ_CHECK(m.has_score());
      if (m.status == MatchStatus::postponed || m.status == MatchStatus::cancelled) FUZZ_CHECK(!m.has_score());
      if (rules.points.draw_needs_shootout && m.has_score() && m.home_goals == m.away_goals &&
          m.status == MatchStatus::played && m.stage == 0) {
        FUZZ_CHECK(m.has_shootout());
      }
      FUZZ_CHECK(m.home_fair_play >= 0 && m.away_fair_play >= 0);
    }
  }
  // A header found below a title block (or over two rows) is said in a
  // warning; the rows up to its last line are the form's, not records.
  std::size_t header_last = 1;
  for (const Diagnostic& d : diags) {
    if (d.code == "header_found_at") header_last = d.line;
    if (d.code == "header_two_rows") header_last = static_cast<std::size_t>(std::stoul(d.args.at(1)));
  }
  std::erase_if(data_lines, [&](std::size_t line) { return line <= header_last; });
  std::ranges::sort(match_lines);
  FUZZ_CHECK(match_lines == data_lines);

  const Standings standings = compute_standings(results, rules, StandingsOptions{});
  FUZZ_CHECK(!has_errors(standings.diagnostics));
  FUZZ_CHECK(standings.groups.size() == results.groups.size());
  const PointsRule& p = rules.points;
  for (std::size_t gi = 0; gi < standings.groups.size(); ++gi) {
    const GroupTable& table = standings.groups[gi];
    const Group& group = results.groups[gi];
    FUZZ_CHECK(table.name == group.name);
    FUZZ_CHECK(table.rows.size() == group.teams.size());
    std::vector<int> seen(group.teams.size(), 0);
    long goals_for = 0, goals_against = 0, won = 0, lost = 0, so_won = 0, so_lost = 0, drawn = 0;
    int counted = 0;
    for (const Match& m : group.matches) {
      counted += m.has_score() && m.stage == 0;
    }
    long played = 0;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const StandingRow& r = table.rows[i];
      const TeamRecord& t = r.record;
      FUZZ_CHECK(r.team < group.teams.size() && r.name == group.teams[r.team]);
      ++seen[r.team];
      FUZZ_CHECK(r.rank >= 1 && r.rank <= static_cast<int>(i) + 1);
      FUZZ_CHECK(r.shared_rank || r.rank == static_cast<int>(i) + 1);
      if (i > 0) {
        FUZZ_CHECK(r.rank >= table.rows[i - 1].rank);
        FUZZ_CHECK(r.points <= table.rows[i - 1].points);
        if (r.rank == table.rows[i - 1].rank) FUZZ_CHECK(r.shared_rank && table.rows[i - 1].shared_rank);
      }
      FUZZ_CHECK(t.played == t.won + t.drawn + t.lost + t.shootout_won + t.shootout_lost);
      FUZZ_CHECK(t.points == t.won * p.win + t.drawn * p.draw + t.lost * p.loss + t.shootout_won * p.shootout_win +
                                 t.shootout_lost * p.shootout_loss);
      FUZZ_CHECK(r.points == t.points);  // no adjustments given
      goals_for += t.goals_for;
      goals_against += t.goals_against;
      won += t.won;
      lost += t.lost;
      so_won += t.shootout_won;
      so_lost += t.shootout_lost;
      drawn += t.drawn;
      played += t.played;
    }
    for (int s : seen) FUZZ_CHECK(s == 1);
    FUZZ_CHECK(goals_for == goals_against);
    FUZZ_CHECK(won == lost && so_won == so_lost && drawn % 2 == 0);
    FUZZ_CHECK(played == 2L * counted);
    if (!p.shootouts) FUZZ_CHECK(so_won == 0);

    const Ranking ranking = rank_group(group, rules);
    FUZZ_CHECK(ranking.order.size() == table.rows.size());
    for (std::size_t i = 0; i < ranking.order.size(); ++i) {
      FUZZ_CHECK(ranking.order[i] == table.rows[i].team);
      FUZZ_CHECK(ranking.rank[i] == table.rows[i].rank);
    }
  }
  return 0;
}
