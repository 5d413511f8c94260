#include "cmd_eligibility.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <exception>
#include <filesystem>
#include <iterator>
#include <memory>
#include <thread>

#include "in_turn.hpp"

namespace matchday::cli {
namespace {

bool roster_extension(const std::string& name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string::npos) return false;
  const std::string ext = fold_key(name.substr(dot));
  return ext == ".csv" || ext == ".tsv" || ext == ".txt" || ext == ".xlsx" || ext == ".xlsm" || ext == ".xls";
}

// A sheet name Excel or WPS gave by default ("Sheet1", "工作表1"), which names no team.
bool default_sheet_name(std::string_view name) {
  for (std::string_view prefix : {"sheet", "工作表", "表"}) {
    const std::string folded = fold_key(name);
    if (folded.starts_with(prefix) &&
        std::all_of(folded.begin() + static_cast<std::ptrdiff_t>(prefix.size()), folded.end(),
                    [](char c) { return (c >= '0' && c <= '9') || c == '_' || c == ' '; })) {
      return true;
    }
  }
  return false;
}

// The names of the regular files in the folder `path` (not recursive), sorted
// by byte order; false with `error` set when it cannot be read.
bool list_files(const std::string& path, std::vector<std::string>& names, std::string& error) {
  std::error_code ec;
  // The folder's name and its files' names as UTF-8 on every system (a
  // std::filesystem::path holds UTF-16 on Windows).
  for (std::filesystem::directory_iterator it(utf8_path(path), ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code kind;
    if (!it->is_regular_file(kind)) continue;
    const std::u8string name = it->path().filename().u8string();
    names.emplace_back(name.begin(), name.end());
  }
  if (ec) {
    error = ec.message();
    return false;
  }
  std::sort(names.begin(), names.end());
  return true;
}

std::string category_label(const Context& ctx, const Category& c, const std::string& text) {
  if (!c.known()) return text.empty() ? "?" : text;
  if (ctx.lang == Lang::zh && c.letter >= 'A' && c.letter <= 'D') {
    static constexpr std::string_view k_zh[] = {"甲", "乙", "丙", "丁"};
    return std::string(k_zh[c.letter - 'A']) + "组" + (c.sex == Sex::male ? "男子" : "女子");
  }
  return c.code();
}

std::string words(const Context& ctx, const Finding& f) {
  std::string out;
  for (const Message& m : f.messages) {
    if (m.code.empty()) continue;
    out += (out.empty() ? "" : "; ") + tr(ctx, m.code, m.args);
  }
  return out;
}

std::string reason_list(const std::vector<Finding>& findings) {
  std::string out;
  std::string_view last;
  for (const Finding& f : findings) {  // sorted by reason: each code once
    const std::string_view code = reason_code(f.reason);
    if (code == last) continue;
    last = code;
    out += (out.empty() ? "" : ";") + std::string(code);
  }
  return out;
}

std::string team_files(const Roster& roster, const TeamVerdict& t) {
  std::string out;
  for (std::uint32_t s : t.sources) out += (out.empty() ? "" : ";") + roster.sources[s];
  return out;
}

std::string verdict_word(const Context& ctx, bool eligible, bool text) {
  if (!text) return eligible ? "eligible" : "ineligible";
  return tr(ctx, eligible ? "verdict.eligible" : "verdict.ineligible");
}

std::optional<Date> parse_option_date(const std::string& s) { return parse_date(s).date; }

// One file's messages, and its roster when it was read on its own.
struct RosterPart {
  Roster roster;
  std::vector<Diagnostic> diags;
};

void read_roster(const std::string& file, RosterOptions& ro, const Context& ctx, TextInput& in, Roster& into,
                 std::vector<Diagnostic>& diags) {
  std::vector<TextInput> tables;
  if (!read_tables(file, ctx, tables, diags, true)) return;
  // A file without a team column or title takes its team from its name.
  ro.file_path = file == "-" ? "" : file;
  ro.default_team.clear();
  if (tables.size() == 1 && !tables[0].workbook) {
    in = std::move(tables[0]);
    parse_roster(in.decoded.text, in.source, ro, into, diags);
    in = TextInput{};  // one at a time: records own their strings
    return;
  }
  // A workbook: each sheet on its own first. A sheet that yields no row but
  // errors (no roster header: a cover or notes sheet) is not a roster when
  // another sheet is; with one team per sheet, a sheet named after a team
  // (not "Sheet2") is the team of its rows when they name none.
  struct Read {
    Roster roster;
    std::vector<Diagnostic> diags;
  };
  const auto read = [&](const TextInput& t, std::string team) {
    Read r;
    ro.default_team = std::move(team);
    parse_roster(t.decoded.text, t.source, ro, r.roster, r.diags);
    place_diagnostics(t, r.diags, 0);
    return r;
  };
  std::vector<Read> reads;
  std::size_t rosters = 0;
  for (const TextInput& t : tables) {
    reads.push_back(read(t, ""));
    if (!reads.back().roster.rows.empty()) ++rosters;
  }
  const bool sheets_are_teams = rosters > 1;
  for (std::size_t k = 0; k < tables.size(); ++k) {
    Read& r = reads[k];
    if (r.roster.rows.empty() && has_errors(r.diags) && rosters > 0) {
      diags.push_back({Severity::warning, tables[k].source, 0, "", "", "workbook.not_roster", {}});
      continue;
    }
    if (sheets_are_teams && !default_sheet_name(tables[k].sheet)) r = read(tables[k], tables[k].sheet);
    diags.insert(diags.end(), std::make_move_iterator(r.diags.begin()), std::make_move_iterator(r.diags.end()));
    into.append(std::move(r.roster));
  }
}

// Reads every roster file. Reading and parsing them is most of a large run.
// With several files, two threads take them in turn (in_turn): a file read
// aside, into a part of its own, is appended to the roster as soon as every
// file before it is in. So the roster and every message are exactly those
// of reading the files one by one, nothing is left to append at the end, and
// a part's memory is given back, and used again, while later files are read
// (a million rows: issue 3). Standard input is read alone (its bytes go to
// the first `-`).
Roster read_rosters(const std::vector<std::string>& files, const RosterOptions& ro, const Context& ctx,
                    std::vector<Diagnostic>& diags) {
  const bool stdin_named = std::find(files.begin(), files.end(), "-") != files.end();
  const unsigned threads = files.size() < 2 || stdin_named ? 1 : std::min(2U, reader_threads());
  const std::size_t n = files.size();
  std::vector<RosterPart> parts(n);
  Roster roster;

  // Room for the rows of all files, extrapolated from the files in so far,
  // so that the rows are not moved as the roster grows. Only an estimate: a
  // roster that outgrows it grows as a vector does.
  std::vector<std::size_t> bytes(n);
  std::size_t total_bytes = 0;
  for (std::size_t k = 0; k < n; ++k) total_bytes += bytes[k] = file_bytes(files[k]);
  std::size_t bytes_in = 0;
  const auto make_room = [&](std::size_t k) {  // before file k goes in
    if (!roster.rows.empty() && bytes_in > 0 && roster.rows.size() >= roster.rows.capacity() / 2) {
      const double per_byte = static_cast<double>(roster.rows.size()) / static_cast<double>(bytes_in);
      const auto rows = static_cast<std::size_t>(per_byte * static_cast<double>(total_bytes) * 1.1) + 1024;
      if (rows > roster.rows.capacity()) roster.rows.reserve(rows);
    }
    bytes_in += bytes[k];
  };
  const auto add_messages = [&](std::size_t k) {
    std::vector<Diagnostic>& d = parts[k].diags;
    diags.insert(diags.end(), std::make_move_iterator(d.begin()), std::make_move_iterator(d.end()));
    d = {};
  };
  RosterOptions own[2] = {ro, ro};  // per thread
  TextInput in[2];
  in_turn(
      n, threads > 1,
      [&](std::size_t k) {
        make_room(k);
        read_roster(files[k], own[0], ctx, in[0], roster, parts[k].diags);
        add_messages(k);
      },
      [&](std::size_t k, unsigned thread) {
        read_roster(files[k], own[thread], ctx, in[thread], parts[k].roster, parts[k].diags);
      },
      [&](std::size_t k) {
        make_room(k);
        roster.append(std::move(parts[k].roster));  // frees the part
        add_messages(k);
      });
  return roster;
}

}  // namespace

Roster read_roster_inputs(const std::vector<std::string>& inputs, const RosterOptions& ro, const Context& ctx,
                          std::vector<Diagnostic>& diags) {
  // Inputs: files as named; a folder means its .csv/.tsv/.txt files, by name.
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    if (!is_directory(in)) {
      files.push_back(in);
      continue;
    }
    std::vector<std::string> names;
    std::string error;
    if (!list_files(in, names, error)) {
      diags.push_back({Severity::error, in, 0, "", "", "cannot_read", {error}});
      continue;
    }
    const std::string prefix = in.ends_with('/') ? in : in + "/";
    std::size_t added = 0;
    std::string not_read;
    for (const std::string& name : names) {
      // Hidden files and Excel's lock files (~$名单.xlsx) are not rosters,
      // nor is anything but a table; each is named, none is skipped unsaid.
      if (name.starts_with('.') || name.starts_with("~$") || !roster_extension(name)) {
        not_read += (not_read.empty() ? "" : ", ") + name;
        continue;
      }
      files.push_back(prefix + name);
      ++added;
    }
    if (added == 0) {
      diags.push_back({Severity::error, in, 0, "", "", "roster_no_files", {}});
    } else if (!not_read.empty()) {
      diags.push_back({Severity::warning, in, 0, "", "", "folder.not_read", {not_read}});
    }
  }

