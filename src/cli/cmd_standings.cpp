#include "cmd_standings.hpp"

#include <algorithm>
#include <charconv>
#include <type_traits>

#include "cmd_scorers.hpp"
#include "in_turn.hpp"
#include "matchday/integrity.hpp"
#include "matchday/results.hpp"
#include "matchday/status.hpp"

namespace matchday::cli {
namespace {

std::string signed_str(int v) { return v > 0 ? "+" + std::to_string(v) : std::to_string(v); }

bool is_difference(Criterion c) {
  return c == Criterion::goal_difference || c == Criterion::h2h_goal_difference;
}

std::string criterion_label(const Context& ctx, Criterion c) {
  return tr(ctx, "crit." + std::string(criterion_name(c)));
}

// The words of the status and note columns, looked up once a run rather
// than once a row (a league's 40,000 rows).
struct RowLabels {
  std::string clinched, eliminated, level, level_open;
  std::vector<std::string> criteria;  // by Criterion

  explicit RowLabels(const Context& ctx)
      : clinched(tr(ctx, "status.clinched")), eliminated(tr(ctx, "status.eliminated")),
        level(tr(ctx, "note.level")), level_open(tr(ctx, "note.level_open")) {
    for (int c = 0; c <= static_cast<int>(Criterion::lots); ++c) {
      criteria.push_back(criterion_label(ctx, static_cast<Criterion>(c)));
    }
  }
};

// `group_complete`: no fixtures left, so a shared rank now needs lots.
std::string note_of(const StandingRow& row, bool group_complete, const RowLabels& labels, const Context& ctx) {
  std::string out;
  if (row.shared_rank) {
    out = group_complete ? labels.level : labels.level_open;
  } else if (row.decided_by) {
    out = labels.criteria[static_cast<std::size_t>(*row.decided_by)];
    if (*row.decided_by != Criterion::lots) {
      const int v = row.decided_value;
      out += ' ';
      out += is_difference(*row.decided_by) ? signed_str(v) : std::to_string(v);
    }
  }
  for (const std::string& r : row.adjustment_reasons) {
    if (!out.empty()) out += "; ";
    out += tr(ctx, "note.adjusted", {r});
  }
  return out;
}

// The cells of one row of a group's table, in column order (standings_columns),
// each given to `cell` as a string_view or an int.
template <class Cell>
void row_cells(const GroupTable& g, const StandingRow& r, bool signed_difference, const RowLabels& labels,
               const Context& ctx, Cell&& cell) {
  const TeamRecord& t = r.record;
  cell(std::string_view(g.name));
  cell(r.rank);
  cell(std::string_view(r.name));
  for (int v : {t.played, t.won, t.drawn, t.lost, t.shootout_won, t.shootout_lost, t.goals_for, t.goals_against}) cell(v);
  if (signed_difference && t.goal_difference() > 0) {
    cell(std::string_view(signed_str(t.goal_difference())));
  } else {
    cell(t.goal_difference());
  }
  cell(r.points);
  cell(std::string_view(r.status == TeamStatus::clinched     ? labels.clinched
                        : r.status == TeamStatus::eliminated ? labels.eliminated
                                                             : std::string()));
  if (!r.shared_rank && !r.decided_by && r.adjustment_reasons.empty()) {
    cell(std::string_view());
  } else {
    cell(std::string_view(note_of(r, g.remaining == 0, labels, ctx)));
  }
}

// The columns of a standings sheet.
Sheet standings_columns(const Context& ctx) {
  Sheet s;
  auto col = [&](auto&&... args) { add_column(s, ctx, args...); };
  col("group", false, false);
  col("rank", true);
  col("team", false);
  for (const char* k : {"played", "won", "drawn", "lost", "shootout_won", "shootout_lost", "goals_for",
                        "goals_against", "goal_difference", "points"}) {
    col(k, true);
  }
  col("status", false, true, true);
  col("note", false, true, true);
  return s;
}

}  // namespace

// One --explain line of the clinched/eliminated check (docs/spec.md §7).
std::string status_note_text(const StatusNote& note, const Group& group, const Context& ctx) {
  const std::string team = group.teams[note.team];
  const std::string places = std::to_string(note.places);
  switch (note.kind) {
    case StatusNote::Kind::clinched_hinges: return tr(ctx, "status.clinched_hinges", {team, places});
    case StatusNote::Kind::eliminated_hinges: return tr(ctx, "status.eliminated_hinges", {team, places});
    case StatusNote::Kind::points_only: return tr(ctx, "status.points_only", {std::to_string(note.fixtures)});
    case StatusNote::Kind::unchecked: return tr(ctx, "status.unchecked", {std::to_string(note.fixtures)});
    case StatusNote::Kind::path: break;
  }
  std::string results;
  for (const FixtureResult& r : note.results) {
    const Match& m = group.matches[r.match];
    const std::string& home = group.teams[m.home];
    const std::string& away = group.teams[m.away];
    const bool home_won = r.outcome == Outcome::home_win || r.outcome == Outcome::home_shootout;
    const bool shootout = r.outcome == Outcome::home_shootout || r.outcome == Outcome::away_shootout;
    std::string text;
    if (r.home_goals >= 0) {
      text = tr(ctx, shootout ? "status.result_score_shootout" : "status.result_score",
                {home, away, std::to_string(r.home_goals), std::to_string(r.away_goals), home_won ? home : away});
    } else if (shootout) {
      text = tr(ctx, "status.result_shootout", {home, away, home_won ? home : away});
    } else if (r.outcome == Outcome::draw) {
      text = tr(ctx, "status.result_draw", {home, away});
    } else {
      text = tr(ctx, "status.result_win", {home_won ? home : away, home_won ? away : home});
    }
    results += (results.empty() ? "" : tr(ctx, "status.results_sep")) + text;
  }
  std::string code = note.by_lots ? "status.path_lots" : note.others_free ? "status.path_others_free" : "status.path";
  if (note.results.size() == 1) code += "_one";
  return tr(ctx, code, {team, places, results});
}

std::vector<std::vector<std::string>> parse_lots(const std::vector<std::string>& specs) {
  std::vector<std::vector<std::string>> out;
  for (const std::string& spec : specs) {
    std::string scratch;
    // The Chinese comma and the enumeration comma also separate names.
    std::string s;
    const std::string_view in = normalize_cell(spec, scratch);
    for (std::size_t i = 0; i < in.size(); ++i) {
      if (in.substr(i, 3) == "，" || in.substr(i, 3) == "、") {
        s += ',';
        i += 2;
      } else {
        s += in[i];
      }
    }
    std::vector<std::string> names;
    std::string_view rest = s;
    while (true) {
      const std::size_t comma = rest.find(',');
      const std::string_view name = trim(rest.substr(0, comma));
      if (!name.empty()) names.emplace_back(name);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    out.push_back(std::move(names));
  }
  return out;
}

namespace {

// The results sheet of a workbook (--sheet, or the first visible one with
// cells), its positions given as the cells a user can click.
void read_workbook_results(const std::string& name, InputFile& file, const Rules& rules, const Context& ctx,
                           Results& results, std::vector<Diagnostic>& diags) {
  std::vector<TextInput> sheets;
  if (!read_workbook(name, file, ctx, sheets, diags, false)) return;
  for (const TextInput& input : sheets) {
    ResultsOptions ro;
    ro.delimiter = input.delimiter(ctx);
    // A group without a column of its own: the file's name, or the sheet's
    // (one group per sheet), unless the sheet has Excel's default name.
    ro.default_group = name == "-" ? "" : file_stem(name);
    if (!fold_key(input.sheet).starts_with("sheet") && !input.sheet.starts_with("工作表")) ro.default_group = input.sheet;
    ro.execution.threads = reader_threads();
    const std::size_t from = diags.size();
    parse_results(input.decoded.text, input.source, rules, ro, results, diags);
    place_diagnostics(input, diags, from);
  }
}

}  // namespace

Results read_results(const std::vector<std::string>& files, const Rules& rules, const Context& ctx,
                     std::vector<Diagnostic>& diags) {
  Results results;
  for (const std::string& name : files) {
    InputFile file;  // closed after its parse: results keeps copies of what it needs
    std::string error;
    if (!file.open(name, error)) {
      diags.push_back({Severity::error, name, 0, "", "", "cannot_read", {error}});
      continue;
    }
    if (is_workbook(name, file.bytes())) {
      read_workbook_results(name, file, rules, ctx, results, diags);
      continue;
    }
    ResultsOptions ro;
    ro.delimiter = ctx.delimiter;
    ro.default_group = name == "-" ? "" : file_stem(name);
    ro.encoding = ctx.encoding;
    ro.execution.threads = reader_threads();
    // The pages of the mapped file behind the parse are dropped as it goes,
    // so that the peak is not the whole file plus every match.
    ro.execution.consumed = [&file](std::size_t begin, std::size_t end) { file.drop(begin, end); };
    parse_results(file.bytes(), name, rules, ro, results, diags);
  }
  // Everything read together: one match one row, one name one team.
  if (!has_errors(diags)) check_results(results, rules, diags, reader_threads());
  return results;
}

std::vector<Adjustment> read_adjustments(const std::vector<std::string>& options, const std::string& file,
                                         const Context& ctx, std::vector<Diagnostic>& diags) {
  std::vector<Adjustment> out;
  for (const std::string& a : options) {
    if (auto adj = parse_adjustment(a)) {
      out.push_back(std::move(*adj));
    } else {
      diags.push_back({Severity::error, "", 0, "--adjust", a, "adjust_bad", {}});
    }
  }
  if (!file.empty()) {
    TextInput in;
    if (read_text(file, ctx, in, diags)) {
      const std::size_t from = diags.size();
      auto more = parse_adjustments(in.decoded.text, in.source, diags);
      place_diagnostics(in, diags, from);
      out.insert(out.end(), more.begin(), more.end());
    }
  }
  return out;
}

CLI::App* add_standings_command(CLI::App& app, StandingsCommand& cmd) {
  CLI::App* sub = app.add_subcommand("standings", "Group tables from results files");
  sub->add_option("files", cmd.files, "Results files (CSV/TSV; - reads standard input)")->required();
  sub->add_option("--group", cmd.groups, "Only this group (repeatable)");
  sub->add_option("--through", cmd.through, "The table as it stood after matchday N")->check(CLI::NonNegativeNumber);
  sub->add_option("--lots", cmd.lots, "Order of teams level after every criterion, from a drawing of lots: \"A,B,C\" (once per tie)");
  sub->add_option("--adjust", cmd.adjust, "Points adjustment \"TEAM=-3:reason\" (repeatable)");
  sub->add_option("--adjustments", cmd.adjustments_file, "Adjustments file (columns group, team, points, reason)");
  sub->add_option("--qualify", cmd.qualify, "Qualifying places per group, for clinched/eliminated (default: the rules')")
      ->check(CLI::NonNegativeNumber);
  sub->add_flag("--explain", cmd.explain, "Say, for every tie, which criterion decided it and the values that did");
  sub->add_option("--events", cmd.events, "Events files: fair-play points from their cards, instead of the card columns");
  add_common_options(*sub, cmd.common);
  sub->footer(
      "Examples:\n"
      "  matchday standings groupA.csv\n"
      "  matchday standings --format csv --bom -o standings.csv groupA.csv groupB.csv\n"
      "  matchday standings --explain --lots \"海东市,西宁市\" groupA.csv\n"
      "  matchday standings --adjust \"玉树州=-3:fielded an ineligible player\" groupA.csv\n"
      "  matchday standings --through 2 --rules uefa-euro results.csv");
  return sub;
}

std::vector<Sheet> standings_sheets(const Standings& standings, const Context& ctx) {
  const bool text = ctx.format == Format::table || ctx.format == Format::markdown;
  const RowLabels labels(ctx);
  const Sheet columns = standings_columns(ctx);
  std::vector<Sheet> sheets;
  for (const GroupTable& g : standings.groups) {
    Sheet s;
    s.title = g.name.empty() || g.named_after_file ? g.name : tr(ctx, "title.group", {g.name});
    s.columns = columns.columns;
    for (const StandingRow& r : g.rows) {
      std::vector<std::string> row;
      row_cells(g, r, text, labels, ctx, [&](auto v) {
        if constexpr (std::is_same_v<decltype(v), int>) {
          row.push_back(std::to_string(v));
        } else {
          row.emplace_back(v);
        }
      });
      s.rows.push_back(std::move(row));
      s.row_style.push_back(r.status == TeamStatus::clinched ? 1 : r.status == TeamStatus::eliminated ? 2 : 0);
    }
    sheets.push_back(std::move(s));
  }
  return sheets;
}

namespace {

// Writes the rows of groups as CSV/TSV. Each thread writes with a copy on its
// own stack (as eligibility's VerdictWriter, and for the same reason).
class TableWriter {
 public:
  TableWriter(const Standings& standings, const RowLabels& labels, const Context& ctx, char delimiter)
      : m_standings(&standings), m_labels(&labels), m_ctx(&ctx), m_delim(delimiter) {}

  // Groups [first, last).
  void write(std::size_t first, std::size_t last, std::string& out) const {
    const TableWriter w = *this;
    const char d = w.m_delim;
    for (std::size_t g = first; g < last; ++g) {
      const GroupTable& table = w.m_standings->groups[g];
      for (const StandingRow& r : table.rows) {
        DelimitedRow row(out, d);
        row_cells(table, r, false, *w.m_labels, *w.m_ctx, [&](auto v) {
          if constexpr (std::is_same_v<decltype(v), int>) {
            row.number(v);
          } else {
            row.text(v);
          }
        });
      }
    }
  }

 private:
  const Standings* m_standings;
  const RowLabels* m_labels;
  const Context* m_ctx;
  char m_delim;
};

}  // namespace

std::string standings_delimited(const Standings& standings, const Context& ctx, char delimiter, unsigned threads) {
  const RowLabels labels(ctx);
  const TableWriter writer(standings, labels, ctx, delimiter);
  const std::size_t n = standings.groups.size();
  const auto rows_of = [&](std::size_t first, std::size_t last) {
    std::size_t rows = 0;
    for (std::size_t g = first; g < last; ++g) rows += standings.groups[g].rows.size();
    return rows;
  };
  // The header as render_delimited writes it, then the groups in blocks (a
  // league's 2,000), taken in turn by two threads as eligibility's rows are.
  std::string out;
  append_delimited_header(out, standings_columns(ctx).columns, delimiter, ctx.lang == Lang::zh);
  constexpr std::size_t k_block = 16;  // groups
  const std::size_t blocks = (n + k_block - 1) / k_block;
  const auto end_of = [&](std::size_t b) { return std::min(n, (b + 1) * k_block); };
  out.reserve(out.size() + rows_of(0, n) * 96);
  AsideText aside(blocks);
  in_turn(
      blocks, threads > 1 && blocks > 1, [&](std::size_t b) { writer.write(b * k_block, end_of(b), out); },
      [&](std::size_t b, unsigned) {
        aside.write(b, rows_of(b * k_block, end_of(b)) * 96,
                    [&](std::string& text) { writer.write(b * k_block, end_of(b), text); });
      },
      [&](std::size_t b) { aside.put(b, [&](const std::string& text) { out += text; }); });
  return out;
}

std::string explain_standings(const Standings& standings, const Results& results, const Context& ctx) {
  std::string out;
  const std::string sep = tr(ctx, "list.sep");
  for (const GroupTable& g : standings.groups) {
    const Group* group = &results.groups[g.group];
    out += g.name.empty() ? tr(ctx, "explain.heading_nogroup")
                          : tr(ctx, g.named_after_file ? "explain.heading_file" : "explain.heading", {g.name});
    out += '\n';
    if (g.steps.empty() && g.unresolved.empty()) out += "  " + tr(ctx, "explain.no_ties") + "\n";
    auto points_of = [&](std::uint32_t team) {
      for (const StandingRow& r : g.rows) {
        if (r.team == team) return r.points;
      }
      return 0;
    };
    for (const TieStep& step : g.steps) {
      std::string names;
      std::string values;
      for (std::size_t i = 0; i < step.teams.size(); ++i) {
        const std::string& name = group->teams[step.teams[i]];
        names += (i ? sep : "") + name;
        const int v = step.values[i];
        values += (i ? sep : "") + name + " " + (is_difference(step.criterion) ? signed_str(v) : std::to_string(v));
      }
      std::string detail;
      if (is_h2h(step.criterion)) {
        detail = tr(ctx, step.reapplied ? "explain.h2h_again" : "explain.h2h", {std::to_string(step.h2h_matches)});
        if (step.h2h_awarded > 0) detail += tr(ctx, "explain.awarded_in_h2h", {std::to_string(step.h2h_awarded)});
      }
      out += "  " + tr(ctx, "explain.step", {names, std::to_string(points_of(step.teams[0])),
                                              criterion_label(ctx, step.criterion), detail, values}) + "\n";
    }
    for (const auto& level : g.unresolved) {
      std::string names;
      for (std::uint32_t t : level) names += (names.empty() ? "" : sep) + group->teams[t];
      out += "  " + tr(ctx, "explain.unresolved", {names}) + "\n";
    }
    for (const Match& m : group->matches) {
      if (m.status == MatchStatus::awarded) {
        out += "  " + tr(ctx, "explain.awarded", {group->teams[m.home], group->teams[m.away],
                                                   std::to_string(m.home_goals), std::to_string(m.away_goals),
                                                   results.sources[m.source] + ":" + std::to_string(m.line)}) + "\n";
      }
    }
    for (const StatusNote& note : g.status_notes) out += "  " + status_note_text(note, *group, ctx) + "\n";
  }
  return out;
}

int run_standings(const StandingsCommand& cmd, Output& io) {
  Context ctx = make_context(cmd.common, io);
  std::vector<std::string> inputs = cmd.files;
  inputs.push_back(cmd.adjustments_file);
  if (!output_usage_ok(cmd.common, ctx, inputs)) return k_exit_error;
  std::optional<Rules> rules = load_rules(cmd.common, ctx);
  if (!rules) return k_exit_error;
  if (cmd.qualify) rules->qualify = *cmd.qualify;

  std::vector<Diagnostic> diags;
  Results results = read_results(cmd.files, *rules, ctx, diags);
  if (!cmd.events.empty() && !has_errors(diags)) fair_play_from_events(cmd.events, *rules, ctx, results, diags);

  StandingsOptions so;
  so.groups = cmd.groups;
  so.threads = reader_threads();
  so.through = cmd.through;
  so.lots = parse_lots(cmd.lots);
  so.adjustments = read_adjustments(cmd.adjust, cmd.adjustments_file, ctx, diags);
  if (!has_errors(diags) && cmd.through) {
    bool any_matchday = false;
    for (const Group& g : results.groups) {
      for (const Match& m : g.matches) any_matchday = any_matchday || m.matchday > 0;
    }
    if (!any_matchday) {
      diags.push_back({Severity::error, "", 0, "", "", "through_without_matchday", {}});
    } else {
      resolve_matchdays(results, diags);
    }
  }
  if (!has_errors(diags) && results.groups.empty()) {
    diags.push_back({Severity::error, "", 0, "", "", "no_matches", {}});
  }
  if (report(diags, ctx)) return k_exit_error;

  Standings standings = compute_standings(results, *rules, so);
  if (report(standings.diagnostics, ctx)) return k_exit_error;
  mark_status(standings, results, *rules, so, cmd.explain ? StatusDetail::explained : StatusDetail::marks);

  // Ties nobody can break without lots: say so, with the option to pass.
  // While fixtures remain the shared rank is only provisional: no warning.
  for (const GroupTable& g : standings.groups) {
    if (g.remaining > 0 || g.unresolved.empty()) continue;
    // Each team's row, by team id (a tie of 20,000 teams of a 60,000-team
    // group looked each up among all the rows).
    std::vector<const StandingRow*> row_of;
    for (const StandingRow& r : g.rows) {
      if (r.team >= row_of.size()) row_of.resize(r.team + 1, nullptr);
      row_of[r.team] = &r;
    }
    const std::string sep = tr(ctx, "list.sep");
    for (const auto& level : g.unresolved) {
      std::string names, list;
      int rank = 0;
      for (std::uint32_t t : level) {
        if (t >= row_of.size() || row_of[t] == nullptr) continue;
        const StandingRow& r = *row_of[t];
        if (!names.empty()) names += sep;
        names += r.name;
        if (!list.empty()) list += ',';
        list += r.name;
        rank = r.rank;
      }
      io.err += tr(ctx, "warning_prefix") +
                tr(ctx, "unresolved_tie", {g.name.empty() ? tr(ctx, "explain.heading_nogroup") : g.name, names, std::to_string(rank), list}) + "\n";
    }
  }

  if (ctx.format == Format::xlsx) {
    if (cmd.explain) io.err += explain_standings(standings, results, ctx);
    return emit(cmd.common, ctx, standings_sheets(standings, ctx), k_exit_ok);
  }
  std::string text =
      ctx.format == Format::csv || ctx.format == Format::tsv
          ? standings_delimited(standings, ctx, ctx.format == Format::csv ? ',' : '\t', reader_threads())
          : render(standings_sheets(standings, ctx), ctx.format, render_options(cmd.common, ctx));
  if (cmd.explain) {
    const std::string explanation = explain_standings(standings, results, ctx);
    if (ctx.format == Format::table || ctx.format == Format::markdown) {
      text += "\n" + explanation;
    } else {
      io.err += explanation;
    }
  }
  const int code = emit_text(cmd.common, ctx, std::move(text), k_exit_ok);
  std::size_t matches = 0;
  for (const Group& g : results.groups) matches += g.matches.size();
  if (matches >= k_keep_rows) {
    keep_to_the_end(std::move(results));
    keep_to_the_end(std::move(standings));
  }
  return code;
}

}  // namespace matchday::cli
