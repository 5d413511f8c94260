#include "cmd_scorers.hpp"

#include "cmd_eligibility.hpp"
#include "cmd_standings.hpp"

namespace matchday::cli {

EventInputs read_event_inputs(const std::vector<std::string>& events, const std::vector<std::string>& results,
                              const std::vector<std::string>& rosters, const Rules& rules, const Context& ctx,
                              std::vector<Diagnostic>& diags) {
  EventInputs in;
  for (const std::string& file : events) {
    TextInput text;
    if (!read_text(file, ctx, text, diags)) continue;
    parse_events(text.decoded.text, file, EventsOptions{.delimiter = ctx.delimiter}, in.events, diags);
  }
  if (!results.empty()) {
    in.results = read_results(results, rules, ctx, diags);
    in.has_results = true;
  }
  if (!rosters.empty()) {
    RosterOptions ro;
    ro.delimiter = ctx.delimiter;
    ro.province = rules.eligibility.province;
    ro.province_aliases = rules.eligibility.province_aliases;
    // Rows without a category: only the names and numbers are used here.
    ro.category = Category{'A', Sex::male};
    in.roster = read_roster_inputs(rosters, ro, ctx, diags);
    in.has_roster = true;
  }
  if (has_errors(diags)) return in;
  in.check = check_events(in.events, in.has_results ? &in.results : nullptr, in.has_roster ? &in.roster : nullptr);
  diags.insert(diags.end(), in.check.diagnostics.begin(), in.check.diagnostics.end());
  complete_events(in.events, in.check, in.has_results ? &in.results : nullptr, in.has_roster ? &in.roster : nullptr);
  return in;
}

void check_through(const EventInputs& in, const std::optional<int>& through, std::vector<Diagnostic>& diags) {
  if (!through) return;
  for (std::size_t i = 0; i < in.events.events.size(); ++i) {
    const Event& e = in.events.events[i];
    // A match of the results without a matchday (a knockout match) is after them all.
    const bool matched = i < in.check.matches.size() && in.check.matches[i].found();
    if (e.matchday == 0 && !matched) {
      diags.push_back({Severity::error, in.events.sources[e.source], e.line, "", "", "events_through_no_matchday", {}});
      return;
    }
  }
}

void fair_play_from_events(const std::vector<std::string>& files, const Rules& rules, const Context& ctx,
                           Results& results, std::vector<Diagnostic>& diags) {
  Events events;
  for (const std::string& file : files) {
    TextInput text;
    if (!read_text(file, ctx, text, diags)) continue;
    parse_events(text.decoded.text, file, EventsOptions{.delimiter = ctx.delimiter}, events, diags);
  }
  if (has_errors(diags)) return;
  const EventsCheck check = check_events(events, &results, nullptr);
  diags.insert(diags.end(), check.diagnostics.begin(), check.diagnostics.end());
  if (!has_errors(check.diagnostics)) apply_fair_play(events, check, rules, results);
}

std::string match_text(const Context& ctx, int matchday, const OptionalDate& date, const std::string& home,
                       const std::string& away) {
  const std::string when = date ? (*date).iso() : matchday > 0 ? tr(ctx, "ev.matchday", {std::to_string(matchday)}) : "";
  return tr(ctx, "ev.match", {when, home, away});
}

CLI::App* add_scorers_command(CLI::App& app, ScorersCommand& cmd) {
  CLI::App* sub = app.add_subcommand("scorers", "The top-scorer table from match events");
  sub->add_option("files", cmd.files, "Events files (one row per goal or card)")->required();
  sub->add_option("--results", cmd.results, "Results files: every event must name a match there, and the goals add up to its score");
  sub->add_option("--rosters", cmd.rosters, "Roster files or folders: every player must be on his team's roster");
  sub->add_option("--group", cmd.groups, "Only this group (repeatable)");
  sub->add_option("--through", cmd.through, "Only goals up to matchday N")->check(CLI::NonNegativeNumber);
  add_common_options(*sub, cmd.common);
  sub->footer(
      "Examples:\n"
      "  matchday scorers events.csv\n"
      "  matchday scorers --results groupA.csv --results groupB.csv --rosters rosters/ events.csv\n"
      "  matchday scorers --lang zh --through 2 --format csv --bom -o scorers.csv events.csv\n"
      "Own goals never count; players level on goals share a rank.");
  return sub;
}

int run_scorers(const ScorersCommand& cmd, Output& io) {
  Context ctx = make_context(cmd.common, io);
  std::optional<Rules> rules = load_rules(cmd.common, ctx);
  if (!rules) return k_exit_error;
  std::vector<Diagnostic> diags;
  EventInputs in = read_event_inputs(cmd.files, cmd.results, cmd.rosters, *rules, ctx, diags);
  if (!has_errors(diags)) check_through(in, cmd.through, diags);
  if (report(diags, ctx)) return k_exit_error;

  const std::vector<ScorerRow> rows = top_scorers(in.events, {.groups = cmd.groups, .through = cmd.through});
  Sheet s;
  s.title = cmd.through ? tr(ctx, "ev.scorers_title_through", {std::to_string(*cmd.through)}) : tr(ctx, "ev.scorers_title");
  add_column(s, ctx, "rank", true);
  add_column(s, ctx, "name", false);
  add_column(s, ctx, "shirt_number", true, true, true);
  add_column(s, ctx, "team", false);
  add_column(s, ctx, "goals", true);
  add_column(s, ctx, "penalties", true);
  for (const ScorerRow& r : rows) {
    s.rows.push_back({std::to_string(r.rank), r.name, r.shirt >= 0 ? std::to_string(r.shirt) : "", r.team,
                      std::to_string(r.goals), std::to_string(r.penalties)});
  }
  if (rows.empty()) io.err += tr(ctx, "warning_prefix") + tr(ctx, "ev.no_goals") + "\n";
  return emit(cmd.common, ctx, {s}, k_exit_ok);
}

}  // namespace matchday::cli