  return read_rosters(files, ro, ctx, diags);
}

CLI::App* add_eligibility_command(CLI::App& app, EligibilityCommand& cmd) {
  CLI::App* sub = app.add_subcommand("eligibility", "Check every roster row and every team against the eligibility rules");
  sub->add_option("inputs", cmd.inputs, "Roster files, or folders (every .csv/.tsv/.txt file in them)")->required();
  sub->add_option("--category", cmd.category, "Category of rows without one: A-M, A-F, B-M, B-F, 甲组男子 ...");
  sub->add_option("--teams", cmd.teams_file,
                  "Team documents file (team, registration_form, sealed_scan, app_registered, anti_doping_pledge, discipline_letter)");
  sub->add_option("--season", cmd.season, "Season played: shifts the rules' age bands (and reference date) by SEASON - 2025 years")
      ->check(CLI::Range(1900, 2200));
  sub->add_option("--as-of", cmd.as_of, "Reference date for the one-year residency rule (default: the rules', 2025-07-30)");
  add_common_options(*sub, cmd.common);
  sub->footer(
      "Examples:\n"
      "  matchday eligibility examples/rosters/\n"
      "  matchday eligibility --teams examples/teams.csv examples/rosters/\n"
      "  matchday eligibility --lang zh --format csv --bom -o verdicts.csv examples/rosters/\n"
      "  matchday eligibility --category 甲组男子 西宁市.csv\n"
      "  matchday eligibility --season 2026 --as-of 2026-07-28 rosters/");
  return sub;
}

