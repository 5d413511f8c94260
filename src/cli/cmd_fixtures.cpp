#include "cmd_fixtures.hpp"

#include <algorithm>
#include <filesystem>

#include "matchday/fixtures.hpp"
#include "matchday/results.hpp"

namespace matchday::cli {
namespace {

constexpr int k_default_every = 7;

// The teams of one group, in the order given.
struct TeamGroup {
  std::string name;
  std::vector<std::string> teams;
};

// The column set of a fixture list: a results file (docs/spec.md §3) with empty
// scores; shootout columns where the rules give shootouts points.
Sheet fixture_sheet(const TeamGroup& g, const RoundRobin& rr, std::optional<Date> start, int every,
                    bool shootouts, const Context& ctx) {
  Sheet s;
  s.title = g.name.empty() ? "" : tr(ctx, "title.group", {g.name});
  auto col = [&](auto&&... args) { add_column(s, ctx, args...); };
  if (!g.name.empty()) col("group", false, false);
  col("matchday", true);
  col("date", false, start.has_value(), true);
  col("home", false);
  col("away", false);
  // Score columns to fill in: in the file, not in the printed list.
  col("home_goals", true, false);
  col("away_goals", true, false);
  if (shootouts) {
    col("home_pens", true, false);
    col("away_pens", true, false);
  }
  for (const Fixture& f : rr.fixtures) {
    std::vector<std::string> row;
    if (!g.name.empty()) row.push_back(g.name);
    row.push_back(std::to_string(f.matchday));
    row.push_back(start ? matchday_date(*start, every, f.matchday).iso() : "");
    row.push_back(g.teams[f.home]);
    row.push_back(g.teams[f.away]);
    row.resize(s.columns.size());
    s.rows.push_back(std::move(row));
  }
  return s;
}

// "Byes: MD 1 海北州, MD 2 ..." for a group with an odd count; empty otherwise.
std::string byes_line(const TeamGroup& g, const RoundRobin& rr, const Context& ctx) {
  std::string items;
  for (std::size_t i = 0; i < rr.byes.size(); ++i) {
    if (!rr.byes[i]) continue;
    if (!items.empty()) items += tr(ctx, "list.sep");
    items += tr(ctx, "fixtures.bye_item", {std::to_string(i + 1), g.teams[*rr.byes[i]]});
  }
  return items.empty() ? "" : tr(ctx, "fixtures.byes", {items});
}

}  // namespace

CLI::App* add_fixtures_command(CLI::App& app, FixturesCommand& cmd) {
  CLI::App* sub = app.add_subcommand("fixtures", "Round-robin fixture list, as a results file with empty scores");
  sub->add_option("teams", cmd.teams, "Team names, in seeding order");
  sub->add_option("--group", cmd.group, "Group name (the group column); with --teams-file, only this group");
  sub->add_option("--teams-file", cmd.teams_file,
                  "Teams file: a column team (球队) and optionally group (小组), or one name per line");
  sub->add_flag("--double", cmd.double_round, "Double round robin: the second half with home and away swapped");
  sub->add_flag("--force", cmd.force, "Write -o even over a file that holds played results");
  sub->add_option("--start", cmd.start, "Date of the first matchday (2025-07-30); dates every --every days");
  sub->add_option("--every", cmd.every, "Days between matchdays (default 7; needs --start)")->check(CLI::Range(1, 366));
  add_common_options(*sub, cmd.common);
  sub->footer(
      "Examples:\n"
      "  matchday fixtures --group B 海南州 海北州 黄南州 果洛州 格尔木市\n"
      "  matchday fixtures --group A --start 2025-07-30 --every 2 --format csv -o groupA.csv 西宁市 海东市 海西州 玉树州\n"
      "  matchday fixtures --double --lang zh --format csv --teams-file teams.csv\n"
      "The CSV output is a results file: fill in the scores and run `matchday standings` on it.");
  return sub;
}

namespace {

// An -o file that already holds played results is a results file: fixtures
// would replace them with empty scores. Adds the error to `diags`.
void refuse_over_results(const std::string& output, const Rules& rules, const Context& ctx,
                         std::vector<Diagnostic>& diags) {
  std::error_code ec;
  if (output.empty() || output == "-" || !std::filesystem::is_regular_file(utf8_path(output), ec)) return;
  TextInput in;
  std::vector<Diagnostic> ignored;  // a file that is not results is not ours to judge
  if (!read_text(output, ctx, in, ignored)) return;
  Results existing;
  ResultsOptions ro;
  ro.delimiter = in.delimiter(ctx);  // a workbook's sheet (read by read_text) is comma-separated
  parse_results(in.decoded.text, output, rules, ro, existing, ignored);
  std::size_t played = 0;
  for (const Group& g : existing.groups) {
    for (const Match& m : g.matches) played += m.has_score() ? 1 : 0;
  }
  if (played > 0) {
    diags.push_back({Severity::error, "", 0, "", "", "fixtures_output_has_results", {output, std::to_string(played)}});
  }
}

}  // namespace

int run_fixtures(const FixturesCommand& cmd, Output& io) {
  Context ctx = make_context(cmd.common, io);
  if (!output_usage_ok(cmd.common, ctx, {cmd.teams_file})) return k_exit_error;
  std::optional<Rules> rules = load_rules(cmd.common, ctx);
  if (!rules) return k_exit_error;

  std::vector<Diagnostic> diags;
  auto usage = [&](std::string column, std::string value, std::string_view code, std::vector<std::string> args = {}) {
    diags.push_back({Severity::error, "", 0, std::move(column), std::move(value), code, std::move(args)});
  };
  std::vector<TeamGroup> groups;
  auto group_of = [&](const std::string& name) -> TeamGroup& {
    for (TeamGroup& g : groups) {
      if (g.name == name) return g;
    }
    groups.push_back({name, {}});
    return groups.back();
  };
  std::string scratch;
  const std::string group = std::string(normalize_cell(cmd.group, scratch));
  if (!cmd.teams_file.empty() && !cmd.teams.empty()) {
    usage("", "", "fixtures_teams_and_file");
  } else if (!cmd.teams_file.empty()) {
    TextInput in;
    if (read_text(cmd.teams_file, ctx, in, diags)) {
      const std::size_t from = diags.size();
      const std::vector<TeamEntry> entries = parse_team_list(in.decoded.text, in.source, diags);
      place_diagnostics(in, diags, from);
      const bool file_groups = std::ranges::any_of(entries, [](const TeamEntry& e) { return !e.group.empty(); });
      for (const TeamEntry& e : entries) {
        // --group picks one group of a file that has them, or names the group of one that has not.
        if (file_groups && !group.empty() && e.group != group) continue;
        group_of(file_groups ? e.group : group).teams.push_back(e.name);
      }
      if (file_groups && !group.empty() && groups.empty() && !has_errors(diags)) {
        std::vector<std::string> names;
        for (const TeamEntry& e : entries) {
          if (std::ranges::find(names, e.group) == names.end()) names.push_back(e.group);
        }
        std::string list;
        for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
        usage("--group", group, "fixtures_no_such_group", {cmd.teams_file, list});
      }
    }
  } else {
    TeamGroup& g = group_of(group);
    for (const std::string& t : cmd.teams) {
      const std::string name(normalize_cell(t, scratch));
      if (name.empty()) {
        usage("", t, "team_missing");
      } else if (std::ranges::find(g.teams, name) != g.teams.end()) {
        usage("", name, "fixtures_team_twice");
      } else {
        g.teams.push_back(name);
      }
    }
  }
  if (!has_errors(diags)) {
    for (const TeamGroup& g : groups) {
      if (g.teams.size() < k_min_fixture_teams || g.teams.size() > k_max_fixture_teams) {
        usage("", "", "fixtures_team_count",
              {g.name.empty() ? "" : tr(ctx, "fixtures.group_prefix", {g.name}), std::to_string(g.teams.size()), std::to_string(k_min_fixture_teams),
               std::to_string(k_max_fixture_teams)});
      }
    }
  }
  std::optional<Date> start;
  if (!cmd.start.empty()) {
    start = parse_date(cmd.start).date;
    if (!start) usage("--start", cmd.start, "fixtures_bad_start");
  } else if (cmd.every) {
    usage("--every", std::to_string(*cmd.every), "fixtures_every_needs_start");
  }
  if (!cmd.force) refuse_over_results(cmd.common.output, *rules, ctx, diags);
  if (report(diags, ctx)) return k_exit_error;

  const int every = cmd.every.value_or(k_default_every);
  std::vector<Sheet> sheets;
  std::vector<std::string> byes;
  for (const TeamGroup& g : groups) {
    const RoundRobin rr = round_robin(g.teams.size(), cmd.double_round);
    sheets.push_back(fixture_sheet(g, rr, start, every, rules->points.shootouts, ctx));
    byes.push_back(byes_line(g, rr, ctx));
  }
  if (ctx.format != Format::table && ctx.format != Format::markdown) {
    return emit(cmd.common, ctx, sheets, k_exit_ok);
  }
  // Text: each group's list, then who rests on which matchday.
  std::string text;
  const RenderOptions ro = render_options(cmd.common, ctx);
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (i > 0) text += '\n';
    text += render({sheets[i]}, ctx.format, ro);
    if (!byes[i].empty()) text += (ctx.format == Format::markdown ? "\n" : "") + byes[i] + "\n";
  }
  return emit_text(cmd.common, ctx, std::move(text), k_exit_ok);
}

}  // namespace matchday::cli
