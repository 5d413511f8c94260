#include "cmd_discipline.hpp"

#include <algorithm>

#include "cmd_eligibility.hpp"
#include "cmd_scorers.hpp"
#include "matchday/eligibility.hpp"

namespace matchday::cli {
namespace {

bool text_format(const Context& ctx) { return ctx.format == Format::table || ctx.format == Format::markdown; }

std::string role_word(const Context& ctx, Role r) {
  return text_format(ctx) ? tr(ctx, "role." + std::string(role_name(r))) : std::string(role_name(r));
}

std::string shirt_text(int shirt) { return shirt >= 0 ? std::to_string(shirt) : ""; }

std::string who(const PersonRecord& p) {
  if (!p.name.empty()) return p.name;
  std::string out;
  if (p.shirt >= 0) {
    out = "#";
    out += std::to_string(p.shirt);
  }
  return out;
}

std::string tm_text(const Context& ctx, const TeamMatch& m) {
  return match_text(ctx, m.matchday, m.date, m.home, m.away);
}

const TeamSchedule* schedule_of(const Discipline& d, const std::string& team) {
  for (const TeamSchedule& t : d.teams) {
    if (t.team == team) return &t;
  }
  return nullptr;
}

std::string cause_code(Suspension::Cause c) {
  switch (c) {
    case Suspension::Cause::red: return "red";
    case Suspension::Cause::second_yellow: return "second_yellow";
    case Suspension::Cause::yellows: return "yellows";
    case Suspension::Cause::extra: return "extra";
  }
  return "";
}

std::string cause_text(const Context& ctx, const Suspension& s, const Rules& rules) {
  if (!text_format(ctx)) return cause_code(s.cause);
  if (s.cause == Suspension::Cause::yellows) {
    return tr(ctx, "ev.cause.yellows", {std::to_string(rules.discipline.yellow_threshold)});
  }
  if (s.cause == Suspension::Cause::extra) {
    return s.reason.empty() ? tr(ctx, "ev.cause.extra") : tr(ctx, "ev.cause.extra_reason", {s.reason});
  }
  return tr(ctx, "ev.cause." + cause_code(s.cause));
}

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Whether `p` sits out the team's next match, and for which suspension.
const Suspension* out_next(const PersonRecord& p, const TeamSchedule* sched) {
  if (!sched || sched->next < 0) return nullptr;
  for (const Suspension& s : p.suspensions) {
    if (std::ranges::find(s.served_in, sched->next) != s.served_in.end()) return &s;
  }
  return nullptr;
}

Sheet cards_sheet(const Discipline& d, const Context& ctx) {
  Sheet s;
  s.title = tr(ctx, "ev.cards_title");
  s.name = tr(ctx, "ev.cards_sheet");
  for (const char* k : {"team", "shirt_number", "name", "role"}) add_column(s, ctx, k, std::string_view(k) == "shirt_number");
  for (const char* k : {"yellows", "second_yellows", "reds", "counting", "suspensions"}) add_column(s, ctx, k, true);
  add_column(s, ctx, "next_match", false, true, true);
  for (const PersonRecord& p : d.people) {
    // Scorers without a card are not in the tally.
    if (p.yellows + p.second_yellows + p.reds == 0 && p.suspensions.empty()) continue;
    const TeamSchedule* sched = schedule_of(d, p.team);
    const Suspension* out = out_next(p, sched);
    s.rows.push_back({p.team, shirt_text(p.shirt), who(p), role_word(ctx, p.role), std::to_string(p.yellows),
                      std::to_string(p.second_yellows), std::to_string(p.reds), std::to_string(p.yellows_counting),
                      std::to_string(p.suspensions.size()),
                      out ? tr(ctx, "ev.out_of", {tm_text(ctx, sched->matches[static_cast<std::size_t>(sched->next)])})
                          : ""});
    s.row_style.push_back(out ? 2 : 0);
  }
  return s;
}

Sheet suspensions_sheet(const Discipline& d, const Context& ctx, const Rules& rules) {
  Sheet s;
  s.title = tr(ctx, "ev.suspensions_title");
  s.name = tr(ctx, "ev.suspensions_sheet");
  for (const char* k : {"team", "shirt_number", "name", "role", "cause", "card_match", "cards_at"}) {
    add_column(s, ctx, k, std::string_view(k) == "shirt_number");
  }
  add_column(s, ctx, "matches", true);
  add_column(s, ctx, "served_in", false);
  add_column(s, ctx, "status", false);
  const std::string sep = tr(ctx, "list.sep");
  for (const PersonRecord& p : d.people) {
    const TeamSchedule* sched = schedule_of(d, p.team);
    for (const Suspension& x : p.suspensions) {
      std::vector<std::string> served;
      for (std::int32_t m : x.served_in) served.push_back(tm_text(ctx, sched->matches[static_cast<std::size_t>(m)]));
      if (static_cast<int>(x.served_in.size()) < x.matches) served.push_back(tr(ctx, "ev.no_match_left"));
      const std::string card_match =
          x.from_match >= 0 ? tm_text(ctx, sched->matches[static_cast<std::size_t>(x.from_match)]) : "";
      const std::string status = text_format(ctx) ? tr(ctx, x.pending() ? "ev.status.pending" : "ev.status.served",
                                                       {std::to_string(x.served), std::to_string(x.matches)})
                                                  : (x.pending() ? "pending" : "served");
      s.rows.push_back({p.team, shirt_text(p.shirt), who(p), role_word(ctx, p.role), cause_text(ctx, x, rules),
                        card_match, joined(x.lines, ";"), std::to_string(x.matches), joined(served, sep), status});
      s.row_style.push_back(x.pending() ? 2 : 0);
    }
  }
  return s;
}

Sheet next_sheet(const Discipline& d, const Context& ctx, const Rules& rules) {
  Sheet s;
  s.title = tr(ctx, "ev.next_title");
  s.name = tr(ctx, "ev.next_sheet");
  add_column(s, ctx, "team", false);
  add_column(s, ctx, "next_match", false);
  for (const char* k : {"shirt_number", "name", "role", "cause", "cards_at"}) add_column(s, ctx, k, std::string_view(k) == "shirt_number");
  for (const TeamSchedule& t : d.teams) {
    const std::string next = t.next >= 0 ? tm_text(ctx, t.matches[static_cast<std::size_t>(t.next)])
                                         : tr(ctx, "ev.no_next_match");
    bool any = false;
    for (const PersonRecord& p : d.people) {
      if (p.team != t.team) continue;
      if (const Suspension* x = out_next(p, &t)) {
        s.rows.push_back({t.team, next, shirt_text(p.shirt), who(p), role_word(ctx, p.role), cause_text(ctx, *x, rules),
                          joined(x->lines, ";")});
        s.row_style.push_back(2);
        any = true;
      }
    }
    if (!any) {  // nobody out, or no match left: said, so that every team is in the list
      s.rows.push_back({t.team, next, "", "", "", t.next < 0 ? "" : text_format(ctx) ? tr(ctx, "ev.nobody_out") : "none", ""});
      s.row_style.push_back(t.next < 0 ? 0 : 1);
    }
  }
  return s;
}

std::optional<std::vector<ExtraSuspension>> read_extra(const std::string& file, const Context& ctx,
                                                       std::vector<Diagnostic>& diags) {
  if (file.empty()) return std::vector<ExtraSuspension>{};
  TextInput in;
  if (!read_text(file, ctx, in, diags)) return std::nullopt;
  return parse_extra_suspensions(in.decoded.text, file, ctx.delimiter, diags);
}

}  // namespace

CLI::App* add_discipline_command(CLI::App& app, DisciplineCommand& cmd) {
  CLI::App* sub = app.add_subcommand("discipline", "Cards and suspensions from match events: who may not play in the next match");
  sub->add_option("files", cmd.files, "Events files (one row per goal or card)")->required();
  sub->add_option("--results", cmd.results, "Results files: each team's matches, in order (fixtures too), for the match a suspension is served in");
  sub->add_option("--rosters", cmd.rosters, "Roster files or folders: every player must be on his team's roster");
  sub->add_option("--extra", cmd.extra, "Suspensions decided by the disciplinary committee (columns team, shirt_number/name, matches, matchday, reason)");
  sub->add_option("--through", cmd.through, "As it stood after matchday N: later matches are still to play")->check(CLI::NonNegativeNumber);
  sub->add_option("--list", cmd.list, "What to show: all (cards, suspensions, the next match), cards, suspensions or next; data formats show one (default next)")
      ->check(CLI::IsMember({"all", "cards", "suspensions", "next"}, CLI::ignore_case));
  add_common_options(*sub, cmd.common);
  sub->footer(
      "Examples:\n"
      "  matchday discipline --results groupA.csv --results groupB.csv events.csv\n"
      "  matchday discipline --through 2 --results groupA.csv events.csv\n"
      "  matchday discipline --extra committee.csv --format csv --bom -o suspended.csv events.csv\n"
      "The suspension rules come from --rules (see `matchday rules`: suspension.*).");
  return sub;
}

int run_discipline(const DisciplineCommand& cmd, Output& io) {
  Context ctx = make_context(cmd.common, io);
  std::optional<Rules> rules = load_rules(cmd.common, ctx);
  if (!rules) return k_exit_error;
  std::vector<Diagnostic> diags;
  EventInputs in = read_event_inputs(cmd.files, cmd.results, cmd.rosters, *rules, ctx, diags);
  auto extra = read_extra(cmd.extra, ctx, diags);
  if (!has_errors(diags)) check_through(in, cmd.through, diags);
  if (report(diags, ctx)) return k_exit_error;

  DisciplineOptions opt;
  opt.through = cmd.through;
  opt.extra = std::move(*extra);
  const Discipline d = compute_discipline(in.events, in.check, in.has_results ? &in.results : nullptr, *rules, opt);
  report(d.warnings, ctx);

  std::string list = fold_key(cmd.list);
  if (list == "all" && !text_format(ctx) && ctx.format != Format::xlsx) list = "next";
  std::vector<Sheet> sheets;
  if (list == "all" || list == "next") sheets.push_back(next_sheet(d, ctx, *rules));
  if (list == "all" || list == "suspensions") sheets.push_back(suspensions_sheet(d, ctx, *rules));
  if (list == "all" || list == "cards") sheets.push_back(cards_sheet(d, ctx));
  return emit(cmd.common, ctx, sheets, k_exit_ok);
}

CLI::App* add_lineup_command(CLI::App& app, LineupCommand& cmd) {
  CLI::App* sub = app.add_subcommand("lineup", "Check the players a team names for a match: registered, eligible, not suspended");
  sub->add_option("files", cmd.files, "Lineup files (columns team, shirt_number and/or name)")->required();
  sub->add_option("--rosters", cmd.rosters, "Roster files or folders")->required();
  sub->add_option("--matchday", cmd.matchday, "The matchday the lineup is for")->required()->check(CLI::PositiveNumber);
  sub->add_option("--events", cmd.events, "Events files: the cards before this matchday");
  sub->add_option("--results", cmd.results, "Results files: each team's matches, in order");
  sub->add_option("--extra", cmd.extra, "Suspensions decided by the disciplinary committee (columns team, shirt_number/name, matches, matchday, reason)");
  sub->add_option("--category", cmd.category, "Category of roster rows without one: A-M, A-F, B-M, B-F, 甲组男子 ...");
  add_common_options(*sub, cmd.common);
  sub->footer(
      "Examples:\n"
      "  matchday lineup --rosters rosters/ --events events.csv --results groupA.csv --matchday 3 lineup.csv\n"
      "Exit code 1 when a listed person may not play.");
  return sub;
}

int run_lineup(const LineupCommand& cmd, Output& io) {
  Context ctx = make_context(cmd.common, io);
  std::optional<Rules> rules = load_rules(cmd.common, ctx);
  if (!rules) return k_exit_error;
  std::vector<Diagnostic> diags;
  std::vector<std::pair<std::string, LineupRow>> lineup;
  for (const std::string& file : cmd.files) {
    TextInput text;
    if (!read_text(file, ctx, text, diags)) continue;
    for (LineupRow& r : parse_lineup(text.decoded.text, file, ctx.delimiter, diags)) lineup.emplace_back(file, std::move(r));
  }
  RosterOptions ro;
  ro.delimiter = ctx.delimiter;
  ro.province = rules->eligibility.province;
  ro.province_aliases = rules->eligibility.province_aliases;
  if (!cmd.category.empty()) {
    ro.category = parse_category(cmd.category);
    if (!ro.category) diags.push_back({Severity::error, "", 0, "", "", "bad_category_option", {cmd.category}});
  }
  EligibilityOptions eo;
  ro.as_of = effective_as_of(rules->eligibility, eo);
  Roster roster = read_roster_inputs(cmd.rosters, ro, ctx, diags);
  EventInputs in = read_event_inputs(cmd.events, cmd.results, {}, *rules, ctx, diags);
  auto extra = read_extra(cmd.extra, ctx, diags);
  if (!has_errors(diags)) check_through(in, cmd.matchday, diags);
  if (report(diags, ctx)) return k_exit_error;

  const EligibilityReport verdicts = check_eligibility(roster, *rules, eo);
  DisciplineOptions opt;
  opt.through = *cmd.matchday - 1;
  opt.extra = std::move(*extra);
  // Events after the matchday before this one do not count; a match of this
  // matchday is the team's next.
  Events before;
  before.sources = in.events.sources;
  EventsCheck check;
  for (std::size_t i = 0; i < in.events.events.size(); ++i) {
    const Event& e = in.events.events[i];
    if (e.matchday > 0 && e.matchday < *cmd.matchday) {
      before.events.push_back(e);
      check.matches.push_back(in.check.matches[i]);
    }
  }
  const Discipline d = compute_discipline(before, check, in.has_results ? &in.results : nullptr, *rules, opt);

  Sheet s;
  s.title = tr(ctx, "ev.lineup_title", {std::to_string(*cmd.matchday)});
  for (const char* k : {"file", "line", "team", "shirt_number", "name", "role", "verdict", "reason"}) {
    add_column(s, ctx, k, std::string_view(k) == "line" || std::string_view(k) == "shirt_number");
  }
  bool all_ok = true;
  const bool text = text_format(ctx);
  for (const auto& [file, l] : lineup) {
    const RosterRow* by_shirt = nullptr;
    const RosterRow* by_name = nullptr;
    std::size_t by_shirt_i = 0, by_name_i = 0;
    for (std::size_t r = 0; r < roster.rows.size(); ++r) {
      const RosterRow& row = roster.rows[r];
      if (roster.teams[row.team] != l.team || (row.role == Role::player) != (l.role == Role::player)) continue;
      if (l.shirt >= 0 && row.shirt == l.shirt && !by_shirt) {
        by_shirt = &row;
        by_shirt_i = r;
      }
      if (!l.name.empty() && row.name == l.name && !by_name) {
        by_name = &row;
        by_name_i = r;
      }
    }
    std::string verdict = "eligible";
    std::string reason;
    const RosterRow* row = l.shirt >= 0 ? by_shirt : by_name;
    std::size_t row_i = l.shirt >= 0 ? by_shirt_i : by_name_i;
    if (l.role != Role::player && l.name.empty()) row = nullptr;
    if (!row || (l.shirt >= 0 && !l.name.empty() && row->name != l.name)) {
      verdict = "not_registered";
      if (row) {
        reason = tr(ctx, "ev.lineup_mismatch", {std::to_string(l.shirt), row->name,
                                                roster.sources[row->source] + ":" + std::to_string(row->line)});
      } else if (by_name) {
        reason = tr(ctx, "ev.lineup_mismatch_name", {l.name, by_name->shirt >= 0 ? std::to_string(by_name->shirt) : "-",
                                                     roster.sources[by_name->source] + ":" + std::to_string(by_name->line)});
      } else {
        reason = tr(ctx, "ev.lineup_not_registered", {l.team});
      }
    } else if (!verdicts.rows[row_i].eligible) {
      verdict = "ineligible";
      std::vector<std::string> codes;
      for (const Finding& f : verdicts.rows[row_i].findings) {
        const std::string c(reason_code(f.reason));
        const std::string word = text ? tr(ctx, "reason." + c) : c;
        if (std::ranges::find(codes, word) == codes.end()) codes.push_back(word);
      }
      reason = joined(codes, text ? tr(ctx, "list.sep") : ";");
    } else {
      const TeamSchedule* sched = schedule_of(d, l.team);
      for (const PersonRecord& p : d.people) {
        if (p.team != l.team || (p.role == Role::player) != (l.role == Role::player)) continue;
        const bool same = l.role == Role::player && p.shirt >= 0 && row->shirt >= 0 ? p.shirt == row->shirt
                                                                                     : p.name == row->name;
        if (!same) continue;
        if (const Suspension* x = out_next(p, sched)) {
          verdict = "suspended";
          reason = cause_text(ctx, *x, *rules) + " (" + joined(x->lines, ";") + ")";
        }
      }
    }
    all_ok = all_ok && verdict == "eligible";
    s.rows.push_back({file, std::to_string(l.line), l.team, shirt_text(l.shirt), l.name, role_word(ctx, l.role),
                      text ? tr(ctx, "ev.verdict." + verdict) : verdict, reason});
    s.row_style.push_back(verdict == "eligible" ? 0 : 2);
  }
  return emit(cmd.common, ctx, {s}, all_ok ? k_exit_ok : k_exit_findings);
}

}  // namespace matchday::cli