Sheet eligibility_sheet(const Roster& roster, const EligibilityReport& report, const Context& ctx) {
  Sheet s;
  const bool json = ctx.format == Format::json;
  for (std::string_view key : {"file", "line", "team", "category", "role", "name", "verdict", "reasons"}) {
    Column c;
    c.key = std::string(key);
    c.label = tr(ctx, "key." + c.key);
    c.numeric = key == "line";
    s.columns.push_back(std::move(c));
  }
  if (json) s.columns.push_back(Column{"details", "details", false, false, true});
  const auto details = [&](const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& f : findings) {
      std::string w = tr(ctx, "reason." + std::string(reason_code(f.reason)));
      if (!f.column.empty()) w += ": " + f.column + " \"" + f.value + "\"";
      w += ": " + words(ctx, f);
      out += (out.empty() ? "" : "\n") + w;
    }
    return out;
  };
  s.rows.reserve(roster.rows.size() + report.teams.size());
  for (std::size_t i = 0; i < roster.rows.size(); ++i) {
    const RosterRow& r = roster.rows[i];
    const RowVerdict& v = report.rows[i];
    std::vector<std::string> row{roster.sources[r.source], std::to_string(r.line), roster.teams[r.team],
                                 r.category.known() ? r.category.code() : roster.notes_of(r).category_text,
                                 r.role == Role::unknown ? "" : std::string(role_name(r.role)), r.name,
                                 verdict_word(ctx, v.eligible, false), reason_list(v.findings)};
    if (json) {
      std::string d = details(v.findings);
      const RowNotes& n = roster.notes_of(r);
      if (n.birth_from_id || n.sex_from_id) {
        const std::string date = r.birth_date ? (*r.birth_date).iso() : "";
        d += (d.empty() ? "" : "\n") + tr(ctx, n.birth_from_id && n.sex_from_id ? "elig.from_id_both"
                                              : n.birth_from_id                ? "elig.from_id_birth"
                                                                               : "elig.from_id_sex",
                                           {date});
      }
      row.push_back(std::move(d));
    }
    s.rows.push_back(std::move(row));
  }
  for (const TeamVerdict& t : report.teams) {
    std::vector<std::string> row{team_files(roster, t), "", roster.teams[t.team], t.category.code(), "team", "",
                                 verdict_word(ctx, t.eligible, false), reason_list(t.findings)};
    if (json) row.push_back(details(t.findings));
    s.rows.push_back(std::move(row));
  }
  return s;
}

