#include "cmd_knockout.hpp"

#include <algorithm>
#include <cstdlib>

#include "cmd_standings.hpp"
#include "matchday/results.hpp"

namespace matchday::cli {
namespace {

// "final", "semi", ... by the number of matches in the round.
std::string round_kind(std::size_t matches) {
  switch (matches) {
    case 1: return "final";
    case 2: return "semi";
    case 4: return "quarter";
    case 8: return "r16";
    default: return "r32";
  }
}

// "SF1", "F", "QF3"; "3P" for the play-off for third place.
std::string match_label(const Knockout& k, int round, int match, const Context& ctx) {
  const std::size_t n = k.rounds[static_cast<std::size_t>(round)].size();
  return tr(ctx, "ko.match." + round_kind(n), {std::to_string(match + 1)});
}

std::string side_text(const Knockout& k, const KnockoutSide& s, bool text, const Context& ctx) {
  if (s.from == SideFrom::slot) {
    if (!text) return s.team;
    return s.team + " (" + (s.provisional ? tr(ctx, "ko.slot_provisional", {s.slot.text}) : s.slot.text) + ")";
  }
  if (!s.team.empty()) return s.team;
  if (!text) return "";
  return tr(ctx, s.from == SideFrom::winner ? "ko.winner_of" : "ko.loser_of", {match_label(k, s.round, s.match, ctx)});
}

std::string from_text(const Knockout& k, const KnockoutSide& s, const Context& ctx) {
  if (s.from == SideFrom::slot) return s.slot.text;
  return tr(ctx, s.from == SideFrom::winner ? "ko.winner_of" : "ko.loser_of", {match_label(k, s.round, s.match, ctx)});
}

std::string score_text(const KnockoutMatch& m, const Context& ctx) {
  if (m.status == MatchStatus::postponed) return tr(ctx, "ko.postponed");
  if (m.status == MatchStatus::cancelled) return tr(ctx, "ko.cancelled");
  if (m.home_goals < 0) return "";
  std::string s = m.home_pens >= 0 ? tr(ctx, "ko.score_pens", {std::to_string(m.home_goals), std::to_string(m.away_goals),
                                                               std::to_string(m.home_pens), std::to_string(m.away_pens)})
                                   : std::to_string(m.home_goals) + "-" + std::to_string(m.away_goals);
  if (m.status == MatchStatus::awarded) s = tr(ctx, "ko.awarded", {s});
  return s;
}

std::string count_or_empty(int v) { return v < 0 ? "" : std::to_string(v); }

// v / n to two decimals, rounded half away from zero, by integer arithmetic.
std::string per_match(int v, int n) {
  if (n <= 0) return "";
  const long long scaled = (std::llabs(static_cast<long long>(v)) * 200 + n) / (2LL * n);
  std::string frac = std::to_string(scaled % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return (v < 0 && scaled > 0 ? "-" : "") + std::to_string(scaled / 100) + "." + frac;
}

// The ranking of the teams at one place across groups (text formats only).
Sheet best_sheet(int place, const std::vector<PlacedTeam>& ranking, const Context& ctx) {
  Sheet s;
  s.title = tr(ctx, "ko.best_title", {std::to_string(place)});
  auto col = [&](std::string key, std::string label_code, bool numeric) {
    Column c;
    c.key = std::move(key);
    c.label = tr(ctx, label_code);
    c.numeric = numeric;
    s.columns.push_back(std::move(c));
  };
  col("rank", "col.rank", true);
  col("team", "col.team", false);
  col("group", "col.group", false);
  col("played", "col.played", true);
  col("points", "col.points", true);
  col("goal_difference", "col.goal_difference", true);
  col("goals_for", "col.goals_for", true);
  col("points_per_match", "col.points_per_match", true);
  col("goal_difference_per_match", "col.goal_difference_per_match", true);
  col("goals_for_per_match", "col.goals_for_per_match", true);
  for (const PlacedTeam& p : ranking) {
    s.rows.push_back({std::to_string(p.rank), p.team, p.group, std::to_string(p.played), std::to_string(p.points),
                      (p.goal_difference > 0 ? "+" : "") + std::to_string(p.goal_difference), std::to_string(p.goals_for),
                      per_match(p.points, p.played), per_match(p.goal_difference, p.played),
                      per_match(p.goals_for, p.played)});
  }
  return s;
}

}  // namespace

std::vector<Sheet> knockout_sheets(const Knockout& k, const Context& ctx) {
  const bool text = ctx.format == Format::table || ctx.format == Format::markdown;
  std::vector<Sheet> sheets;
  auto sheet_for = [&](const std::string& title, const std::vector<const KnockoutMatch*>& matches,
                       const std::vector<std::string>& labels) {
    Sheet s;
    s.title = title;
    auto col = [&](auto&&... args) { add_column(s, ctx, args...); };
    col("stage", false, false);
    col("match", false, true);
    const bool dated = std::ranges::any_of(matches, [](const KnockoutMatch* m) { return m->date.year != 0; });
    col("date", false, dated, true);
    col("home", false, true);
    col("score", false, text, true);
    col("away", false, true);
    col("winner", false, true, true);
    col("home_goals", true, false);
    col("away_goals", true, false);
    col("home_pens", true, false);
    col("away_pens", true, false);
    col("home_from", false, false);
    col("away_from", false, false);
    col("provisional", false, false);
    for (std::size_t i = 0; i < matches.size(); ++i) {
      const KnockoutMatch& m = *matches[i];
      s.rows.push_back({title, labels[i], m.date.year ? m.date.iso() : "", side_text(k, m.home, text, ctx),
                        score_text(m, ctx), side_text(k, m.away, text, ctx), m.decided ? m.winner_team() : "",
                        count_or_empty(m.home_goals), count_or_empty(m.away_goals), count_or_empty(m.home_pens),
                        count_or_empty(m.away_pens), from_text(k, m.home, ctx), from_text(k, m.away, ctx),
                        m.home.provisional || m.away.provisional ? tr(ctx, "ko.provisional_yes") : ""});
    }
    if (!text) {
      // The score column is for reading; the data formats have the goals.
      for (auto& row : s.rows) row.erase(row.begin() + 4);
      s.columns.erase(s.columns.begin() + 4);
    }
    sheets.push_back(std::move(s));
  };
  for (std::size_t r = 0; r < k.rounds.size(); ++r) {
    std::vector<const KnockoutMatch*> matches;
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < k.rounds[r].size(); ++i) {
      matches.push_back(&k.rounds[r][i]);
      labels.push_back(match_label(k, static_cast<int>(r), static_cast<int>(i), ctx));
    }
    sheet_for(tr(ctx, "ko.round." + round_kind(k.rounds[r].size())), matches, labels);
  }
  if (k.third_place) {
    sheet_for(tr(ctx, "ko.round.third"), {&*k.third_place}, {tr(ctx, "ko.match.third")});
  }
  return sheets;
}

CLI::App* add_knockout_command(CLI::App& app, KnockoutCommand& cmd) {
  CLI::App* sub = app.add_subcommand("knockout", "Knockout pairings from group places, and the bracket from knockout results");
  sub->add_option("files", cmd.files,
                  "Results files: the group stage, and knockout results (rows with a stage column, 阶段)")
      ->required();
  sub->add_option("--pairing", cmd.pairing,
                  "First-round matches from group places, in bracket order: \"A1-B2,B1-A2\"; 3rd1 is the best "
                  "third-placed team (default: the rules')");
  sub->add_option("--lots", cmd.lots, "Order of teams level after every criterion, from a drawing of lots: \"A,B,C\" (once per tie)");
  sub->add_option("--adjust", cmd.adjust, "Points adjustment \"TEAM=-3:reason\" (repeatable)");
  sub->add_option("--adjustments", cmd.adjustments_file, "Adjustments file (columns group, team, points, reason)");
  add_common_options(*sub, cmd.common);
  sub->footer(
      "Examples:\n"
      "  matchday knockout examples/groupA.csv examples/groupB.csv\n"
      "  matchday knockout examples/groupA.csv examples/groupB.csv examples/knockout.csv\n"
      "  matchday knockout --pairing \"A1-C1,B1-2nd1\" examples/groupA.csv examples/groupB.csv examples/groupC.csv\n"
      "A drawn knockout match needs its shootout (home_pens, away_pens).");
  return sub;
}

int run_knockout(const KnockoutCommand& cmd, Output& io) {
  Context ctx = make_context(cmd.common, io);
  std::vector<std::string> inputs = cmd.files;
  inputs.push_back(cmd.adjustments_file);
  if (!output_usage_ok(cmd.common, ctx, inputs)) return k_exit_error;
  std::optional<Rules> rules = load_rules(cmd.common, ctx);
  if (!rules) return k_exit_error;

  std::vector<Diagnostic> diags;
  const bool from_option = !cmd.pairing.empty();
  PairingParse pairing = parse_pairing(from_option ? cmd.pairing : rules->pairing, from_option ? "" : cmd.common.rules,
                                       from_option ? "--pairing" : "pairing");
  diags.insert(diags.end(), pairing.diagnostics.begin(), pairing.diagnostics.end());

  Results results = read_results(cmd.files, *rules, ctx, diags);
  StandingsOptions so;
  so.lots = parse_lots(cmd.lots);
  so.adjustments = read_adjustments(cmd.adjust, cmd.adjustments_file, ctx, diags);
  if (!has_errors(diags) && group_stage_only(results).groups.empty()) {
    diags.push_back({Severity::error, "", 0, "", "", "knockout_no_groups", {}});
  }
  if (report(diags, ctx)) return k_exit_error;

  const Knockout k = compute_knockout(results, *rules, so, pairing.pairing);
  if (report(k.diagnostics, ctx)) return k_exit_error;

  std::vector<Sheet> sheets = knockout_sheets(k, ctx);
  if (ctx.format != Format::table && ctx.format != Format::markdown) {
    return emit(cmd.common, ctx, sheets, k_exit_ok);
  }
  // Text: the ranking behind any best-placed slot first, then the bracket and its winner.
  std::vector<Sheet> all;
  for (const auto& [place, ranking] : k.best) all.push_back(best_sheet(place, ranking, ctx));
  all.insert(all.end(), sheets.begin(), sheets.end());
  std::string text = render(all, ctx.format, render_options(cmd.common, ctx));
  const KnockoutMatch& final_match = k.rounds.back().front();
  if (final_match.decided) {
    text += "\n" + tr(ctx, "ko.champion", {final_match.winner_team()}) + tr(ctx, "list.sep") +
            tr(ctx, "ko.runner_up", {final_match.loser_team()});
    if (k.third_place && k.third_place->decided) {
      text += tr(ctx, "list.sep") + tr(ctx, "ko.third", {k.third_place->winner_team()});
    }
    text += "\n";
  }
  return emit_text(cmd.common, ctx, std::move(text), k_exit_ok);
}

}  // namespace matchday::cli