std::vector<Sheet> eligibility_team_sheets(const Roster& roster, const EligibilityReport& report, const Rules& rules,
                                           const Context& ctx) {
  std::vector<Sheet> sheets;
  const auto col = [&](Sheet& s, std::string key, std::string label_code, bool numeric = false, bool optional = false) {
    Column c;
    c.key = std::move(key);
    c.label = tr(ctx, label_code);
    c.numeric = numeric;
    c.optional = optional;
    s.columns.push_back(std::move(c));
  };
  // The words every row repeats, looked up once (a million rows: issue 3).
  const std::string verdict_words[2] = {verdict_word(ctx, false, true), verdict_word(ctx, true, true)};
  std::string role_words[5];
  for (Role role : {Role::player, Role::leader, Role::coach, Role::doctor, Role::unknown}) {
    role_words[static_cast<std::size_t>(role)] = tr(ctx, "role." + std::string(role_name(role)));
  }
  for (const TeamVerdict& t : report.teams) {
    Sheet s;
    s.title = tr(ctx, "elig.team_title", {roster.teams[t.team], category_label(ctx, t.category, ""), team_files(roster, t)});
    s.name = roster.teams[t.team];  // the worksheet in xlsx
    col(s, "line", "col.line", true);
    col(s, "shirt_number", "col.shirt", true, true);
    col(s, "name", "col.name");
    col(s, "role", "col.role");
    col(s, "verdict", "col.verdict");
    col(s, "reason", "col.reason", false, true);
    col(s, "column", "col.column", false, true);
    col(s, "value", "col.value", false, true);
    col(s, "fix", "col.fix", false, true);
    const auto add_findings = [&](std::vector<std::string> person, const std::vector<Finding>& findings, bool eligible) {
      if (findings.empty()) {
        person.insert(person.end(), {verdict_words[eligible], "", "", "", ""});
        s.rows.push_back(std::move(person));
        s.row_style.push_back(1);
        return;
      }
      bool first = true;
      for (const Finding& f : findings) {
        std::vector<std::string> row = first ? person : std::vector<std::string>(person.size());
        row.push_back(first ? verdict_words[eligible] : "");
        row.push_back(tr(ctx, "reason." + std::string(reason_code(f.reason))));
        row.push_back(f.column);
        row.push_back(f.value);
        row.push_back(words(ctx, f));
        s.rows.push_back(std::move(row));
        s.row_style.push_back(2);
        first = false;
      }
    };
    for (std::uint32_t i : t.rows) {
      const RosterRow& r = roster.rows[i];
      std::string line = std::to_string(r.line);
      if (t.sources.size() > 1) line = roster.sources[r.source] + ":" + line;
      add_findings({line, r.shirt >= 0 ? std::to_string(r.shirt) : "", r.name,
                    role_words[static_cast<std::size_t>(r.role)]},
                   report.rows[i].findings, report.rows[i].eligible);
      // What was read from the ID number, said on the row's last line.
      const RowNotes& n = roster.notes_of(r);
      if ((n.birth_from_id || n.sex_from_id) && !s.rows.empty()) {
        const std::string date = r.birth_date ? (*r.birth_date).iso() : "";
        const std::string said = n.birth_from_id && n.sex_from_id ? tr(ctx, "elig.from_id_both", {date})
                                 : n.birth_from_id                ? tr(ctx, "elig.from_id_birth", {date})
                                                                  : tr(ctx, "elig.from_id_sex");
        std::vector<std::string>& last = s.rows.back();
        if (last.back().empty()) {
          last[last.size() - 3] = roster.headers[r.headers].id_number;
          last[last.size() - 2] = std::string(r.id.number());
          last.back() = said;
        } else {
          std::vector<std::string> more(last.size());
          more[more.size() - 3] = roster.headers[r.headers].id_number;
          more[more.size() - 2] = std::string(r.id.number());
          more.back() = said;
          s.rows.push_back(std::move(more));
          s.row_style.push_back(s.row_style.back());
        }
      }
    }
    if (!t.findings.empty()) add_findings({"", "", tr(ctx, "elig.team_line"), tr(ctx, "role.team")}, t.findings, false);
    sheets.push_back(std::move(s));
  }

  // Summary: one row per team, then the total; the counts add up to the rows read.
  Sheet sum;
  sum.title = tr(ctx, "elig.summary_title", {report.as_of.iso(), rules.name});
  sum.name = tr(ctx, "elig.summary_sheet");
  col(sum, "team", "col.team");
  col(sum, "category", "col.category");
  col(sum, "file", "col.file");
  col(sum, "rows", "col.rows", true);
  col(sum, "players", "col.players", true);
  col(sum, "staff", "col.staff", true);
  col(sum, "eligible", "col.eligible", true);
  col(sum, "ineligible", "col.ineligible", true);
  col(sum, "team_findings", "col.team_findings", true);
  col(sum, "verdict", "col.verdict");
  int team_findings = 0;
  for (const TeamVerdict& t : report.teams) {
    const int rows = static_cast<int>(t.rows.size());
    const bool ok = t.eligible && t.eligible_rows == rows;
    team_findings += static_cast<int>(t.findings.size());
    sum.rows.push_back({roster.teams[t.team], category_label(ctx, t.category, ""), team_files(roster, t),
                        std::to_string(rows), std::to_string(t.players), std::to_string(t.staff),
                        std::to_string(t.eligible_rows), std::to_string(rows - t.eligible_rows),
                        std::to_string(t.findings.size()), verdict_word(ctx, ok, true)});
    sum.row_style.push_back(ok ? 1 : 2);
  }
  const EligibilitySummary& total = report.summary;
  sum.rows.push_back({tr(ctx, "elig.total"), "", "", std::to_string(total.rows), std::to_string(total.players),
                      std::to_string(total.staff), std::to_string(total.eligible), std::to_string(total.ineligible),
                      std::to_string(team_findings), verdict_word(ctx, report.all_eligible(), true)});
  sum.row_style.push_back(report.all_eligible() ? 1 : 2);
  sheets.push_back(std::move(sum));

  Sheet notes;
  notes.name = tr(ctx, "elig.note");
  col(notes, "note", "elig.note");
  if (report.all_eligible()) {
    notes.rows.push_back({tr(ctx, "elig.all_eligible")});
  } else {
    notes.rows.push_back({tr(ctx, "elig.findings", {std::to_string(total.ineligible), std::to_string(total.rows),
                                                   std::to_string(total.teams_with_findings), std::to_string(total.teams)})});
  }
  if (!report.documents_checked) notes.rows.push_back({tr(ctx, "elig.docs_not_checked")});
  sheets.push_back(std::move(notes));
  return sheets;
}

namespace {

// Writes verdict rows as CSV/TSV. Each thread writes with a copy of its own:
// what the loop reads stays on that thread's stack. (Through a lambda's
// references it read the other thread's frame, whose cache lines that
// thread kept writing: the loads stalled, and a run took twice as long, or
// not, as the stack's address fell.)
class VerdictWriter {
 public:
  VerdictWriter(const Roster& roster, const EligibilityReport& report, const std::string* file_cells,
                const std::string* team_cells, char delimiter)
      : m_roster(&roster), m_report(&report), m_file_cells(file_cells), m_team_cells(team_cells), m_delim(delimiter) {}

  void row(std::string& out, std::string_view file_cell, std::uint32_t line, std::string_view team_cell,
           std::string_view category, std::string_view role, std::string_view name, bool eligible,
           const std::vector<Finding>& findings) const {
    DelimitedRow cells(out, m_delim);
    cells.escaped(file_cell);
    if (line > 0) {
      cells.number(line);
    } else {
      cells.escaped("");
    }
    cells.escaped(team_cell).text(category).escaped(role).text(name).escaped(eligible ? "eligible" : "ineligible");
    cells.text(findings.empty() ? std::string() : reason_list(findings));
  }

  // Rows [from, to) of the roster, written with a copy of this writer on
  // the calling thread's stack.
  void rows(std::size_t from, std::size_t to, std::string& out) const {
    const VerdictWriter w = *this;
    const Roster& roster = *w.m_roster;
    const EligibilityReport& report = *w.m_report;
    for (std::size_t i = from; i < to; ++i) {
      const RosterRow& r = roster.rows[i];
      const char code[3] = {r.category.letter, '-', r.category.sex == Sex::male ? 'M' : 'F'};
      w.row(out, w.m_file_cells[r.source], r.line, w.m_team_cells[r.team],
          r.category.known() ? std::string_view(code, 3) : std::string_view(roster.notes_of(r).category_text),
          r.role == Role::unknown ? "" : role_name(r.role), r.name, report.rows[i].eligible, report.rows[i].findings);
    }
  }

 private:
  const Roster* m_roster;
  const EligibilityReport* m_report;
  const std::string* m_file_cells;
  const std::string* m_team_cells;
  char m_delim;
};

}  // namespace

std::string eligibility_delimited(const Roster& roster, const EligibilityReport& report, const Context& ctx,
                                  char delimiter, unsigned threads, std::size_t min_rows_per_thread,
                                  const PieceSink* sink) {
  // The cells every row of a file or a team repeats, escaped once.
  const auto escaped = [&](const std::vector<std::string>& texts) {
    std::vector<std::string> cells(texts.size());
    for (std::size_t k = 0; k < texts.size(); ++k) append_csv_cell(cells[k], texts[k], delimiter);
    return cells;
  };
  const std::vector<std::string> file_cells = escaped(roster.sources);
  const std::vector<std::string> team_cells = escaped(roster.teams);
  const VerdictWriter writer(roster, report, file_cells.data(), team_cells.data(), delimiter);
  // About the bytes of `rows` rows, from the average file and team cells
  // (not another pass over the rows): room reserved up front, so a large
  // output is not copied as it grows (more only costs a regrowth).
  const auto average = [](const std::vector<std::string>& cells) {
    std::size_t bytes = 0;
    for (const std::string& c : cells) bytes += c.size();
    return cells.empty() ? 0 : bytes / cells.size() + 1;
  };
  const std::size_t cell_bytes = average(file_cells) + average(team_cells);
  const auto estimate = [cell_bytes](std::size_t rows) { return rows * (cell_bytes + 64); };

  const std::size_t n = roster.rows.size();
  const std::size_t block = std::max<std::size_t>(min_rows_per_thread / 4, 1);
  std::string out;
  // With a sink, `out` holds one block at a time, handed on when written.
  out.reserve(sink ? estimate(std::min(n, block)) + 256 : estimate(n) + 256);
  const auto hand_on = [&] {
    if (!sink) return;
    (*sink)(out);
    out.clear();
  };
  {
    DelimitedRow header(out, delimiter);
    for (std::string_view key : {"file", "line", "team", "category", "role", "name", "verdict", "reasons"}) {
      header.text(ctx.lang == Lang::zh ? tr(ctx, "key." + std::string(key)) : std::string(key));
    }
  }
  hand_on();
  // The rows in blocks, taken in turn by two threads when there are at least
  // twice `min_rows_per_thread` (a block written aside is appended in order).
  const std::size_t blocks = (n + block - 1) / block;
  AsideText aside(blocks);
  in_turn(
      blocks, threads > 1 && n >= 2 * std::max<std::size_t>(min_rows_per_thread, 1),
      [&](std::size_t b) {
        writer.rows(b * block, std::min(n, (b + 1) * block), out);
        hand_on();
      },
      [&](std::size_t b, unsigned) {
        const std::size_t to = std::min(n, (b + 1) * block);
        aside.write(b, estimate(to - b * block), [&](std::string& text) { writer.rows(b * block, to, text); });
      },
      [&](std::size_t b) {
        aside.put(b, [&](const std::string& text) {
          if (sink) {
            (*sink)(text);
          } else {
            out += text;
          }
        });
      });
  for (const TeamVerdict& t : report.teams) {
    std::string files;
    append_csv_cell(files, team_files(roster, t), delimiter);
    writer.row(out, files, 0, team_cells[t.team], t.category.code(), "team", "", t.eligible, t.findings);
  }
  hand_on();
  return out;
}

int run_eligibility(const EligibilityCommand& cmd, Output& io) {
  Context ctx = make_context(cmd.common, io);
  std::vector<std::string> inputs = cmd.inputs;
  inputs.push_back(cmd.teams_file);
  if (!output_usage_ok(cmd.common, ctx, inputs)) return k_exit_error;
  std::optional<Rules> rules = load_rules(cmd.common, ctx);
  if (!rules) return k_exit_error;

  std::vector<Diagnostic> diags;
  RosterOptions ro;
  ro.delimiter = ctx.delimiter;
  ro.province = rules->eligibility.province;
  ro.province_aliases = rules->eligibility.province_aliases;
  if (!cmd.category.empty()) {
    ro.category = parse_category(cmd.category);
    if (!ro.category) diags.push_back({Severity::error, "", 0, "", "", "bad_category_option", {cmd.category}});
  }
  EligibilityOptions eo;
  eo.season = cmd.season;
  eo.threads = std::min(2U, reader_threads());
  // CSV and TSV list the reasons only, not their words.
  eo.messages = ctx.format != Format::csv && ctx.format != Format::tsv;
  if (!cmd.as_of.empty()) {
    eo.as_of = parse_option_date(cmd.as_of);
    if (!eo.as_of) diags.push_back({Severity::error, "", 0, "", "", "bad_as_of_option", {cmd.as_of}});
  }
  ro.as_of = effective_as_of(rules->eligibility, eo);
  if (report(diags, ctx)) return k_exit_error;

  Roster roster = read_roster_inputs(cmd.inputs, ro, ctx, diags);
  roster_name_clashes(roster, diags);
  if (!cmd.teams_file.empty()) {
    TextInput in;
    if (read_text(cmd.teams_file, ctx, in, diags)) {
      const std::size_t from = diags.size();
      eo.documents = parse_team_documents(in.decoded.text, in.source, in.delimiter(ctx), diags);
      eo.documents_source = in.source;
      place_diagnostics(in, diags, from);
    }
  }
  if (!has_errors(diags) && roster.rows.empty()) {
    diags.push_back({Severity::error, "", 0, "", "", "roster_no_rows", {}});
  }
  if (report(diags, ctx)) return k_exit_error;

  EligibilityReport rep = check_eligibility(roster, *rules, eo);
  report(rep.warnings, ctx);
  const int code = rep.all_eligible() ? k_exit_ok : k_exit_findings;
  int result;
  if (ctx.format == Format::csv || ctx.format == Format::tsv || ctx.format == Format::json) {
    if (!rep.documents_checked) io.err += tr(ctx, "warning_prefix") + tr(ctx, "elig.docs_not_checked") + "\n";
    if (ctx.format == Format::json) {
      result = emit(cmd.common, ctx, {eligibility_sheet(roster, rep, ctx)}, code);
    } else {
      const char delimiter = ctx.format == Format::tsv ? '\t' : ',';
      result = emit_pieces(
          cmd.common, ctx,
          [&](const PieceSink& sink) { eligibility_delimited(roster, rep, ctx, delimiter, eo.threads, eo.min_rows_per_thread, &sink);
          },
          code);
    }
  } else {
    result = emit(cmd.common, ctx, eligibility_team_sheets(roster, rep, *rules, ctx), code);
  }
  if (roster.rows.size() >= k_keep_rows) {
    keep_to_the_end(std::move(roster));
    keep_to_the_end(std::move(rep));
  }
  return result;
}

}  // namespace matchday::cli
